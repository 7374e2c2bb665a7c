import { describe, expect, it } from 'vitest';
import { fitRidge, predictRidge } from './ridge';

describe('fitRidge', () => {
  // y = 2 + 3a - b, exactly: with almost no penalty the fit recovers it.
  const rows = [
    [0, 0],
    [1, 0],
    [0, 1],
    [2, 1],
    [3, 5],
    [1, 4],
  ];
  const targets = rows.map(([a, b]) => 2 + 3 * a! - b!);

  it('recovers an exact linear relation when the penalty is tiny', () => {
    const model = fitRidge(rows, targets, 1e-9);
    for (const [i, row] of rows.entries()) expect(predictRidge(model, row)).toBeCloseTo(targets[i]!, 6);
    expect(predictRidge(model, [10, 10])).toBeCloseTo(22, 5);
  });

  it('shrinks the slopes towards zero as the penalty grows, never the mean', () => {
    const loose = fitRidge(rows, targets, 0.01);
    const tight = fitRidge(rows, targets, 1e6);
    const size = (m: typeof loose) => Math.hypot(...m.weights);
    expect(size(tight)).toBeLessThan(size(loose) / 100);
    const mean = targets.reduce((a, b) => a + b, 0) / targets.length;
    expect(predictRidge(tight, [1, 1])).toBeCloseTo(mean, 2);
  });

  it('copes with a constant feature and weights rows', () => {
    const model = fitRidge(
      [
        [1, 7],
        [2, 7],
        [3, 7],
      ],
      [1, 2, 10],
      1e-9,
      [1, 1, 0],
    );
    expect(predictRidge(model, [3, 7])).toBeCloseTo(3, 5);
  });

  it('says what is wrong with its input', () => {
    expect(() => fitRidge([], [])).toThrow(/at least one row/);
    expect(() => fitRidge([[1]], [1, 2])).toThrow(/1 rows but 2 targets/);
  });
});
