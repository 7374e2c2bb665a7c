/** One line of the bench output; `npm run bench -- --json FILE` writes an array of these. */
export interface Figure {
  name: string;
  dataset: string;
  median: number;
  unit: string;
  p95?: number;
  min?: number;
  max?: number;
  runs?: number;
}

/** Nearest-rank quantile of a non-empty sample (q in 0..1). */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) throw new RangeError('A figure needs at least one run.');
  const sorted = [...values].sort((a, b) => a - b);
  if (q === 0.5 && sorted.length % 2 === 0) {
    return ((sorted[sorted.length / 2 - 1] as number) + (sorted[sorted.length / 2] as number)) / 2;
  }
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] as number;
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

/** Median plus p95/min/max over runs; ratios keep two decimals, correlations and shares three, times one. */
export function summarise(name: string, dataset: string, unit: string, values: readonly number[]): Figure {
  const digits = unit === 'x' ? 2 : unit === 'rho' || unit === 'share' ? 3 : 1;
  return {
    name,
    dataset,
    median: round(quantile(values, 0.5), digits),
    unit,
    p95: round(quantile(values, 0.95), digits),
    min: round(Math.min(...values), digits),
    max: round(Math.max(...values), digits),
    runs: values.length,
  };
}

export function formatTable(figures: readonly Figure[]): string {
  const header = ['name', 'dataset', 'median', 'unit', 'p95', 'min', 'max', 'runs'];
  const rows = figures.map((f) => [
    f.name,
    f.dataset,
    String(f.median),
    f.unit,
    f.p95 === undefined ? '' : String(f.p95),
    f.min === undefined ? '' : String(f.min),
    f.max === undefined ? '' : String(f.max),
    f.runs === undefined ? '' : String(f.runs),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
  const numeric = new Set([2, 4, 5, 6, 7]);
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (numeric.has(i) ? c.padStart(widths[i] as number) : c.padEnd(widths[i] as number)))
      .join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
