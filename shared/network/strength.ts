import type { Contact } from './contacts';
import type { DayNumber } from './days';
import { combineFactors, NO_TIE_INFO, ownerTieFactors, type OwnerTieInfo } from './factors';
import type { LearnedStrength } from './learn';
import { measureOwnerTie } from './measures';
import type { StrengthSettings } from './settings';

/**
 * The strength of the owner's tie with one person on `day`, computed directly from their contacts
 * (0 before they met), what the owner said of the tie (`info`) and the model learned from the
 * owner's ratings, if any. The time index gives the same number for every tie at once.
 */
export function ownerTieStrength(
  contacts: readonly Contact[],
  day: DayNumber,
  settings: StrengthSettings,
  info: OwnerTieInfo = NO_TIE_INFO,
  learned: LearnedStrength | null = null,
): number {
  const m = measureOwnerTie(contacts, day, settings);
  return m ? combineFactors(ownerTieFactors(m, settings, info, learned), settings) : 0;
}
