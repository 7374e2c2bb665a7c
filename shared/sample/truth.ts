import { bisectRight } from 'd3-array';
import type { DayString } from '../domain/entities';
import { dayNumber } from './calendar';

/**
 * What the generator knows and the journal does not: the truth a strength model is measured
 * against. It never reaches the database.
 */

/** What the strength model should recover for the owner's tie with one person. */
export interface OwnerTieTruth {
  personId: string;
  /** True closeness on the reference day, 0..1 (closenessAt gives any other day). */
  closeness: number;
  /** What closeness grows towards with regular contact, 0..1 (see closeness.ts). */
  potential: number;
  /** Latent sociability (1 = ordinary; hubs are far above). */
  hub: number;
  /** Day of the first encounter. */
  start: DayString;
  ended: boolean;
  /** Last day contact was possible; '' when the tie is alive on the reference day. */
  end: DayString | '';
  /**
   * For a tie alive on the reference day that ends before GroundTruth.simulatedUntil: the last day
   * contact was possible ('' otherwise). The journal cannot know it.
   */
  endsLater: DayString | '';
  /** The communities they belong to, where the owner met them first. */
  communityIds: string[];
  /**
   * Family or partner: closeness that barely decays with silence (Roberts & Dunbar 2015). Whether
   * the journal says so (an explicit tie between the owner and them) is up to the generator.
   */
  lasting: boolean;
  /**
   * Every day (whole days since 1970-01-01) with contact between the owner and them, ascending,
   * including the simulated days after the reference day up to GroundTruth.simulatedUntil, which
   * the journal does not hold.
   */
  contactDays: number[];
}

export interface PersonTieTruth {
  tieId: string;
  aId: string;
  bId: string;
  /** Latent strength of the relationship between the two, 0..1. */
  strength: number;
}

/**
 * The true closeness of every owner tie over time, sampled every `stepDays` from `first`:
 * `values[person * steps + k]` is closeness on day `first + k * stepDays` (0 before they met).
 */
export interface ClosenessSeries {
  first: number;
  stepDays: number;
  steps: number;
  values: Float32Array;
}

/** Kept apart from the documents: it is never stored, only compared against. */
export interface GroundTruth {
  seed: number;
  spec: { people: number; ties: number; encounters: number; years: number };
  /** The journal covers firstDay..referenceDay. */
  firstDay: DayString;
  referenceDay: DayString;
  /** Contact is simulated up to this day (after referenceDay), so silence afterwards is observable. */
  simulatedUntil: DayString;
  /** One per person, in the order of `people`. */
  ownerTies: OwnerTieTruth[];
  /**
   * One per explicit person-to-person tie, in the order of `ties`: the first spec.ties entries of
   * SampleNetwork.ties. The ties after them are the owner's own (one end is OWNER_ID): family and
   * partners the owner recorded, whose truth is the owner tie's `lasting`.
   */
  personTies: PersonTieTruth[];
  closeness: ClosenessSeries;
}

/** True closeness of owner tie `person` (index into ownerTies) on `day`, linearly interpolated. */
export function closenessAt(truth: GroundTruth, person: number, day: number): number {
  return seriesAt(truth.closeness, person, day);
}

/** The same, on a series alone. */
export function seriesAt(series: ClosenessSeries, person: number, day: number): number {
  const { first, stepDays, steps, values } = series;
  const x = Math.max(0, Math.min(steps - 1, (day - first) / stepDays));
  const k = Math.floor(x);
  const base = person * steps;
  const a = values[base + k] as number;
  const b = values[base + Math.min(steps - 1, k + 1)] as number;
  return a + (b - a) * (x - k);
}

/** The last contact on or before `day`, or NaN before the first. */
export function lastContactOn(tie: OwnerTieTruth, day: number): number {
  const i = bisectRight(tie.contactDays, day);
  return i === 0 ? Number.NaN : (tie.contactDays[i - 1] as number);
}

/**
 * The observable fading label: no contact in the `days` days after `day`. Null when the simulation
 * does not reach that far, so the label cannot be known.
 */
export function silentAfter(truth: GroundTruth, person: number, day: number, days = 365): boolean | null {
  const tie = truth.ownerTies[person] as OwnerTieTruth;
  const end = day + days;
  if (end > dayNumber(truth.simulatedUntil)) return null;
  const next = tie.contactDays[bisectRight(tie.contactDays, day)];
  return next === undefined || next > end;
}
