import { stack, stackOrderNone, stackOffsetNone, type Series } from 'd3-shape';
import { utcDay, utcMonth } from 'd3-time';
import type { DayString } from '../../../../shared/domain/entities';
import { CONTEXT_KINDS, type ContextKind } from '../../../../shared/domain/kinds';
import { dateToDay, dayToDate } from './calendar';
import { activeByKindOn, type CompositionIndex } from './compositionIndex';

/** One period of the chart: who was in the active network at its end, by their main context. */
export interface CompositionPeriod {
  /** First day of the period. */
  start: DayString;
  /** Last day of the period (the day measured at). */
  end: DayString;
  counts: Record<ContextKind, number>;
  total: number;
}

export interface NetworkComposition {
  /** Months per period: 1, or 3 (quarters) when the journal spans more than three years. */
  monthsPerPeriod: number;
  periods: CompositionPeriod[];
  /** The context kinds that appear at least once, in CONTEXT_KINDS order (the stacking order). */
  kinds: ContextKind[];
}

export interface CompositionOptions {
  /** Switch from months to quarters past this many months, so the chart keeps readable steps. */
  maxMonthlyPeriods?: number;
}

/**
 * "Who is my network made of over time": at the end of each month (or quarter) up to `last`, the
 * people met in the previous twelve months (the yearly contact that keeps someone in Dunbar's 150),
 * each counted once under the context where the owner has met them most often so far (the latest
 * one on a tie). Counting people rather than encounters keeps one busy club from drowning out the
 * rest. Reads the index's month-end tables, so it is cheap enough to run for every date the slider
 * settles on.
 */
export function networkComposition(
  index: CompositionIndex,
  last: DayString,
  options: CompositionOptions = {},
): NetworkComposition {
  const maxMonthly = options.maxMonthlyPeriods ?? 36;
  const { dates, firstMonth } = index;
  if (firstMonth === null || (dates[0] as DayString) > last)
    return { monthsPerPeriod: 1, periods: [], kinds: [] };

  const lastMonth = utcMonth.floor(dayToDate(last));
  const months = utcMonth.count(firstMonth, lastMonth) + 1;
  const step = months > maxMonthly ? 3 : 1;
  const periodStart = step === 1 ? firstMonth : utcMonth.every(3)!.floor(firstMonth);

  const perKind = CONTEXT_KINDS.length;
  const used = new Set<ContextKind>();
  const periods: CompositionPeriod[] = [];
  for (let start = periodStart; start <= lastMonth; start = utcMonth.offset(start, step)) {
    const periodEnd = dateToDay(utcDay.offset(utcMonth.offset(start, step), -1));
    const end = min(periodEnd, last);
    const m = utcMonth.count(firstMonth, utcMonth.floor(dayToDate(end)));
    // The last period may stop mid-month, on the chosen date: read that one from the encounters.
    const byKind =
      end !== periodEnd
        ? activeByKindOn(index, end)
        : m < index.months
          ? index.monthCounts.subarray(m * perKind, (m + 1) * perKind)
          : new Int32Array(perKind);
    const counts = emptyCounts();
    let total = 0;
    CONTEXT_KINDS.forEach((kind, k) => {
      counts[kind] = byKind[k] as number;
      total += counts[kind];
      if (counts[kind] > 0) used.add(kind);
    });
    periods.push({ start: dateToDay(start), end, counts, total });
  }
  return { monthsPerPeriod: step, periods, kinds: CONTEXT_KINDS.filter((k) => used.has(k)) };
}

/** The stacked layers (one per context kind, bottom first) that the area chart draws. */
export function stackComposition(composition: NetworkComposition): Series<CompositionPeriod, ContextKind>[] {
  return stack<CompositionPeriod, ContextKind>()
    .keys(composition.kinds)
    .value((period, kind) => period.counts[kind])
    .order(stackOrderNone)
    .offset(stackOffsetNone)(composition.periods);
}

function emptyCounts(): Record<ContextKind, number> {
  return Object.fromEntries(CONTEXT_KINDS.map((k) => [k, 0])) as Record<ContextKind, number>;
}

const min = (a: string, b: string) => (a < b ? a : b);
