import type { DayString } from '../domain/entities';
import type { TieKind } from '../domain/kinds';
import { dayString, toDay, type DayLike, type DayNumber } from './days';
import { combineFactors, ownerTieFactors, rhythmOf, type FactorValues, type Rhythm } from './factors';
import type { OwnerTieMeasures } from './measures';
import type { TimeIndex } from './timeIndex';

export interface OwnerTieDetail {
  kind: 'owner';
  tie: number;
  personId: string;
  day: DayString;
  strength: number;
  /** Null before the two met. */
  measures: OwnerTieMeasures | null;
  factors: FactorValues | null;
  rhythm: Rhythm | null;
  firstContact: DayString | '';
  lastContact: DayString | '';
  cadenceDays: number;
}

export interface PairTieDetail {
  kind: 'pair';
  tie: number;
  a: string;
  b: string;
  day: DayString;
  strength: number;
  /** False before both people are on the map. */
  present: boolean;
  explicitKind: TieKind | null;
  explicitStrength: number;
  /** Decayed co-attendance: sum of 1/(n - 1) per shared encounter, halved every half-life. */
  coAttendance: number;
  lastTogether: DayString | '';
}

export type TieDetail = OwnerTieDetail | PairTieDetail;

/** Everything behind one tie's strength on a date: the numbers a "why?" panel needs. */
export function tieAt(index: TimeIndex, tie: number, when: DayLike): TieDetail {
  const ref = index.ties[tie];
  if (!ref) throw new RangeError(`There is no tie ${tie}; the index has ${index.ties.length}.`);
  const day = toDay(when);
  if (ref.kind === 'owner') return ownerDetail(index, tie, ref.b, day);
  const j = tie - index.ownerTieCount;
  const pairs = index.pairs;
  const k = pairs.entryAt(j, day);
  const together = k >= (pairs.offsets[j] as number);
  return {
    kind: 'pair',
    tie,
    a: ref.a,
    b: ref.b,
    day: dayString(day),
    strength: pairs.strengthAt(j, day),
    present: day >= (pairs.appears[j] as number),
    explicitKind: ref.explicitKind,
    explicitStrength: pairs.explicitAt(j, day),
    coAttendance: pairs.coAttendanceAt(j, day),
    lastTogether: together ? dayString(pairs.days[k] as number) : '',
  };
}

function ownerDetail(index: TimeIndex, tie: number, personId: string, day: DayNumber): OwnerTieDetail {
  const measures = index.owner.measuresAt(tie, day);
  const factors = measures ? ownerTieFactors(measures, index.settings) : null;
  const person = index.people[index.personIndex.get(personId) as number];
  return {
    kind: 'owner',
    tie,
    personId,
    day: dayString(day),
    strength: factors ? combineFactors(factors, index.settings) : 0,
    measures,
    factors,
    rhythm: measures ? rhythmOf(measures, index.settings) : null,
    firstContact: measures ? dayString(measures.first) : '',
    lastContact: measures ? dayString(measures.last) : '',
    cadenceDays: person?.cadenceDays ?? 0,
  };
}
