import type { DayString } from '../domain/entities';
import type { TieKind } from '../domain/kinds';
import { dayString, toDay, type DayLike, type DayNumber } from './days';
import {
  combineFactors,
  emptyFactors,
  factorsBeforeSilence,
  ownerTieFactors,
  rhythmOf,
  silenceDecay,
  silenceHalfLife,
  tieFeatures,
  type FactorValues,
  type Rhythm,
} from './factors';
import { learnedParts, predictCloseness, type LearnedWeight } from './learn';
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
  /** What the owner marked the person as, or null. */
  tieKind: TieKind | null;
  /** The half-life of silence that applies (0 = lasting). */
  silenceHalfLifeDays: number;
  /** The share of closeness and frequency left after the silence since the last contact. */
  decay: number;
  /** For a tie not rated by then, closeness as learned from the owner's other ratings; else null. */
  learned: LearnedDetail | null;
}

export interface LearnedDetail {
  /** The predicted closeness before the silence decay, 0..1. */
  closeness: number;
  /** Each feature's part of it (against an average rated tie), largest first. */
  parts: LearnedWeight[];
  ratedPeople: number;
  ratings: number;
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
  const settings = index.settings;
  const measures = index.owner.measuresAt(tie, day);
  const info = index.owner.infoOf(tie);
  const learnedModel = index.owner.learned;
  const factors = measures ? ownerTieFactors(measures, settings, info, learnedModel) : null;
  const person = index.people[index.personIndex.get(personId) as number];
  const rhythm = measures ? rhythmOf(measures, settings) : null;
  const halfLife = silenceHalfLife(info, settings);
  let learned: LearnedDetail | null = null;
  if (measures && learnedModel && measures.ratingWeight === 0) {
    const before = emptyFactors();
    factorsBeforeSilence(measures, settings, info, null, before);
    const features = tieFeatures(before, info, settings);
    learned = {
      closeness: predictCloseness(learnedModel, features),
      parts: learnedParts(learnedModel, features),
      ratedPeople: learnedModel.ratedPeople,
      ratings: learnedModel.ratings,
    };
  }
  return {
    kind: 'owner',
    tie,
    personId,
    day: dayString(day),
    strength: factors ? combineFactors(factors, settings) : 0,
    measures,
    factors,
    rhythm,
    firstContact: measures ? dayString(measures.first) : '',
    lastContact: measures ? dayString(measures.last) : '',
    cadenceDays: person?.cadenceDays ?? 0,
    tieKind: info.kind,
    silenceHalfLifeDays: halfLife,
    decay: rhythm ? silenceDecay(rhythm, halfLife) : 1,
    learned,
  };
}
