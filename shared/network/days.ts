import type { DayString } from '../domain/entities';

/**
 * The model counts time in whole days since 1970-01-01 (UTC arithmetic on the owner's calendar
 * days), so every gap and half-life is a plain subtraction and no time zone can shift a day.
 */
export type DayNumber = number;

const MS_PER_DAY = 86_400_000;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

export function dayNumber(day: DayString): DayNumber {
  const m = DAY.exec(day);
  if (!m) throw new RangeError(`"${day}" is not a day of the form YYYY-MM-DD.`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / MS_PER_DAY;
}

export function dayString(day: DayNumber): DayString {
  const t = new Date(day * MS_PER_DAY);
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

/** The UTC day a millisecond timestamp falls on (for people journaled but never met). */
export function dayOfTimestamp(ms: number): DayNumber {
  return Math.floor(ms / MS_PER_DAY);
}

/** A date as the UI holds it ('YYYY-MM-DD') or as the model counts it (a day number). */
export type DayLike = DayString | DayNumber;

export function toDay(day: DayLike): DayNumber {
  return typeof day === 'number' ? day : dayNumber(day);
}

export const DAYS_PER_MONTH = 365.25 / 12;
export const DAYS_PER_YEAR = 365.25;
