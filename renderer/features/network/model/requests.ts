import type { DayString } from '../../../../shared/domain/entities';
import type { ContextKind } from '../../../../shared/domain/kinds';
import {
  changesBetween,
  dayNumber,
  dayString,
  explainStrength,
  introductionPath,
  networkAt,
  type IntroductionPath,
  type NetworkGraph,
} from '../../../../shared/network';
import type { BuiltNetwork } from './buildNetwork';
import type { WorkerRequest, WorkerResults } from './protocol';
import type { CompositionSeries, PersonExplanation, SeriesOptions, StrengthSeries } from './types';

const DEFAULT_POINTS = 120;
const MAX_POINTS = 2000;

/** The last graph the worker built (for an analysis or a path), reused by path requests on that day. */
export interface GraphCache {
  current: { day: number; graph: NetworkGraph } | null;
}

/** Answers one request of a view; throws an Error that says what is wrong with the request. */
export function answer(
  built: BuiltNetwork,
  request: WorkerRequest,
  cache: GraphCache,
): WorkerResults[WorkerRequest['kind']] {
  switch (request.kind) {
    case 'path':
      return path(built, request.personId, request.day, cache);
    case 'explain':
      return explain(built, request.personId, request.day);
    case 'series':
      return series(built, request.personId, request.options);
    case 'composition':
      return composition(built, request.options);
    case 'changes':
      return changesBetween(built.index, built.changes(), {
        from: dayOf(request.from, 'The start date'),
        to: dayOf(request.to, 'The end date'),
      });
  }
}

function nodeOf(built: BuiltNetwork, personId: string): number {
  const node = built.nodeOf.get(personId);
  if (node === undefined) throw new Error(`There is nobody with the id "${personId}" on the network map.`);
  return node;
}

function dayOf(day: DayString, what: string): number {
  try {
    return dayNumber(day);
  } catch {
    throw new Error(`${what} "${day}" is not a day of the form YYYY-MM-DD.`);
  }
}

function path(
  built: BuiltNetwork,
  personId: string,
  day: DayString,
  cache: GraphCache,
): IntroductionPath | null {
  nodeOf(built, personId);
  const t = dayOf(day, 'The date');
  if (cache.current?.day !== t) cache.current = { day: t, graph: networkAt(built.index, t) };
  return introductionPath(built.index, cache.current.graph, personId, t);
}

function explain(built: BuiltNetwork, personId: string, day: DayString): PersonExplanation {
  const node = nodeOf(built, personId);
  const t = dayOf(day, 'The date');
  const facts = built.facts[node];
  const entry = built.index.people[node - 1];
  if (!facts || !entry || entry.ownerTie < 0) {
    return {
      personId,
      day: dayString(t),
      strength: node === 0 ? 1 : 0,
      summary: node === 0 ? 'This is you.' : 'Not met yet: record an encounter to start this tie.',
      factors: [],
      silence: null,
      learned: null,
      name: facts?.name ?? personId,
      firstContact: '',
      lastContact: '',
      rhythm: null,
      cadenceDays: entry?.cadenceDays ?? 0,
    };
  }
  const detail = built.index.tieAt(entry.ownerTie, t);
  if (detail.kind !== 'owner')
    throw new Error(`Tie ${entry.ownerTie} is not the owner's tie with ${facts.name}.`);
  return {
    ...explainStrength(detail, built.index.settings),
    name: facts.name,
    firstContact: detail.firstContact,
    lastContact: detail.lastContact,
    rhythm: detail.rhythm,
    cadenceDays: detail.cadenceDays,
  };
}

/** Evenly spaced sample days between options.from and options.to (default: the slider's range). */
function sampleDays(built: BuiltNetwork, options: SeriesOptions): number[] {
  const from = dayOf(options.from ?? built.range?.first ?? dayString(0), 'The start date');
  const to = dayOf(options.to ?? built.range?.last ?? dayString(0), 'The end date');
  if (to < from)
    throw new Error(`The end date ${dayString(to)} is before the start date ${dayString(from)}.`);
  const points = Math.round(options.points ?? DEFAULT_POINTS);
  if (!(points >= 2 && points <= MAX_POINTS)) {
    throw new Error(`A series has 2 to ${MAX_POINTS} points; ${options.points} were asked for.`);
  }
  const span = to - from;
  const count = Math.min(points, span + 1);
  if (count <= 1) return [from];
  return Array.from({ length: count }, (_, k) => Math.round(from + (span * k) / (count - 1)));
}

function series(built: BuiltNetwork, personId: string, options: SeriesOptions): StrengthSeries {
  const node = nodeOf(built, personId);
  const days = sampleDays(built, options);
  const tie = node === 0 ? -1 : (built.index.people[node - 1]?.ownerTie ?? -1);
  return {
    personId,
    points: days.map((d) => ({
      day: dayString(d),
      strength: node === 0 ? 1 : tie < 0 ? 0 : built.index.owner.strengthAt(tie, d),
    })),
    contactDays: [...new Set(built.contactDays[node] ?? [])],
  };
}

function composition(built: BuiltNetwork, options: SeriesOptions): CompositionSeries {
  const days = sampleDays(built, options);
  const { index } = built;
  const min = index.settings.minEdgeStrength;
  const kinds: ContextKind[] = [...new Set(built.mainContext.slice(1))].sort();
  const row = new Map(kinds.map((k, i) => [k, i]));
  const counts = kinds.map(() => new Array<number>(days.length).fill(0));
  const strength = kinds.map(() => new Array<number>(days.length).fill(0));
  const buffer = new Float64Array(index.ties.length);
  days.forEach((d, col) => {
    index.strengthsAt(d, buffer);
    index.people.forEach((p, k) => {
      if (p.ownerTie < 0) return;
      const s = buffer[p.ownerTie] as number;
      if (s < min) return;
      const r = row.get(built.mainContext[k + 1] as ContextKind) as number;
      (counts[r] as number[])[col]! += 1;
      (strength[r] as number[])[col]! += s;
    });
  });
  return { days: days.map(dayString), kinds, counts, strength };
}
