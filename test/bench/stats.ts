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
  /** For figures measured on several seeds (the truth figures): the median of each seed's samples. */
  bySeed?: Record<string, number>;
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
export function summarise(
  name: string,
  dataset: string,
  unit: string,
  values: readonly number[],
  bySeed?: Readonly<Record<string, readonly number[]>>,
): Figure {
  const digits = unit === 'x' ? 2 : unit === 'rho' || unit === 'share' ? 3 : 1;
  const perSeed =
    bySeed &&
    Object.fromEntries(Object.entries(bySeed).map(([seed, v]) => [seed, round(quantile(v, 0.5), digits)]));
  return {
    name,
    dataset,
    median: round(quantile(values, 0.5), digits),
    unit,
    p95: round(quantile(values, 0.95), digits),
    min: round(Math.min(...values), digits),
    max: round(Math.max(...values), digits),
    runs: values.length,
    ...(perSeed ? { bySeed: perSeed } : {}),
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

const MODEL = ' — model';
const REFERENCE = ' — reference';

/**
 * The truth figures side by side: each "… — model" figure with its "… — reference" (the learned
 * reference fitted on other seeds, scored on the same ties), medians over seeds and dates, then the
 * per-seed medians as model / reference.
 */
export function formatTruthPairs(figures: readonly Figure[]): string {
  const rows: string[][] = [];
  for (const model of figures) {
    if (!model.name.endsWith(MODEL)) continue;
    const name = model.name.slice(0, -MODEL.length);
    const reference = figures.find((f) => f.dataset === model.dataset && f.name === name + REFERENCE);
    const seeds = Object.keys(model.bySeed ?? {});
    rows.push([
      name,
      model.dataset,
      String(model.median),
      reference ? String(reference.median) : '',
      reference ? (model.median - reference.median).toFixed(3) : '',
      seeds.map((s) => `${s}: ${model.bySeed?.[s] ?? ''} / ${reference?.bySeed?.[s] ?? ''}`).join(', '),
    ]);
  }
  if (rows.length === 0) return '';
  const header = [
    'truth figure (median over seeds and dates)',
    'dataset',
    'model',
    'reference',
    'diff',
    'by seed (model / reference)',
  ];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i >= 2 && i <= 4 ? c.padStart(widths[i] as number) : c.padEnd(widths[i] as number)))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
