import { dayNumber, dayString, type DayNumber } from './days';

/**
 * A stretch of the journal's time, both ends included: "what changed" compares the network on the
 * day before `from` with the network on `to`.
 */
export interface DaySpan {
  from: DayNumber;
  to: DayNumber;
}

const MS_PER_DAY = 86_400_000;

/** 1 January to 31 December of `year`. */
export function yearSpan(year: number): DaySpan {
  const y = String(year).padStart(4, '0');
  return { from: dayNumber(`${y}-01-01`), to: dayNumber(`${y}-12-31`) };
}

/**
 * The `months` calendar months that end on `to`: the last 12 months on 7 Dec 2026 run from 8 Dec
 * 2025. The same day `months` earlier (or that month's last day, when it is shorter) plus one.
 */
export function monthsUntil(to: DayNumber, months = 12): DaySpan {
  const end = new Date(to * MS_PER_DAY);
  const month = end.getUTCMonth() - months;
  const lastOfMonth = new Date(Date.UTC(end.getUTCFullYear(), month + 1, 0)).getUTCDate();
  const start = Date.UTC(end.getUTCFullYear(), month, Math.min(end.getUTCDate(), lastOfMonth));
  return { from: start / MS_PER_DAY + 1, to };
}

/** The calendar year a span covers exactly, or null. */
export function wholeYear(span: DaySpan): number | null {
  const year = Number(dayString(span.from).slice(0, 4));
  const whole = yearSpan(year);
  return whole.from === span.from && whole.to === span.to ? year : null;
}

const dayFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

/** "7 Dec 2026", the way the rest of the app writes a day. */
export function dayInWords(day: DayNumber): string {
  return dayFormat.format(new Date(day * MS_PER_DAY));
}

/** "2025" for a whole year, "2026 until 7 Dec 2026" for a year so far, else "1 Mar 2025 – 1 Jun 2025". */
export function spanLabel(span: DaySpan): string {
  const year = wholeYear(span);
  if (year !== null) return String(year);
  const from = dayString(span.from);
  if (from.endsWith('-01-01') && dayString(span.to).slice(0, 4) === from.slice(0, 4)) {
    return `${from.slice(0, 4)} until ${dayInWords(span.to)}`;
  }
  return `${dayInWords(span.from)} – ${dayInWords(span.to)}`;
}
