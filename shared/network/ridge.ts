import { Matrix, solve } from 'ml-matrix';

/**
 * A ridge (L2-regularised least squares) regression: small, stable with few and correlated
 * observations, and cheap to apply (one dot product per tie). Features are standardised, so one
 * penalty suits them all, and the intercept is not penalised.
 */
export interface RidgeModel {
  /** Per feature: mean and standard deviation of the fitted rows (scale 1 when constant). */
  means: number[];
  scales: number[];
  /** Per standardised feature. */
  weights: number[];
  intercept: number;
  /** Rows it was fitted on. */
  rows: number;
}

/**
 * Fits `targets` from `rows` (one feature vector each, all the same length), minimising
 * sum w_i (y_i - b - x_i.beta)^2 + lambda |beta|^2 over standardised features.
 */
export function fitRidge(
  rows: readonly ArrayLike<number>[],
  targets: readonly number[],
  lambda = 1,
  sampleWeights?: readonly number[],
): RidgeModel {
  const n = rows.length;
  if (n === 0) throw new RangeError('A regression needs at least one row.');
  if (targets.length !== n) throw new RangeError(`${n} rows but ${targets.length} targets.`);
  const p = (rows[0] as ArrayLike<number>).length;
  const w = (i: number) => sampleWeights?.[i] ?? 1;
  let total = 0;
  for (let i = 0; i < n; i++) total += w(i);
  const means = new Array<number>(p).fill(0);
  for (let i = 0; i < n; i++) for (let j = 0; j < p; j++) means[j]! += (w(i) * rows[i]![j]!) / total;
  const scales = new Array<number>(p).fill(0);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < p; j++) scales[j]! += (w(i) * (rows[i]![j]! - means[j]!) ** 2) / total;
  for (let j = 0; j < p; j++) scales[j] = Math.sqrt(scales[j]!) || 1;
  let yMean = 0;
  for (let i = 0; i < n; i++) yMean += (w(i) * targets[i]!) / total;

  // Normal equations on centred, scaled data: (X'WX + lambda I) beta = X'W y.
  const xtx = Matrix.zeros(p, p);
  const xty = Matrix.zeros(p, 1);
  const z = new Array<number>(p);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < p; j++) z[j] = (rows[i]![j]! - means[j]!) / scales[j]!;
    const wi = w(i);
    const dy = targets[i]! - yMean;
    for (let j = 0; j < p; j++) {
      xty.set(j, 0, xty.get(j, 0) + wi * z[j]! * dy);
      for (let k = j; k < p; k++) xtx.set(j, k, xtx.get(j, k) + wi * z[j]! * z[k]!);
    }
  }
  for (let j = 0; j < p; j++) {
    for (let k = 0; k < j; k++) xtx.set(j, k, xtx.get(k, j));
    xtx.set(j, j, xtx.get(j, j) + lambda);
  }
  const beta = solve(xtx, xty).getColumn(0);
  return { means, scales, weights: beta, intercept: yMean, rows: n };
}

/** The model's prediction for one feature vector. */
export function predictRidge(model: RidgeModel, row: ArrayLike<number>): number {
  let y = model.intercept;
  for (let j = 0; j < model.weights.length; j++)
    y += (model.weights[j]! * ((row[j] as number) - model.means[j]!)) / model.scales[j]!;
  return y;
}
