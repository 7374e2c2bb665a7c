import type { ReactNode } from 'react';
import type { Encounter } from '../../../shared/domain/entities';
import { useCommunitiesById, usePeopleById } from '../../db';
import { count, PageSection, ViewBoundary } from '../../ui';
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

/** Its own component so that formatting the day happens inside the row's boundary. */
function EncounterDay({ date }: { date: string }) {
  return (
    <time className="dated-encounter__day" dateTime={date}>
      {formatDayShort(date)}
    </time>
  );
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
              {/* One encounter that cannot be shown leaves the rest of the list. */}
              <ViewBoundary what="this encounter" size="row" resetKeys={[e]}>
                <EncounterDay date={e.date} />
                <EncounterRow encounter={e} peopleById={peopleById} communitiesById={communitiesById} />
              </ViewBoundary>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{empty}</p>
      )}
    </PageSection>
  );
}
