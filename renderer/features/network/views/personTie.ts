import type { DayString, Encounter, Person, Tie } from '../../../../shared/domain/entities';
import { isRealDay } from '../../../../shared/domain/days';
import type { LearnedStrength, OwnerTieDetail, StrengthExplanation } from '../../../../shared/network';
import { dayNumber, dayString } from '../../../../shared/network/days';
import { explainStrength } from '../../../../shared/network/explain';
import { DEFAULT_STRENGTH_SETTINGS, type StrengthSettings } from '../../../../shared/network/settings';
import { buildTimeIndex } from '../../../../shared/network/timeIndex';

export interface StrengthPoint {
  day: DayString;
  strength: number;
}

export interface PersonTieHistory {
  /** The tie's strength from the first encounter to `today`, in date order. */
  series: StrengthPoint[];
  /** Days with an encounter, for the marks under the line. */
  contactDays: DayString[];
  /** "Why is this tie strong?" on `today`. */
  explanation: StrengthExplanation;
}

/** Enough points for a smooth line on a page-wide chart, without costing a frame. */
const SAMPLES = 160;
/** Past this many contact days the sampled line shows the steps well enough on its own. */
const MAX_STEP_POINTS = 400;

export interface PersonTieContext {
  /** The owner's Tie documents with this person (what the owner marked them as); others are ignored. */
  ties?: readonly Tie[];
  /** The model learned from the whole journal's ratings (null: none). */
  learned?: LearnedStrength | null;
}

/**
 * The owner's tie with one person over time. The strength of an owner tie depends only on the
 * encounters with that person (the group size comes from each encounter's own participant list),
 * what the owner marked them as, and the model learned from the whole journal's ratings (passed in),
 * so a time index over just those encounters gives the same numbers as the map's index over the
 * whole journal, on the main thread, in well under a millisecond. Null when they have not met.
 */
export function personTieHistory(
  owner: Person,
  person: Person,
  encounters: readonly Encounter[],
  today: DayString,
  settings: StrengthSettings = DEFAULT_STRENGTH_SETTINGS,
  context: PersonTieContext = {},
): PersonTieHistory | null {
  // A day that does not exist has no place on the timeline (Settings › Data health lists it).
  const theirs = encounters.filter(
    (e) => e.participantIds.includes(person.id) && e.date <= today && isRealDay(e.date),
  );
  if (theirs.length === 0 || person.isOwner) return null;
  const ownerTies = (context.ties ?? []).filter(
    (t) => (t.aId === owner.id && t.bId === person.id) || (t.bId === owner.id && t.aId === person.id),
  );
  const index = buildTimeIndex([owner, person], theirs, ownerTies, settings, {
    learned: context.learned ?? null,
  });
  const tie = index.people[0]?.ownerTie ?? -1;
  if (tie < 0) return null;

  const first = index.firstDay;
  const end = dayNumber(today);
  const contactDays = [...new Set(theirs.map((e) => dayNumber(e.date)))].sort((a, b) => a - b);
  const days = new Set<number>();
  const span = Math.max(1, end - first);
  for (let k = 0; k <= SAMPLES; k++) days.add(first + Math.round((span * k) / SAMPLES));
  if (contactDays.length <= MAX_STEP_POINTS) {
    // The day before and the day of each encounter, so each one shows as a step up, not a slope.
    for (const d of contactDays) {
      if (d > first) days.add(d - 1);
      days.add(d);
    }
  }
  const out = new Float64Array(index.ties.length);
  const series = [...days]
    .filter((d) => d <= end)
    .sort((a, b) => a - b)
    .map((d) => ({ day: dayString(d), strength: index.strengthsAt(d, out)[tie] as number }));
  const detail = index.tieAt(tie, end) as OwnerTieDetail;
  return {
    series,
    contactDays: contactDays.map(dayString),
    explanation: explainStrength(detail, settings),
  };
}
