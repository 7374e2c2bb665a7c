import { unknownDayText } from '../../../shared/domain/dayText';
import { isBirthday } from '../../../shared/domain/validation';

export function cadenceLabel(days: number): string {
  if (days <= 0) return 'No cadence';
  const named: Record<number, string> = {
    7: 'every week',
    14: 'every two weeks',
    30: 'every month',
    91: 'every quarter',
    365: 'every year',
  };
  return `Keep in touch ${named[days] ?? `every ${days} days`}`;
}

const WITH_YEAR = new Intl.DateTimeFormat(undefined, {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
const WITHOUT_YEAR = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'long', timeZone: 'UTC' });

/**
 * '1990-04-12' → "12 April 1990"; '--04-12' (year unknown, as vCard writes it) → "12 April". A
 * birthday no calendar has ("1990-02-30", from sync or a backup) shows as stored: Date would roll it
 * over to another day.
 */
export function birthdayLabel(birthday: string): string {
  if (!isBirthday(birthday)) return unknownDayText(birthday);
  const full = /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthday);
  if (full)
    return WITH_YEAR.format(new Date(Date.UTC(Number(full[1]), Number(full[2]) - 1, Number(full[3]))));
  const partial = /^--(\d{2})-(\d{2})$/.exec(birthday);
  // 2000 is a leap year, so 29 February formats too.
  if (partial)
    return WITHOUT_YEAR.format(new Date(Date.UTC(2000, Number(partial[1]) - 1, Number(partial[2]))));
  return birthday;
}
