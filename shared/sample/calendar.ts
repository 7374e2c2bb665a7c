import type { DayString } from '../domain/entities';

/**
 * Samples are generated on a day number line (whole days since 1970-01-01, UTC) so that the
 * output never depends on the machine's time zone or on today's date.
 */
export const DAY_MS = 86_400_000;

/** Every dataset ends here, so a seed gives the same journal whatever the date today. */
export const REFERENCE_DAY: DayString = '2026-11-01';

export function dayNumber(day: DayString): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

export function dayString(day: number): DayString {
  const t = new Date(day * DAY_MS);
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

/** 'HH:MM' for minutes after midnight. */
export function clockTime(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
