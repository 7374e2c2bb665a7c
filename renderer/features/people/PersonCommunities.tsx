import { Link } from 'wouter';
import { COMMUNITY_LABELS } from '../../../shared/domain/kinds';
import { paths } from '../../app/paths';
import type { PersonCommunity } from './derive';
import { count } from './format';

/** Communities they are a member of, and those you met them in. */
export function PersonCommunities({ communities }: { communities: readonly PersonCommunity[] }) {
  return (
    <section className="person-section" aria-labelledby="person-communities">
      <h2 id="person-communities" className="person-section__title">
        Communities
      </h2>
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
    </section>
  );
}
