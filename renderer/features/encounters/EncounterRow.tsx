import { memo, type MouseEvent } from 'react';
import type { Community, Encounter, Person } from '../../../shared/domain/entities';
import { paths } from '../../app/paths';
import { channelLabel, contextLabel, encounterHeading, formatDurationShort, RATING_LABELS } from './format';
import { useEncounterDialogs } from './encounterDialogsContext';
import './encounter-row.css';

interface Props {
  encounter: Encounter;
  peopleById: Map<string, Person>;
  communitiesById: Map<string, Community>;
}

/**
 * One encounter in a list. The title is the button that opens it; participant names are links to
 * their pages, so the row holds no nested interactive elements. The links are plain hash links
 * rather than wouter <Link>s: a router subscription per link is measurable when thousands of rows
 * scroll past.
 */
export const EncounterRow = memo(function EncounterRow({ encounter, peopleById, communitiesById }: Props) {
  const { openEncounter } = useEncounterDialogs();
  const community = communitiesById.get(encounter.communityId);
  const heading = encounterHeading(encounter, peopleById);
  const meta = [contextLabel(encounter), channelLabel(encounter), encounter.place].filter(Boolean);

  // Mouse users may click anywhere on the row; keyboard users use the title button.
  const onRowClick = (event: MouseEvent) => {
    if (!(event.target as Element).closest('a, button')) openEncounter(encounter.id);
  };

  return (
    <article className="encounter-row" onClick={onRowClick} aria-label={heading}>
      <div className="encounter-row__when">
        <span className="encounter-row__time">{encounter.time || '—'}</span>
        {encounter.durationMinutes > 0 && (
          <span className="encounter-row__duration">{formatDurationShort(encounter.durationMinutes)}</span>
        )}
      </div>
      <div className="encounter-row__main">
        <button type="button" className="encounter-row__title" onClick={() => openEncounter(encounter.id)}>
          {heading}
        </button>
        <div className="encounter-row__meta">
          {meta.join(' · ')}
          {community && (
            <>
              {' · '}
              <a href={`#${paths.community(community.id)}`} className="encounter-row__community">
                {community.name}
              </a>
            </>
          )}
        </div>
      </div>
      <div className="encounter-row__people">
        {encounter.participantIds.map((id, i) => (
          <span key={id}>
            {i > 0 && ', '}
            <a href={`#${paths.person(id)}`} className="person-link">
              {peopleById.get(id)?.name ?? 'Unknown person'}
            </a>
          </span>
        ))}
      </div>
      <Rating value={encounter.rating} />
    </article>
  );
});

function Rating({ value }: { value: number }) {
  if (!value) return <span className="encounter-row__rating" />;
  return (
    <span
      className="encounter-row__rating"
      role="img"
      aria-label={`Closeness ${value} of 5: ${RATING_LABELS[value]}`}
    >
      {[1, 2, 3, 4, 5].map((n) => (
        <span key={n} className={`rating-dot${n <= value ? ' is-on' : ''}`} />
      ))}
    </span>
  );
}
