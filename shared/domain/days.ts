import type { DayString } from './entities';

/** How far ahead an encounter date may be before the form asks "did you mean that?". */
export const FAR_FUTURE_DAYS = 30;

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** True for 'YYYY-MM-DD' strings that name a day that exists (so 2026-02-30 is refused). */
export function isRealDay(value: string): boolean {
  const m = DAY_PATTERN.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  // UTC arithmetic: the calendar does not depend on the time zone, and local dates can hit DST gaps.
  const probe = new Date(Date.UTC(y, mo - 1, d));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === mo - 1 && probe.getUTCDate() === d;
}

/** 'HH:MM' on a 24-hour clock. ('' = time unknown is allowed by the schemas, not here.) */
export function isClockTime(value: string): boolean {
  return /^([01]\d|2[0-3]):[0-5]\d$/.test(value);
}

/** The owner's local calendar day. */
export function todayString(now: Date = new Date()): DayString {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function dayNumber(day: DayString): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: DayString, to: DayString): number {
  return dayNumber(to) - dayNumber(from);
}

/** The day `days` after `day` (negative goes back). */
export function addDays(day: DayString, days: number): DayString {
  const t = new Date((dayNumber(day) + days) * 86_400_000);
  return `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

/** More than FAR_FUTURE_DAYS ahead of today: probably a typo, so the form asks to confirm. */
export function isFarFuture(date: DayString, today: DayString): boolean {
  if (!isRealDay(date) || !isRealDay(today)) return false;
  return daysBetween(today, date) > FAR_FUTURE_DAYS;
}
