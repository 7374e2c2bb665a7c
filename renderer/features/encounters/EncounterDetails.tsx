import { Link } from 'wouter';
import { OWNER_ID } from '../../../shared/db';
import type { Encounter, Person } from '../../../shared/domain/entities';
import { paths } from '../../app/paths';
import { useCommunitiesById } from '../../db';
import { Chip, Markdown } from '../../ui';
import { channelLabel, contextLabel, formatDayLong, formatDuration, RATING_LABELS } from './format';

interface Props {
  encounter: Encounter;
  peopleById: Map<string, Person>;
  /** Called when a link to a person or community is followed (the dialog closes). */
  onNavigate(): void;
}

export function EncounterDetails({ encounter, peopleById, onNavigate }: Props) {
  const community = useCommunitiesById().get(encounter.communityId);
  const when = [formatDayLong(encounter.date), encounter.time, formatDuration(encounter.durationMinutes)]
    .filter(Boolean)
    .join(' · ');
  const initiator =
    encounter.initiatorId === OWNER_ID ? 'Me' : (peopleById.get(encounter.initiatorId)?.name ?? '');

  return (
    <div className="encounter-details">
      <dl className="details-list">
        <dt>When</dt>
        <dd>{when}</dd>
        <dt>People</dt>
        <dd>
          {encounter.participantIds.map((id, i) => (
            <span key={id}>
              {i > 0 && ', '}
              <Link href={paths.person(id)} className="person-link" onClick={onNavigate}>
                {peopleById.get(id)?.name ?? 'Unknown person'}
              </Link>
            </span>
          ))}
        </dd>
        <dt>Context</dt>
        <dd>
          {contextLabel(encounter)} · {channelLabel(encounter)}
        </dd>
        {encounter.place && (
          <>
            <dt>Place</dt>
            <dd>{encounter.place}</dd>
          </>
        )}
        {community && (
          <>
            <dt>Community</dt>
            <dd>
              <Link href={paths.community(community.id)} onClick={onNavigate}>
                {community.name}
              </Link>
            </dd>
          </>
        )}
        {initiator && (
          <>
            <dt>Initiated by</dt>
            <dd>{initiator}</dd>
          </>
        )}
        {encounter.rating > 0 && (
          <>
            <dt>Closeness</dt>
            <dd>
              {encounter.rating} of 5 · {RATING_LABELS[encounter.rating]}
            </dd>
          </>
        )}
        {encounter.tags.length > 0 && (
          <>
            <dt>Tags</dt>
            <dd className="row">
              {encounter.tags.map((tag) => (
                <Chip key={tag} label={tag} />
              ))}
            </dd>
          </>
        )}
      </dl>
      {encounter.notes && (
        <section className="encounter-details__notes" aria-label="Notes">
          <Markdown source={encounter.notes} />
        </section>
      )}
    </div>
  );
}
