import type { Encounter, Tie } from '../domain/entities';
import type { TieKind } from '../domain/kinds';
import { dayNumber, type DayNumber } from './days';
import type { StrengthSettings } from './settings';
import { coAttendanceWeight } from './weights';

/** One shared encounter of two people the owner knows. */
export interface Together {
  day: DayNumber;
  /** coAttendanceWeight: channel x context / (people present - 1). */
  weight: number;
}

/** Everything the journal says about the tie between two people (not the owner). */
export interface PairTie {
  /** The two ends, a < b. */
  a: string;
  b: string;
  /** The explicit relationship, if the owner recorded one (the strongest kind when several). */
  explicitKind: TieKind | null;
  /** When the explicit relationship began; null when unknown or there is none. */
  since: DayNumber | null;
  /** Encounters where both were present, in date order. */
  together: Together[];
}

const key = (a: string, b: string) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);

/**
 * Person-to-person ties from co-attendance and from explicit ties, one per pair. Ends that are not
 * among `known` are skipped (as for the owner's ties: a reference that has not synced yet).
 */
export function pairTies(
  encounters: readonly Encounter[],
  ties: readonly Tie[],
  ownerId: string,
  known: ReadonlySet<string>,
  settings: StrengthSettings,
): PairTie[] {
  const pairs = new Map<string, PairTie>();
  const pair = (x: string, y: string): PairTie => {
    const k = key(x, y);
    let p = pairs.get(k);
    if (!p) {
      const [a, b] = x < y ? [x, y] : [y, x];
      p = { a, b, explicitKind: null, since: null, together: [] };
      pairs.set(k, p);
    }
    return p;
  };
  for (const e of encounters) {
    const present = [...new Set(e.participantIds)].filter((id) => id !== ownerId);
    const people = present.filter((id) => known.has(id));
    if (people.length < 2) continue;
    // Group size counts everyone present, known or not: a crowd is a crowd.
    const weight = coAttendanceWeight(e, present.length, settings);
    const day = dayNumber(e.date);
    for (let i = 0; i < people.length; i++) {
      for (let j = i + 1; j < people.length; j++) {
        pair(people[i] as string, people[j] as string).together.push({ day, weight });
      }
    }
  }
  for (const t of ties) {
    if (t.aId === t.bId || !known.has(t.aId) || !known.has(t.bId)) continue;
    if (t.aId === ownerId || t.bId === ownerId) continue;
    const p = pair(t.aId, t.bId);
    const strength = settings.tieKindStrength[t.kind];
    if (p.explicitKind === null || strength > settings.tieKindStrength[p.explicitKind]) {
      p.explicitKind = t.kind;
      p.since = t.since === '' ? null : dayNumber(t.since);
    }
  }
  const list = [...pairs.values()];
  for (const p of list) p.together.sort((x, y) => x.day - y.day);
  return list;
}

/** The explicit part of a pair's strength on `day`: its kind's strength once the relationship began. */
export function explicitStrength(p: PairTie, day: DayNumber, settings: StrengthSettings): number {
  if (p.explicitKind === null || (p.since !== null && p.since > day)) return 0;
  return settings.tieKindStrength[p.explicitKind];
}

/** Either reason to be tied is enough: the parts combine as independent chances (noisy-or). */
export function combinePair(explicit: number, coAttendance: number, settings: StrengthSettings): number {
  const seen = coAttendance / (coAttendance + settings.coAttendance.midpoint);
  return 1 - (1 - explicit) * (1 - seen);
}

/**
 * A pair's strength on `day`, directly from its records; 0 before both ends are on the map
 * (`appears`: the later of the days the two were first met). The reference for the time index.
 */
export function pairStrength(
  p: PairTie,
  day: DayNumber,
  appears: DayNumber,
  settings: StrengthSettings,
): number {
  if (day < appears) return 0;
  let co = 0;
  for (const t of p.together) {
    if (t.day <= day) co += t.weight * 2 ** (-(day - t.day) / settings.coAttendance.halfLifeDays);
  }
  return combinePair(explicitStrength(p, day, settings), co, settings);
}
