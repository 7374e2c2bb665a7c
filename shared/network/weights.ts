import type { Encounter } from '../domain/entities';
import type { StrengthSettings } from './settings';

/** What everyone present gets of an encounter with `people` others: 1 / n^exponent (one-to-one = 1). */
export function groupShare(people: number, settings: StrengthSettings): number {
  return people <= 1 ? 1 : people ** -settings.groupSizeExponent;
}

/** How much an encounter counts for the medium and setting it happened in, before group size. */
export function settingWeight(
  encounter: Pick<Encounter, 'channel' | 'context'>,
  settings: StrengthSettings,
): number {
  return settings.channelWeights[encounter.channel] * settings.contextWeights[encounter.context];
}

/**
 * What one shared encounter adds to the tie between two of the people present: a pair at a
 * gathering of n is one of n - 1 pairs each person is part of, so a crowd adds little to any pair.
 */
export function coAttendanceWeight(
  encounter: Pick<Encounter, 'channel' | 'context'>,
  people: number,
  settings: StrengthSettings,
): number {
  return people < 2 ? 0 : settingWeight(encounter, settings) / (people - 1);
}
