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
  const counts = new Map<DayString, number>();
  let total = 0;
  for (const e of encounters) {
    if (e.date < first || e.date > last) continue;
    counts.set(e.date, (counts.get(e.date) ?? 0) + 1);
    total++;
  }
  let max = 0;
  for (const n of counts.values()) max = Math.max(max, n);
  const level = scaleQuantize<number>()
    .domain([0, Math.max(1, max)])
    .range([1, 2, 3, 4]);

  const cells: HeatmapCell[] = [];
  const months: { week: number; label: string }[] = [];
  for (const date of utcDay.range(start, utcDay.offset(end, 1))) {
    const day = dateToDay(date);
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
