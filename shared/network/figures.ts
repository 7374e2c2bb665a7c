import { BENCH_SEED, DATASETS, generateNetwork, type DatasetName, type SampleNetwork } from '../sample';
import { brokersOf, bridgesOf } from './brokers';
import { now } from './clock';
import { communitiesOf } from './communities';
import { dayNumber } from './days';
import { evaluateAgainstTruth } from './evaluate';
import { networkAt } from './graph';
import { introductionPath } from './introductions';
import { fadingTies } from './keepInTouch';
import { buildTimeIndex, type TimeIndex } from './timeIndex';

/** One measured quantity and its samples; the bench harness summarises them (median, p95). */
export interface RawFigure {
  name: string;
  dataset: string;
  unit: string;
  values: number[];
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
 * same ties, graph at a date, communities, introduction paths, brokers, keep in touch, and the
 * model's truth figures. Times in ms; the harness summarises and prints them.
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

  const truth = evaluateAgainstTruth(index, net.truth);
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
    figure('truth: Spearman strength vs latent closeness (all owner ties)', 'rho', [truth.spearman]),
    figure('truth: Spearman strength vs latent closeness (live ties)', 'rho', [truth.spearmanLive]),
    figure('truth: fading list precision (ended ties)', 'share', [truth.precision]),
    figure('truth: fading list recall (ended ties)', 'share', [truth.recall]),
  ];
}
