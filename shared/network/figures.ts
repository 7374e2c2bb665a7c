import {
  BENCH_SEED,
  DATASETS,
  generateNetwork,
  type DatasetName,
  type DatasetSpec,
  type SampleNetwork,
} from '../sample';
import { brokersOf, bridgesOf } from './brokers';
import { buildChangeIndex, changesBetween } from './changes';
import { now } from './clock';
import { communitiesOf } from './communities';
import { dayNumber, dayString } from './days';
import { evaluateTruth, sampleAt, type DateFigures, type DateSample, type Paired } from './evaluate';
import { networkAt } from './graph';
import { introductionPath } from './introductions';
import { fadingTies } from './keepInTouch';
import { JournalObservables } from './observables';
import type { StrengthSettings } from './settings';
import { buildTimeIndex, type TimeIndex } from './timeIndex';

/** One measured quantity and its samples; the bench harness summarises them (median, p95). */
export interface RawFigure {
  name: string;
  dataset: string;
  unit: string;
  values: number[];
  /** The same samples by seed, for figures measured on several seeds (the truth figures). */
  bySeed?: Record<string, number[]>;
}

export interface NetworkFigureOptions {
  dataset?: DatasetName;
  seed?: number;
  /** Repeats of the slow steps (index build, graph, Louvain, brokers); default 5. */
  runs?: number;
  /** A generated network to reuse (it must match dataset and seed). */
  network?: SampleNetwork;
}

/** Writes something per tie that the optimiser cannot drop: one read and one write per tie. */
function plainPass(index: TimeIndex, out: Float64Array): void {
  const n = index.ownerTieCount;
  const owner = index.owner;
  for (let i = 0; i < n; i++) out[i] = owner.days[owner.offsets[i] as number] as number;
  const appears = index.pairs.appears;
  for (let j = 0; j < appears.length; j++) out[n + j] = appears[j] as number;
}

function time(f: () => void): number {
  const t = now();
  f();
  return now() - t;
}

/**
 * The network figures of issue 3, measured in whatever runtime calls this (Node or a page): index
 * build, all strengths at one date (slider steps and random jumps) against a plain pass over the
 * same ties, graph at a date, communities, introduction paths, brokers and keep in touch. Times in
 * ms; the harness summarises and prints them. The truth figures are truthFigures' (below).
 */
export function networkFigures(options: NetworkFigureOptions = {}): RawFigure[] {
  const dataset = options.dataset ?? 'heavy';
  const seed = options.seed ?? BENCH_SEED;
  const runs = options.runs ?? 5;
  const net = options.network ?? generateNetwork(DATASETS[dataset], seed);
  const people = [net.owner, ...net.people];
  const figure = (name: string, unit: string, values: number[]): RawFigure => ({
    name,
    dataset,
    unit,
    values,
  });

  const builds: number[] = [];
  let index = buildTimeIndex(people, net.encounters, net.ties);
  for (let r = 0; r < runs; r++)
    builds.push(time(() => (index = buildTimeIndex(people, net.encounters, net.ties))));

  const first = dayNumber(net.truth.firstDay);
  const last = dayNumber(net.truth.referenceDay);
  const out = new Float64Array(index.ties.length);
  const sink = new Float64Array(index.ties.length);
  // Warm-up: the first passes include compilation, which a slider pays once.
  for (let d = first; d <= last; d += 97) index.strengthsAt(d, out);
  const step: number[] = [];
  const plain: number[] = [];
  const ratio: number[] = [];
  for (let d = first; d <= last; d += 7) {
    const s = time(() => index.strengthsAt(d, out));
    const p = time(() => plainPass(index, sink));
    step.push(s);
    plain.push(p);
    ratio.push(s / Math.max(p, 1e-3));
  }
  // The busiest date: everyone met and every tie on the map.
  const full: number[] = [];
  for (let r = 0; r < 50; r++) full.push(time(() => index.strengthsAt(last - (r % 2), out)));
  const jump: number[] = [];
  let x = seed >>> 0;
  for (let r = 0; r < 100; r++) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    const d = first + (x % (last - first + 1));
    jump.push(time(() => index.strengthsAt(d, out)));
  }

  const strengths = index.strengthsAt(last);
  const graphs: number[] = [];
  let graph = networkAt(index, last, strengths);
  for (let r = 0; r < runs; r++) graphs.push(time(() => (graph = networkAt(index, last, strengths))));
  const louvain: number[] = [];
  let communities = communitiesOf(graph);
  for (let r = 0; r < runs; r++) louvain.push(time(() => (communities = communitiesOf(graph))));
  const paths: number[] = [];
  const targets = net.people.filter((p) => p.wantToReach).slice(0, 20);
  for (const p of targets.length > 0 ? targets : net.people.slice(0, 20)) {
    paths.push(time(() => introductionPath(index, graph, p.id, last)));
  }
  const brokerTimes: number[] = [];
  let brokers = brokersOf(graph, communities);
  for (let r = 0; r < runs; r++) brokerTimes.push(time(() => (brokers = brokersOf(graph, communities))));
  const bridges = bridgesOf(brokers, index.settings.bridgeShare);
  const fading: number[] = [];
  for (let r = 0; r < runs; r++) fading.push(time(() => fadingTies(index, last, { bridges })));
  // "What changed": gathered once per journal on its first request, then one answer per span asked for.
  const journal = { people, encounters: net.encounters, communities: net.communities };
  const changeBuilds: number[] = [];
  let changeIndex = buildChangeIndex(index, journal);
  for (let r = 0; r < runs; r++)
    changeBuilds.push(time(() => (changeIndex = buildChangeIndex(index, journal))));
  const yearChanges: number[] = [];
  for (let r = 0; r < runs; r++) {
    yearChanges.push(
      time(() => changesBetween(index, changeIndex, { from: last - 364 - r * 365, to: last - r * 365 })),
    );
  }
  return [
    figure('network index build', 'ms', builds),
    figure(`strength of all ${index.ties.length} ties at one date (slider step)`, 'ms', step),
    figure('plain pass over the ties (same run)', 'ms', plain),
    figure('strength / plain pass ratio', 'x', ratio),
    figure('strength of all ties at the last date (all on the map)', 'ms', full),
    figure('strength of all ties at one date (random jump)', 'ms', jump),
    figure('network graph at a date (graphology)', 'ms', graphs),
    figure('communities (Louvain)', 'ms', louvain),
    figure('introduction path (Dijkstra, -log strength)', 'ms', paths),
    figure("brokers (Burt's constraint)", 'ms', brokerTimes),
    figure('keep in touch list', 'ms', fading),
    figure('what changed: change index build (first request)', 'ms', changeBuilds),
    figure('what changed in a year', 'ms', yearChanges),
  ];
}

/** The truth figures' seeds besides the bench seed; seed 7 is the one the settings are tuned on. */
export const TRUTH_SEEDS = [BENCH_SEED, 12345, 424242] as const;

/** The truth figures' dates: the reference day and this many years before it. */
export const TRUTH_YEARS_BEFORE = [0, 1, 2, 3] as const;

export interface TruthFigureOptions {
  dataset?: DatasetName;
  /** A spec other than the dataset's (tests use a small one); `dataset` still names the figures. */
  spec?: DatasetSpec;
  /** At least two: each seed's learned reference is fitted on the others. */
  seeds?: readonly number[];
  yearsBefore?: readonly number[];
  /** Generated networks to reuse, by seed (each must match dataset and seed). */
  networks?: ReadonlyMap<number, SampleNetwork>;
  /** The model's settings (the tuning script tries others); the defaults when absent. */
  settings?: StrengthSettings;
}

export interface TruthRun {
  /** Per figure, one value per seed and date (NaN-free), and the same by seed. */
  figures: RawFigure[];
  /** Every seed and date in full. */
  dates: DateFigures[];
  /** The dates without fading figures, and why. */
  notes: string[];
}

/** The same calendar day `years` years before `day` (29 February becomes 28 February). */
export function yearsBefore(day: string, years: number): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const target = Date.UTC(y - years, m - 1, d) / 86_400_000;
  const sameMonth = new Date(target * 86_400_000).getUTCMonth() === m - 1;
  return sameMonth ? target : target - new Date(target * 86_400_000).getUTCDate();
}

/**
 * The truth figures of one dataset (see evaluate.ts and docs/truth-figures.md): every seed's journal
 * sampled at every date, each seed's learned reference fitted on the other seeds, and every figure
 * with its reference's beside it ("… — model", "… — reference"). One value per seed and date; the
 * harness prints their median.
 */
export function truthFigures(options: TruthFigureOptions = {}): TruthRun {
  const dataset = options.dataset ?? 'heavy';
  const seeds = options.seeds ?? TRUTH_SEEDS;
  const years = options.yearsBefore ?? TRUTH_YEARS_BEFORE;
  const samples: DateSample[] = [];
  const notes: string[] = [];
  for (const seed of seeds) {
    const net = options.networks?.get(seed) ?? generateNetwork(options.spec ?? DATASETS[dataset], seed);
    const index = buildTimeIndex([net.owner, ...net.people], net.encounters, net.ties, options.settings);
    const observables = new JournalObservables(index, net.encounters);
    for (const y of years) {
      const sample = sampleAt(index, observables, net.truth, yearsBefore(net.truth.referenceDay, y));
      if (!sample.silent) {
        notes.push(
          `${dataset}, seed ${seed}, ${dayString(sample.day)}: no fading figures, the generator simulates contact only up to ${net.truth.simulatedUntil}, so silence in the following 365 days is not known`,
        );
      }
      samples.push(sample);
    }
  }
  const dates = evaluateTruth(samples);

  const figures: RawFigure[] = [];
  const add = (name: string, unit: string, value: (f: DateFigures) => number | undefined) => {
    const values: number[] = [];
    const bySeed: Record<string, number[]> = {};
    for (const f of dates) {
      const v = value(f);
      if (v === undefined || Number.isNaN(v)) continue;
      values.push(v);
      (bySeed[String(f.seed)] ??= []).push(v);
    }
    if (values.length > 0) figures.push({ name, dataset, unit, values, bySeed });
  };
  const paired = (name: string, unit: string, value: (f: DateFigures) => Paired | undefined) => {
    add(`${name} — model`, unit, (f) => value(f)?.model);
    add(`${name} — reference`, unit, (f) => value(f)?.reference);
  };
  add('truth: known ties at date (met by then)', 'ties', (f) => f.known);
  add('truth: live ties at date (not ended by then)', 'ties', (f) => f.live);
  add('truth: unrated ties at date (no rated encounter yet)', 'ties', (f) => f.unrated);
  paired('truth: Spearman strength vs closeness at date, live ties', 'rho', (f) => f.spearmanLive);
  paired('truth: Spearman strength vs closeness at date, all known ties', 'rho', (f) => f.spearmanKnown);
  paired('truth: Spearman strength vs closeness at date, unrated ties', 'rho', (f) => f.spearmanUnrated);
  paired('truth: Dunbar ring top 5 overlap with the true top 5', 'share', (f) => f.top5);
  paired('truth: Dunbar ring top 15 overlap with the true top 15', 'share', (f) => f.top15);
  paired('truth: Dunbar ring top 150 overlap with the true top 150', 'share', (f) => f.top150);
  add(
    'truth: fading, ties judged (last contact at least fadingMinDays before)',
    'ties',
    (f) => f.fading?.eligible,
  );
  add('truth: fading, ties left out (last contact within fadingMinDays)', 'ties', (f) => f.fading?.excluded);
  add('truth: fading, judged ties silent the next 365 days', 'ties', (f) => f.fading?.silent);
  add('truth: fading list size (rhythm reason)', 'ties', (f) => f.fading?.listed);
  paired(
    'truth: fading AUC (model: silence x weakness) vs silent the next 365 days',
    'share',
    (f) => f.fading?.auc,
  );
  paired(
    'truth: fading list precision (rhythm reason; reference: its top k)',
    'share',
    (f) => f.fading?.precision,
  );
  paired('truth: fading list recall (rhythm reason; reference: its top k)', 'share', (f) => f.fading?.recall);
  add('truth: ties silent 3+ years (not marked lasting)', 'ties', (f) => f.longSilent);
  paired(
    'truth: ties silent 3+ years (not marked lasting) below the median live tie',
    'share',
    (f) => f.longSilentBelowMedian,
  );
  return { figures, dates, notes };
}
