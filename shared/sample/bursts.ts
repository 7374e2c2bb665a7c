import type { Random } from './random';

/** Whole days since 1970-01-01, both ends included. */
export interface Interval {
  from: number;
  to: number;
}

export interface BurstShape {
  /** Mean number of events in one burst. */
  meanBurst: number;
  /** Mean gap in days between consecutive events inside a burst. */
  meanGapDays: number;
}

/**
 * `count` event days that come in bursts: burst starts fall inside `windows` (chosen in proportion
 * to their length), and each burst is a short run of events a few days apart. This is the cluster
 * form of a self-exciting (Hawkes) process: short gaps inside a burst, long gaps between bursts,
 * which is what real contact looks like (coefficient of variation of the gaps well above 1, where a
 * regular or Poisson schedule would give 0 or 1). Every day lies in [bounds.from, bounds.to].
 */
export function burstyDays(
  random: Random,
  count: number,
  windows: readonly Interval[],
  bounds: Interval,
  shape: BurstShape,
): number[] {
  if (count <= 0) return [];
  if (bounds.to < bounds.from) throw new RangeError(`Empty interval ${bounds.from}..${bounds.to}.`);
  const usable = windows
    .map((w) => ({ from: Math.max(w.from, bounds.from), to: Math.min(w.to, bounds.to) }))
    .filter((w) => w.to >= w.from);
  if (usable.length === 0) usable.push(bounds);
  const lengths = usable.map((w) => w.to - w.from + 1);
  const total = lengths.reduce((a, b) => a + b, 0);

  const days: number[] = [];
  while (days.length < count) {
    let r = random.next() * total;
    let w = 0;
    while (w < usable.length - 1 && r >= (lengths[w] as number)) r -= lengths[w++] as number;
    const window = usable[w] as Interval;
    let day = window.from + Math.floor(random.next() * (window.to - window.from + 1));
    const size = 1 + Math.floor(random.exponential(Math.max(0, shape.meanBurst - 1)));
    for (let k = 0; k < size && days.length < count && day <= bounds.to; k++) {
      days.push(day);
      day += Math.round(random.exponential(shape.meanGapDays));
    }
  }
  return days.sort((a, b) => a - b);
}

/** Coefficient of variation (sd / mean) of the gaps between sorted days; NaN with fewer than 2 gaps. */
export function gapVariation(sortedDays: readonly number[]): number {
  if (sortedDays.length < 3) return Number.NaN;
  const gaps: number[] = [];
  for (let i = 1; i < sortedDays.length; i++)
    gaps.push((sortedDays[i] as number) - (sortedDays[i - 1] as number));
  const mean = gaps.reduce((a, b) => a + b, 0) / gaps.length;
  if (mean === 0) return Number.NaN;
  const variance = gaps.reduce((a, g) => a + (g - mean) ** 2, 0) / gaps.length;
  return Math.sqrt(variance) / mean;
}
