import type { Random } from './random';

/**
 * How the owner rates encounters (1..5 stars, 0 = not rated). Nobody has published how often people
 * fill an optional rating in a personal journal, so the rates below are assumptions, chosen on the
 * sparse side: an optional field is filled now and then, not as a habit, and a rating describes the
 * encounter (how the evening went) more than the relationship. Set them to see how a model copes
 * with more or fewer ratings.
 */
export interface RatingHabits {
  /** Share of one-to-one encounters the owner rates. */
  oneToOneRate: number;
  /** Share of group encounters the owner rates. */
  groupRate: number;
  /** Spread, in stars, of the owner's mood and rounding: what differs between two ratings of the same evening. */
  noiseSd: number;
  /** Spread, in stars, of how the occasion itself went (the food, the weather, the topic): shared by everyone present. */
  occasionSd: number;
  /**
   * How much a group rating follows the closest person present (0..1); the rest is the occasion.
   * A party is good or dull for everyone; a close friend being there lifts it a little.
   */
  groupClosestWeight: number;
}

/**
 * Defaults. Rates: assumptions (see above); one-to-ones are rated more often than groups because
 * they are about one person and more memorable. Noise: diary studies that ask for a rating after
 * every interaction (the Rochester Interaction Record, Reis & Wheeler 1991) find that ratings of
 * the same relationship vary a great deal from one interaction to the next, so a one-to-one rating
 * here carries about as much occasion and mood as closeness (it correlates about 0.6 to 0.7 with the
 * true closeness at the date; see docs/sample-journal.md for the measured figure).
 */
export const DEFAULT_RATING_HABITS: RatingHabits = {
  oneToOneRate: 0.2,
  groupRate: 0.06,
  noiseSd: 0.8,
  occasionSd: 0.8,
  groupClosestWeight: 0.25,
};

/** Checks settable habits, naming the one at fault. */
export function ratingHabits(overrides: Partial<RatingHabits> = {}): RatingHabits {
  const habits = { ...DEFAULT_RATING_HABITS, ...overrides };
  for (const [name, value] of Object.entries(habits)) {
    const max = name === 'noiseSd' || name === 'occasionSd' ? 10 : 1;
    if (!(value >= 0 && value <= max))
      throw new RangeError(`Rating habit ${name} must be between 0 and ${max} (got ${value}).`);
  }
  return habits;
}

const stars = (x: number) => Math.max(1, Math.min(5, Math.round(x)));

/**
 * The owner's rating of an encounter, or 0 when they did not rate it. `closeness` is the true
 * closeness on the day of each person present.
 */
export function rateEncounter(
  random: Random,
  habits: RatingHabits,
  oneToOne: boolean,
  closeness: readonly number[],
): number {
  if (!random.chance(oneToOne ? habits.oneToOneRate : habits.groupRate)) return 0;
  const occasion = random.normal(0, habits.occasionSd) + random.normal(0, habits.noiseSd);
  if (oneToOne) return stars(1 + 4 * (closeness[0] as number) + occasion);
  let closest = 0;
  for (const c of closeness) closest = Math.max(closest, c);
  const w = habits.groupClosestWeight;
  // Centred on 3 stars for a middling occasion, moved a little by the closest person there.
  return stars(1 + 4 * (w * closest + (1 - w) * 0.5) + occasion);
}
