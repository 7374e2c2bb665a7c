import {
  randomBeta,
  randomExponential,
  randomLcg,
  randomLogNormal,
  randomNormal,
  randomPareto,
  randomPoisson,
} from 'd3-random';

/**
 * Every draw of the generator goes through one of these, all fed by one seeded source, so the same
 * seed gives the same network on every machine and in every JavaScript engine we ship to.
 * d3-random's distributions are factories bound to parameters; the ones used with fixed parameters
 * are built once, the others per call (cheap closures).
 */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max] (both inclusive). */
  int(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  normal(mean: number, sd: number): number;
  /** Exponential with the given mean (not rate). */
  exponential(mean: number): number;
  logNormal(median: number, sigma: number): number;
  /** Pareto with minimum 1: the heavy tail behind hubs. */
  pareto(alpha: number): number;
  beta(alpha: number, beta: number): number;
  poisson(mean: number): number;
}

export function createRandom(seed: number): Random {
  if (!Number.isFinite(seed)) throw new RangeError(`The sample seed must be a finite number, got ${seed}.`);
  const source = randomLcg(seed);
  const normal = randomNormal.source(source);
  const exponential = randomExponential.source(source)(1);
  const logNormal = randomLogNormal.source(source);
  const pareto = randomPareto.source(source);
  const beta = randomBeta.source(source);
  const poisson = randomPoisson.source(source);
  return {
    next: source,
    int: (min, max) => min + Math.floor(source() * (max - min + 1)),
    chance: (p) => source() < p,
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new RangeError('Cannot pick from an empty list.');
      return items[Math.floor(source() * items.length)] as T;
    },
    normal: (mean, sd) => normal(mean, sd)(),
    exponential: (mean) => mean * exponential(),
    logNormal: (median, sigma) => logNormal(Math.log(median), sigma)(),
    pareto: (alpha) => pareto(alpha)(),
    beta: (a, b) => beta(a, b)(),
    poisson: (mean) => (mean <= 0 ? 0 : poisson(mean)()),
  };
}

/**
 * Draws indices in proportion to fixed weights (cumulative sums and a binary search), for the many
 * "pick a member, more likely the busy ones" draws.
 */
export class WeightedPicker {
  private readonly cumulative: Float64Array;
  readonly total: number;

  constructor(weights: ArrayLike<number>) {
    this.cumulative = new Float64Array(weights.length);
    let sum = 0;
    for (let i = 0; i < weights.length; i++) {
      const w = weights[i] as number;
      if (!(w >= 0)) throw new RangeError(`Weight ${i} must be a non-negative number, got ${w}.`);
      sum += w;
      this.cumulative[i] = sum;
    }
    this.total = sum;
  }

  get size(): number {
    return this.cumulative.length;
  }

  pick(random: Random): number {
    if (!(this.total > 0)) throw new RangeError('Cannot pick from weights that sum to zero.');
    const target = random.next() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.cumulative[mid] as number) > target) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}

/**
 * Splits `total` into whole parts proportional to `weights` (largest remainder), so a dataset's
 * counts come out exact rather than approximately right.
 */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (weights.length === 0 || !(sum > 0)) {
    if (total === 0) return weights.map(() => 0);
    throw new RangeError(`Cannot split ${total} over weights that sum to ${sum}.`);
  }
  const exact = weights.map((w) => (w / sum) * total);
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = exact
    .map((x, i) => [x - Math.floor(x), i] as const)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) {
    const index = (order[k] as readonly [number, number])[1];
    parts[index] = (parts[index] as number) + 1;
  }
  return parts;
}
