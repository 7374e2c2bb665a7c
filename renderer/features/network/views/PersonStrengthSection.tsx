import { useMemo } from 'react';
import { Link } from 'wouter';
import type { Encounter, Person } from '../../../../shared/domain/entities';
import { todayString } from '../../../../shared/domain/days';
import { paths } from '../../../app/paths';
import { useOwner } from '../../../db';
import { useStrengthSettings } from '../../settings';
import { usePersonTies } from '../../people/usePersonRecords';
import { useLearnedStrength } from '../model';
import { personTieHistory } from './personTie';
import { StrengthExplanation } from './StrengthExplanation';
import { StrengthTimeline } from './StrengthTimeline';
import { useWantToReach } from './useWantToReach';
import './views.css';

interface Props {
  person: Person;
  /** Their encounters (any order). */
  encounters: readonly Encounter[];
}

/**
 * The person page's view of the tie: its strength over time, the factors behind today's strength,
 * and the six-degrees flag. Computed here from this person's encounters alone (see personTie.ts),
 * so opening a person page does not start the whole network model.
 */
export function PersonStrengthSection({ person, encounters }: Props) {
  const owner = useOwner();
  const today = todayString();
  const settings = useStrengthSettings();
  // What the owner marked them as, and what the ratings of everyone taught (from the network worker;
  // until it has built, the page shows the strength without the learned part).
  const ties = usePersonTies(person.id);
  const learned = useLearnedStrength();
  const history = useMemo(
    () =>
      owner && settings
        ? personTieHistory(owner, person, encounters, today, settings, { ties, learned: learned ?? null })
        : null,
    [owner, person, encounters, today, settings, ties, learned],
  );
  const setWantToReach = useWantToReach();
  if (person.isOwner) return null;

  return (
    <section className="person-section card" aria-labelledby="tie-strength">
      <h2 id="tie-strength" className="visually-hidden">
        Tie strength
      </h2>
      {!settings ? null : history ? (
        <>
          <StrengthTimeline name={person.name} series={history.series} contactDays={history.contactDays} />
          <StrengthExplanation explanation={history.explanation} />
        </>
      ) : (
        <p className="muted">
          No encounters with {person.name} yet, so there is no tie to measure. Its strength appears here after
          the first encounter.
        </p>
      )}
      <div className="row">
        <label className="row">
          <input
            type="checkbox"
            checked={person.wantToReach}
            onChange={(e) => setWantToReach(person, e.currentTarget.checked)}
          />
          I want to reach {person.name}
        </label>
        {person.wantToReach && <Link href={paths.network}>How can I reach {person.name}?</Link>}
      </div>
    </section>
  );
}
