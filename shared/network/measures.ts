import type { Contact } from './contacts';
import { CONTEXT_BIT } from './contacts';
import type { DayNumber } from './days';
import type { StrengthSettings } from './settings';

/**
 * The raw quantities behind an owner tie's factors at one date, summed over the contacts up to and
 * including that day. The time index keeps running totals of the same quantities; this direct
 * version is the reference it is tested against and what a single tie's page can use.
 */
export interface OwnerTieMeasures {
  /** The date measured at. */
  day: DayNumber;
  first: DayNumber;
  /** The last contact on or before `day`. */
  last: DayNumber;
  /** Distinct days with contact. */
  contactDays: number;
  /** Distinct days with contact, each counted by its weightiest contact (a crowd counts less). */
  weightedDays: number;
  /** The first day's part of weightedDays (the first meeting says little about the tie yet). */
  firstWeight: number;
  /** Sum over contacts of weight x 2^(-(day - contact day) / half-life). */
  intensity: number;
  /** Sum of squared gaps between consecutive contact days (for burstiness). */
  gapSquares: number;
  /** The gaps longer than burstGapDays (pauses between bursts of contact): their sum and count. */
  pauseDays: number;
  pauses: number;
  /** Initiations by the owner and by the other person, weighted by group share. */
  ownerInitiated: number;
  theyInitiated: number;
  /** Distinct contexts (kinds of setting) the two have met in. */
  contexts: number;
  /** Sum of rating x rating share and of rating share, over rated contacts. */
  ratingSum: number;
  ratingWeight: number;
}

/** Measures of the tie on `day`, or null when the two had not met by then. `contacts` in date order. */
export function measureOwnerTie(
  contacts: readonly Contact[],
  day: DayNumber,
  settings: StrengthSettings,
): OwnerTieMeasures | null {
  const upTo = contacts.filter((c) => c.day <= day);
  if (upTo.length === 0) return null;
  const days = [...new Set(upTo.map((c) => c.day))].sort((a, b) => a - b);
  let gapSquares = 0;
  let pauseDays = 0;
  let pauses = 0;
  for (let i = 1; i < days.length; i++) {
    const gap = (days[i] as number) - (days[i - 1] as number);
    gapSquares += gap ** 2;
    if (gap > settings.burstGapDays) {
      pauseDays += gap;
      pauses++;
    }
  }
  let intensity = 0;
  let ownerInitiated = 0;
  let theyInitiated = 0;
  let ratingSum = 0;
  let ratingWeight = 0;
  let contextBits = 0;
  const dayWeight = new Map<number, number>();
  for (const c of upTo) {
    dayWeight.set(c.day, Math.max(dayWeight.get(c.day) ?? 0, c.share));
    intensity += c.weight * 2 ** (-(day - c.day) / settings.intensityHalfLifeDays);
    if (c.initiative === 'owner') ownerInitiated += c.share;
    if (c.initiative === 'them') theyInitiated += c.share;
    if (c.rating > 0) {
      ratingSum += c.rating * c.ratingShare;
      ratingWeight += c.ratingShare;
    }
    contextBits |= CONTEXT_BIT[c.context];
  }
  return {
    day,
    first: days[0] as number,
    last: days[days.length - 1] as number,
    contactDays: days.length,
    weightedDays: [...dayWeight.values()].reduce((a, b) => a + b, 0),
    firstWeight: dayWeight.get(days[0] as number) as number,
    intensity,
    gapSquares,
    pauseDays,
    pauses,
    ownerInitiated,
    theyInitiated,
    contexts: bitCount(contextBits),
    ratingSum,
    ratingWeight,
  };
}

export function bitCount(bits: number): number {
  let n = 0;
  for (let b = bits >>> 0; b !== 0; b &= b - 1) n++;
  return n;
}
