import { Link } from 'wouter';
import { COMMUNITY_LABELS } from '../../../shared/domain/kinds';
import { paths } from '../../app/paths';
import type { PersonCommunity } from './derive';
import { count, PageSection } from '../../ui';

/** Communities they are a member of, and those you met them in. */
export function PersonCommunities({ communities }: { communities: readonly PersonCommunity[] }) {
  return (
    <PageSection id="person-communities" className="person-section" title="Communities">
      {communities.length > 0 ? (
        <ul className="list card" aria-label="Communities">
          {communities.map(({ community, explicit, encounterCount }) => (
            <li key={community.id} className="list__item row">
              <Link href={paths.community(community.id)}>{community.name}</Link>
              <span className="muted">
                {COMMUNITY_LABELS[community.kind]}
                {' · '}
                {[
                  explicit && 'member',
                  encounterCount > 0 && `met there ${count(encounterCount, 'time', 'times')}`,
                ]
                  .filter(Boolean)
                  .join(', ')}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">No communities yet: add one with Edit, or record an encounter in a community.</p>
      )}
    </PageSection>
  );
}
