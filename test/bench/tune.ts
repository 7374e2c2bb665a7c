import { DATASETS, generateNetwork, type DatasetName, type SampleNetwork } from '../../shared/sample';
import { truthFigures, TRUTH_SEEDS, type RawFigure } from '../../shared/network/figures';
import { fadingScores } from './tuneFading';
import { DEFAULT_STRENGTH_SETTINGS, type StrengthSettings } from '../../shared/network/settings';

/**
 * Tuning the strength settings honestly: the truth figures (evaluate.ts) of each variant on tuning
 * seeds only, so the report seeds (TRUTH_SEEDS, measured by `npm run bench -- --only network`)
 * judge the chosen defaults on journals the choice never saw. Every variant is scored on the same
 * generated journals; one line per variant, the medians over seeds and dates.
 */
export const TUNING_SEEDS = [7, 8, 9] as const;

const COLUMNS: [string, string][] = [
  ['live', 'truth: Spearman strength vs closeness at date, live ties'],
  ['all', 'truth: Spearman strength vs closeness at date, all known ties'],
  ['unrated', 'truth: Spearman strength vs closeness at date, unrated ties'],
  ['top5', 'truth: Dunbar ring top 5 overlap with the true top 5'],
  ['top15', 'truth: Dunbar ring top 15 overlap with the true top 15'],
  ['top150', 'truth: Dunbar ring top 150 overlap with the true top 150'],
  ['fadeAUC', 'truth: fading AUC (model: silence x weakness) vs silent the next 365 days'],
  ['fadeP', 'truth: fading list precision (rhythm reason; reference: its top k)'],
  ['fadeR', 'truth: fading list recall (rhythm reason; reference: its top k)'],
  ['silent3y', 'truth: ties silent 3+ years (not marked lasting) below the median live tie'],
];

function median(values: readonly number[]): number {
  const v = [...values].sort((a, b) => a - b);
  const mid = v.length >> 1;
  return v.length % 2 ? (v[mid] as number) : ((v[mid - 1] as number) + (v[mid] as number)) / 2;
}

type Patch = { [key: string]: unknown };

function merge<T>(base: T, patch: Patch): T {
  const out: Patch = { ...(base as Patch) };
  for (const [k, v] of Object.entries(patch)) {
    const b = out[k];
    out[k] =
      v && typeof v === 'object' && !Array.isArray(v) && b && typeof b === 'object'
        ? merge(b, v as Patch)
        : v;
  }
  return out as T;
}

function row(label: string, figures: readonly RawFigure[], side: 'model' | 'reference'): string {
  const cells = COLUMNS.map(([, name]) => {
    const f = figures.find((x) => x.name === `${name} — ${side}`);
    return (f ? median(f.values).toFixed(3) : '-').padStart(9);
  });
  return `${cells.join('')}  ${label}`;
}

export async function main(args: string[]): Promise<number> {
  if (args[0] === '--fading-scores') return fadingScores((args[1] ?? 'typical') as DatasetName, TUNING_SEEDS);
  let dataset: DatasetName = 'typical';
  let seeds: number[] = [...TUNING_SEEDS];
  let base = DEFAULT_STRENGTH_SETTINGS;
  const variants: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--dataset') dataset = args[++i] as DatasetName;
    else if (a === '--seeds') seeds = (args[++i] as string).split(',').map(Number);
    else if (a === '--base') base = merge(base, JSON.parse(args[++i] as string) as Patch);
    else variants.push(a);
  }
  if (seeds.some((s) => (TRUTH_SEEDS as readonly number[]).includes(s))) {
    console.error(`Tune on other seeds than the report seeds (${TRUTH_SEEDS.join(', ')}).`);
    return 1;
  }
  const networks = new Map<number, SampleNetwork>();
  for (const seed of seeds) networks.set(seed, generateNetwork(DATASETS[dataset], seed));
  console.log(`${dataset}, tuning seeds ${seeds.join(', ')}, medians over seeds and 4 dates`);
  console.log(`${COLUMNS.map(([c]) => c.padStart(9)).join('')}  variant`);
  let first = true;
  for (const v of variants.length > 0 ? variants : ['{}']) {
    const settings: StrengthSettings = merge(base, JSON.parse(v) as Patch);
    const run = truthFigures({ dataset, seeds, networks, settings });
    if (first) console.log(row('(learned reference)', run.figures, 'reference'));
    first = false;
    console.log(row(v, run.figures, 'model'));
  }
  return 0;
}
