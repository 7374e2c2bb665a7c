import { describe, expect, it } from 'vitest';
import { BENCH_SEED, DATASETS, generateNetwork } from '../sample';
import { evaluateAgainstTruth } from './evaluate';
import { ranks, spearman } from './rank';
import { buildTimeIndex } from './timeIndex';

describe('Spearman rank correlation', () => {
  it('is 1 for any increasing relation, -1 for a decreasing one, and averages tied ranks', () => {
    expect(spearman([1, 2, 3, 4], [10, 20, 300, 4000])).toBeCloseTo(1, 12);
    expect(spearman([1, 2, 3, 4], [4, 3, 2, 1])).toBeCloseTo(-1, 12);
    expect([...ranks([5, 1, 5, 2])]).toEqual([2.5, 0, 2.5, 1]);
    expect(spearman([1, 2, 3, 4, 5], [2, 1, 4, 3, 5])).toBeCloseTo(0.8, 12);
    expect(spearman([1], [1])).toBeNaN();
  });
});

describe('the model against the sample generator (typical dataset, benchmark seed)', () => {
  const net = generateNetwork(DATASETS.typical, BENCH_SEED);
  const figures = evaluateAgainstTruth(
    buildTimeIndex([net.owner, ...net.people], net.encounters, net.ties),
    net.truth,
  );

  // Floors just under the figures the model reaches on this seed (0.791, 0.831, 0.600; precision
  // 0.581, recall 0.831): the targets of 0.9 are not reached, and evaluate.ts explains why
  // the generated data does not allow them. A change that makes the model worse at recovering the
  // truth fails here. The settings were tuned on another seed, so these are not fitted figures.
  // Issue 10: closeness now fades with silence, and this generator's closeness never changes while
  // a quarter of its live ties are silent for over 18 months, so the all-tie and live figures fell
  // (0.54 / 0.60; without the decay 0.77 / 0.81 on seed 7). These figures are being replaced by
  // truth at each date on the new generator; until then the floors follow the decaying model.
  it('ranks ties like their latent closeness', () => {
    expect(figures.ties).toBe(500);
    expect(figures.spearman).toBeGreaterThanOrEqual(0.53);
    expect(figures.spearmanLive).toBeGreaterThanOrEqual(0.58);
    expect(figures.spearmanPairs).toBeGreaterThanOrEqual(0.59);
  });

  it('lists most of the ties that really ended as fading', () => {
    expect(figures.ended).toBe(142);
    expect(figures.recall).toBeGreaterThanOrEqual(0.82);
    expect(figures.precision).toBeGreaterThanOrEqual(0.57);
  });
});
