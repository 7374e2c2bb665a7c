import { format, parseISO } from 'date-fns';
import { formatStoredDay } from '../../../../shared/domain/dayText';
import type { DayString } from '../../../../shared/domain/entities';

/**
 * The views count calendar days as UTC midnights, like shared/network does, so d3-time's utc
 * intervals step whole days and no time zone or daylight-saving change can move a day. Labels are
 * formatted from the day string itself (parsed as a local date), never from the UTC instant. A day
 * that does not exist (stored by another device or a backup) is named as stored, never thrown on.
 */

export function dayToDate(day: DayString): Date {
  return new Date(`${day}T00:00:00Z`);
}

export function dateToDay(date: Date): DayString {
  return date.toISOString().slice(0, 10);
}

// One formatter, reused: a year of heatmap cells formats 365 labels on every date change.
const LONG_DAY = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** "12 March 2026" (the app's words are English, like date-fns' default locale elsewhere). */
/** Labels already formatted: a year of heatmap cells asks for 366 of them at every date. */
const dayLabels = new Map<DayString, string>();

export function dayLabel(day: DayString): string {
  let label = dayLabels.get(day);
  if (label === undefined) {
    label = formatStoredDay(day, (d) => LONG_DAY.format(dayToDate(d)));
    dayLabels.set(day, label);
  }
  return label;
}

/** "Mar 2026". */
export function monthLabel(day: DayString): string {
  return formatStoredDay(day, (d) => format(parseISO(d), 'MMM yyyy'));
}

/** "Q1 2026". */
export function quarterLabel(day: DayString): string {
  return formatStoredDay(day, (d) => format(parseISO(d), 'QQQ yyyy'));
}

/** "Mar". */
export function monthShortLabel(day: DayString): string {
  return formatStoredDay(day, (d) => format(parseISO(d), 'MMM'));
}

/** "1 encounter", "3 encounters". */
export function encountersWord(n: number): string {
  return `${n} ${n === 1 ? 'encounter' : 'encounters'}`;
}

/** "1 person", "3 people". */
export function peopleWord(n: number): string {
  return `${n} ${n === 1 ? 'person' : 'people'}`;
}
