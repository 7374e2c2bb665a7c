import type { Encounter, Person } from '../../../shared/domain/entities';
import { useCommunitiesById, usePeopleById } from '../../db';
import { EncounterRow, formatDayShort } from '../encounters';
import { count } from './format';

/** Every encounter with them, newest first (as the journal shows it). */
export function PersonTimeline({ person, timeline }: { person: Person; timeline: readonly Encounter[] }) {
  const peopleById = usePeopleById();
  const communitiesById = useCommunitiesById();
  if (person.isOwner) return null;
  return (
    <section className="person-section" aria-labelledby="person-timeline">
      <h2 id="person-timeline" className="person-section__title">
        Encounters <span className="muted">({count(timeline.length, 'encounter', 'encounters')})</span>
      </h2>
      {timeline.length > 0 ? (
        <ul className="list card person-timeline" aria-label={`Encounters with ${person.name}`}>
          {timeline.map((e) => (
            <li key={e.id} className="list__item dated-encounter">
              <time className="dated-encounter__day" dateTime={e.date}>
                {formatDayShort(e.date)}
              </time>
              <EncounterRow encounter={e} peopleById={peopleById} communitiesById={communitiesById} />
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">No encounters with {person.name} yet. “Record an encounter” adds the first.</p>
      )}
    </section>
  );
}
