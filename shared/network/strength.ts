import type { Contact } from './contacts';
import type { DayNumber } from './days';
import { combineFactors, ownerTieFactors } from './factors';
import { measureOwnerTie } from './measures';
import type { StrengthSettings } from './settings';

/**
 * The strength of the owner's tie with one person on `day`, computed directly from their contacts
 * (0 before they met). The time index gives the same number for every tie at once.
 */
export function ownerTieStrength(
  contacts: readonly Contact[],
  day: DayNumber,
  settings: StrengthSettings,
): number {
  const m = measureOwnerTie(contacts, day, settings);
  return m ? combineFactors(ownerTieFactors(m, settings), settings) : 0;
}
