import { scaleQuantize } from 'd3-scale';
import { utcDay, utcMonday, utcMonth } from 'd3-time';
import type { DayString, Encounter } from '../../../../shared/domain/entities';
import { dateToDay, dayLabel, dayToDate, encountersWord, monthShortLabel } from './calendar';

export interface HeatmapCell {
  day: DayString;
  /** Column: weeks since the grid's first Monday. */
  week: number;
  /** Row: 0 = Monday .. 6 = Sunday. */
  weekday: number;
  count: number;
  /** 0 = none, 1..4 = busier quarters of the busiest day. */
  level: number;
  /** "3 encounters on 12 March 2026". */
  label: string;
}

export interface ActivityHeatmap {
  first: DayString;
  last: DayString;
  weeks: number;
  cells: HeatmapCell[];
  total: number;
  /** The busiest day's count (0 when there were none). */
  max: number;
  /** Where each month's first Monday-column starts, for the labels above the grid. */
  months: { week: number; label: string }[];
}

export const HEAT_LEVELS = 4;

/**
 * Encounters per day over the year ending on `last` (12 months: from the day after the same date
 * a year earlier), laid out as weeks (columns, Monday first) by weekdays (rows). Counts are
 * encounters, not people: a dinner with four friends is one evening of journaling.
 */
export function activityHeatmap(encounters: readonly Encounter[], last: DayString): ActivityHeatmap {
  const end = dayToDate(last);
  const start = utcDay.offset(utcMonth.offset(end, -12), 1);
  const firstMonday = utcMonday.floor(start);
  const first = dateToDay(start);
  const counts = encountersPerDay(encounters);
  const days = utcDay.range(start, utcDay.offset(end, 1)).map((date) => ({ date, day: dateToDay(date) }));
  let total = 0;
  let max = 0;
  for (const { day } of days) {
    const count = counts.get(day) ?? 0;
    total += count;
    max = Math.max(max, count);
  }
  const level = scaleQuantize<number>()
    .domain([0, Math.max(1, max)])
    .range([1, 2, 3, 4]);

  const cells: HeatmapCell[] = [];
  const months: { week: number; label: string }[] = [];
  for (const { date, day } of days) {
    const week = utcMonday.count(firstMonday, date);
    const count = counts.get(day) ?? 0;
    cells.push({
      day,
      week,
      weekday: (date.getUTCDay() + 6) % 7,
      count,
      level: count === 0 ? 0 : level(count),
      label: `${count === 0 ? 'No encounters' : encountersWord(count)} on ${dayLabel(day)}`,
    });
    if (date.getUTCDate() === 1) months.push({ week, label: monthShortLabel(day) });
  }
  return {
    first,
    last,
    weeks: utcMonday.count(firstMonday, end) + 1,
    cells,
    total,
    max,
    months,
  };
}

/** Per journal list (the hooks hand out a new array only when an encounter changes). */
const perDay = new WeakMap<readonly Encounter[], ReadonlyMap<DayString, number>>();

/**
 * Encounters on each day of the journal, counted once per version of the journal: the grid follows
 * the map's date, and counting 40,000 encounters again at every date held the page for tens of ms.
 */
function encountersPerDay(encounters: readonly Encounter[]): ReadonlyMap<DayString, number> {
  let counts = perDay.get(encounters);
  if (!counts) {
    const tally = new Map<DayString, number>();
    for (const e of encounters) tally.set(e.date, (tally.get(e.date) ?? 0) + 1);
    counts = tally;
    perDay.set(encounters, counts);
  }
  return counts;
}
