import type { DayString } from '../../../../shared/domain/entities';
import { isRealDay } from '../../../../shared/domain/days';
import { dayNumber, dayString, monthsUntil, yearSpan, type DaySpan } from '../../../../shared/network';

/** What the "What changed" panel compares: the last 12 months, a year, or two dates. */
export type SpanChoice =
  | { kind: 'last-12-months' }
  | { kind: 'year'; year: number }
  | { kind: 'dates'; from: DayString; to: DayString };

export const LAST_12_MONTHS: SpanChoice = { kind: 'last-12-months' };

/**
 * The days a choice covers; a year still under way ends today, so nothing is told about days that
 * have not happened. Two dates that make no span give the problem in words instead.
 */
export function spanOf(choice: SpanChoice, today: DayString): { span: DaySpan } | { problem: string } {
  const now = dayNumber(today);
  switch (choice.kind) {
    case 'last-12-months':
      return { span: monthsUntil(now) };
    case 'year': {
      const year = yearSpan(choice.year);
      return { span: { from: year.from, to: Math.min(year.to, Math.max(now, year.from)) } };
    }
    case 'dates': {
      if (!isRealDay(choice.from) || !isRealDay(choice.to)) return { problem: 'Enter two dates.' };
      const span = { from: dayNumber(choice.from), to: dayNumber(choice.to) };
      if (span.to < span.from) return { problem: 'The second date is before the first.' };
      return { span };
    }
  }
}

/** The years the journal covers, the latest first (this year included). */
export function journalYears(
  range: { first: DayString; last: DayString } | null,
  today: DayString,
): number[] {
  if (!range) return [];
  const first = Number(range.first.slice(0, 4));
  const last = Math.max(Number(range.last.slice(0, 4)), Number(today.slice(0, 4)));
  return Array.from({ length: last - first + 1 }, (_, k) => last - k);
}

export const spanDays = (span: DaySpan) => ({ from: dayString(span.from), to: dayString(span.to) });
