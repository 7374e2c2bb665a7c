import type { ReactNode } from 'react';
import type { Encounter } from '../../../shared/domain/entities';
import { useCommunitiesById, usePeopleById } from '../../db';
import { count, PageSection } from '../../ui';
import { EncounterRow } from './EncounterRow';
import { formatDayShort } from './format';

interface Props {
  /** The section heading's id. */
  id: string;
  className: string;
  /** Newest first, as the journal shows them. */
  encounters: readonly Encounter[];
  /** The list's accessible name: whose encounters these are. */
  label: string;
  listClassName?: string;
  /** Said when there are none. */
  empty: ReactNode;
}

/** A section listing encounters, each under its day, with how many there are in the heading. */
export function EncounterTimeline({ id, className, encounters, label, listClassName, empty }: Props) {
  const peopleById = usePeopleById();
  const communitiesById = useCommunitiesById();
  return (
    <PageSection
      id={id}
      className={className}
      title="Encounters"
      count={count(encounters.length, 'encounter', 'encounters')}
    >
      {encounters.length > 0 ? (
        <ul className={['list card', listClassName].filter(Boolean).join(' ')} aria-label={label}>
          {encounters.map((e) => (
            <li key={e.id} className="list__item dated-encounter">
              <time className="dated-encounter__day" dateTime={e.date}>
                {formatDayShort(e.date)}
              </time>
              <EncounterRow encounter={e} peopleById={peopleById} communitiesById={communitiesById} />
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{empty}</p>
      )}
    </PageSection>
  );
}
