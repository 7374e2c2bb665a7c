/** Ranks 0..n-1 in ascending order, ties sharing their average rank (as Spearman's rho requires). */
export function ranks(values: ArrayLike<number>): Float64Array {
  const order = Array.from({ length: values.length }, (_, i) => i).sort(
    (a, b) => (values[a] as number) - (values[b] as number),
  );
  const out = new Float64Array(values.length);
  for (let k = 0; k < order.length;) {
    let j = k;
    while (j + 1 < order.length && values[order[j + 1] as number] === values[order[k] as number]) j++;
    for (let q = k; q <= j; q++) out[order[q] as number] = (k + j) / 2;
    k = j + 1;
  }
  return out;
}

function pearson(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const n = x.length;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i] as number;
    my += y[i] as number;
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = (x[i] as number) - mx;
    const dy = (y[i] as number) - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxx === 0 || syy === 0 ? Number.NaN : sxy / Math.sqrt(sxx * syy);
}

/** Spearman's rank correlation; NaN with fewer than two values or when one side is constant. */
export function spearman(x: ArrayLike<number>, y: ArrayLike<number>): number {
  if (x.length !== y.length)
    throw new RangeError(`Spearman needs equal lengths (${x.length} and ${y.length}).`);
  if (x.length < 2) return Number.NaN;
  return pearson(ranks(x), ranks(y));
}
