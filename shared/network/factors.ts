import { DAYS_PER_MONTH, DAYS_PER_YEAR } from './days';
import type { TieKind } from '../domain/kinds';
import { emptyFeatures, featuresOf, predictCloseness, type LearnedStrength } from './learn';
import type { OwnerTieMeasures } from './measures';
import { FACTOR_NAMES, type FactorName, type StrengthSettings } from './settings';

/** Each factor on a 0..1 scale, 1 meaning "as strong as this signal gets". */
export type FactorValues = Record<FactorName, number>;

/** The tie's rhythm on a date: how long it has been quiet, against its own usual pause. */
export interface Rhythm {
  daysSinceLast: number;
  /**
   * The usual pause between bursts of contact, smoothed: (sum of the gaps longer than burstGapDays +
   * prior gap) / (their number + 1).
   */
  usualGapDays: number;
  /** daysSinceLast / usualGapDays; past fadingThreshold (and fadingMinDays) the tie is fading. */
  ratio: number;
  /** Goh & Barabasi burstiness of the gaps, -1 (regular) .. 1 (bursty); 0 with fewer than two gaps. */
  burstiness: number;
  /** True when the silence is improbable under the tie's own rhythm: see isFading. */
  fading: boolean;
}

/**
 * Contact comes in bursts (a few days apart) separated by pauses (months apart). The mean of all
 * gaps mixes the two, and the median is the gap inside a burst (a few days), which would call every
 * quiet month a fading tie. The pause between bursts is what a silence should be compared with: a
 * tie in a burst pause has not ended. The gaps inside bursts are left out, and the pauses' mean is
 * smoothed by one prior pause, so a tie met once or only in one burst has a usual gap of priorGapDays.
 */
export function rhythmOf(m: OwnerTieMeasures, settings: StrengthSettings): Rhythm {
  const daysSinceLast = m.day - m.last;
  const usualGapDays = (m.pauseDays + settings.priorGapDays) / (m.pauses + 1);
  const gaps = m.contactDays - 1;
  let burstiness = 0;
  if (gaps >= 2) {
    const mean = (m.last - m.first) / gaps;
    const sd = Math.sqrt(Math.max(0, m.gapSquares / gaps - mean * mean));
    burstiness = mean + sd > 0 ? (sd - mean) / (sd + mean) : 0;
  }
  const ratio = daysSinceLast / usualGapDays;
  return { daysSinceLast, usualGapDays, ratio, burstiness, fading: isFading(daysSinceLast, ratio, settings) };
}

/**
 * A tie is fading when its silence is improbable under its own rhythm: if pauses between bursts were
 * exponential with the usual mean, a silence of fadingThreshold pauses would happen with probability
 * e^-fadingThreshold (under 2% at 4). A silence shorter than fadingMinDays never counts, so a busy
 * tie that goes quiet for a few weeks is not called lost.
 */
export function isFading(daysSinceLast: number, ratio: number, settings: StrengthSettings): boolean {
  return ratio > settings.fadingThreshold && daysSinceLast >= settings.fadingMinDays;
}

/**
 * How overdue a tie is, for ranking the fading ties: the days of silence weighed by how weak the tie
 * has become (1 - strength, the strength already faded by the silence). On generated journals it
 * ranks the ties that then stay silent for a year better than the rhythm ratio (docs/strength.md):
 * a tie met once and a tie that pauses for months both look overdue by their rhythm, but a long
 * silence on a weak tie is what precedes an ending.
 */
export function fadingScore(daysSinceLast: number, strength: number): number {
  return daysSinceLast * (1 - strength);
}

/** The plain mean of the owner's ratings (1..5), NaN before any. */
export function ratingMean(m: OwnerTieMeasures): number {
  return m.ratingSum / m.ratingWeight;
}

/** What the model knows of the owner's tie besides the encounters: the kind they marked, their cadence. */
export interface OwnerTieInfo {
  /** The kind the owner marked the person as (a Tie document between the two), or null. */
  kind: TieKind | null;
  /** The person's keep-in-touch cadence in days; 0 = none. */
  cadenceDays: number;
}

export const NO_TIE_INFO: OwnerTieInfo = { kind: null, cadenceDays: 0 };

/** The half-life of silence for this tie, in days; 0 = lasting. */
export function silenceHalfLife(info: OwnerTieInfo, settings: StrengthSettings): number {
  return settings.silenceHalfLifeDays[info.kind ?? 'unmarked'];
}

/**
 * How much of the closeness and frequency evidence is left after the silence since the last
 * contact: halved every half-life (Roberts & Dunbar 2015: friendships fade within about 18 months
 * without contact; family much less). 1 for a lasting tie. Every day of silence counts, from the
 * day after the last contact: measured on generated journals (docs/strength.md), counting only the
 * silence beyond the tie's usual pause ranked ties worse (a tie seen twice a year is not as close
 * as one seen weekly, between meetings too). A closed form of the days since the last contact:
 * O(1) per tie.
 */
export function silenceDecay(rhythm: Rhythm, halfLife: number): number {
  return halfLife > 0 ? 2 ** (-rhythm.daysSinceLast / halfLife) : 1;
}

/** What a keep-in-touch cadence says about closeness, 0..1: weekly is close, yearly distant, none 0. */
export function cadenceCloseness(cadenceDays: number): number {
  return cadenceDays > 0 ? 30 / (30 + cadenceDays) : 0;
}

/**
 * Closeness (0..1, before the silence decay) as a posterior on the 1..5 rating scale: the ratings
 * (each worth its rating share), a fixed prior worth ratingPriorWeight ratings, and, when switched
 * on, the closeness the contact days imply (worth model.contactPriorWeight ratings) and the
 * closeness the owner's cadence implies (worth one rating).
 */
export function ratedCloseness(
  m: OwnerTieMeasures,
  frequency: number,
  info: OwnerTieInfo,
  settings: StrengthSettings,
): number {
  const w0 = settings.ratingPriorWeight;
  const k = settings.model.contactPriorWeight;
  const kc = settings.model.cadenceEvidence && info.cadenceDays > 0 ? 1 : 0;
  const sum =
    m.ratingSum +
    w0 * settings.ratingPrior +
    k * (1 + 4 * frequency) +
    kc * (1 + 4 * cadenceCloseness(info.cadenceDays));
  const weight = m.ratingWeight + w0 + k + kc;
  return weight > 0 ? (sum / weight - 1) / 4 : 0;
}

/**
 * Weighted contact days per year of acquaintance (smoothed by frequencyPriorYears): distinct days,
 * as Urena-Carrion et al. advise, each counted by its weightiest contact, so a coffee for two counts
 * more than a day at the same conference. Without model.countFirstMeeting the first day is left
 * out (meeting someone once says nothing of how often you see them); with
 * model.spanEndsAtLastContact a fading tie's years end after its last contact, so a friendship that
 * ended is remembered at the rate it had, and the silence acts through the decay alone.
 */
export function contactRate(
  m: OwnerTieMeasures,
  settings: StrengthSettings,
  rhythm = rhythmOf(m, settings),
): number {
  const days = settings.model.countFirstMeeting ? m.weightedDays : m.weightedDays - m.firstWeight;
  return days / ((spanEnd(m, rhythm, settings) - m.first) / DAYS_PER_YEAR + settings.frequencyPriorYears);
}

/**
 * The end of the tie's span on m.day: the day itself, or with model.spanEndsAtLastContact the day
 * its silence became fading (fadingThreshold usual pauses after the last contact, and at least
 * fadingMinDays), so the span stops growing then and never jumps back.
 */
export function spanEnd(m: OwnerTieMeasures, rhythm: Rhythm, settings: StrengthSettings): number {
  if (!settings.model.spanEndsAtLastContact) return m.day;
  const onset = m.last + Math.max(settings.fadingThreshold * rhythm.usualGapDays, settings.fadingMinDays);
  return Math.min(m.day, onset);
}

/**
 * Balance of who gets in touch, 0 (one side always) .. 1 (even), shrunk towards 1/2 for short
 * histories. With model.reachingOut, the share of contact the other person started instead: someone
 * who keeps reaching out values the tie.
 */
export function reciprocityOf(m: OwnerTieMeasures, settings: StrengthSettings): number {
  const n = m.ownerInitiated + m.theyInitiated;
  const k = settings.reciprocityPriorCount;
  if (n + k === 0) return 0.5;
  if (settings.model.reachingOut) return (m.theyInitiated + 0.5 * k) / (n + k);
  const balance = n > 0 ? 1 - Math.abs(m.theyInitiated - m.ownerInitiated) / n : 0;
  return (n * balance + 0.5 * k) / (n + k);
}

const half = (x: number, midpoint: number) => x / (x + midpoint);

const features = emptyFeatures();

/**
 * Every factor of an owner tie from its measures; `out` is reused by the time index to avoid
 * garbage. Closeness is the ratings' posterior (ratedCloseness), or for a tie not rated by then and
 * a model learned from the owner's ratings, that model's prediction from the other factors. Then
 * closeness and frequency fade with the silence (silenceDecay), unless the tie is lasting.
 */
export function ownerTieFactors(
  m: OwnerTieMeasures,
  settings: StrengthSettings,
  info: OwnerTieInfo = NO_TIE_INFO,
  learned: LearnedStrength | null = null,
  out: FactorValues = emptyFactors(),
): FactorValues {
  const rhythm = factorsBeforeSilence(m, settings, info, learned, out);
  const decay = silenceDecay(rhythm, silenceHalfLife(info, settings));
  out.closeness *= decay;
  out.frequency *= decay;
  return out;
}

/** The factors before the silence decay (what the learned model reads), and the tie's rhythm. */
export function factorsBeforeSilence(
  m: OwnerTieMeasures,
  settings: StrengthSettings,
  info: OwnerTieInfo,
  learned: LearnedStrength | null,
  out: FactorValues,
): Rhythm {
  const rhythm = rhythmOf(m, settings);
  const months = (spanEnd(m, rhythm, settings) - m.first) / DAYS_PER_MONTH;
  out.frequency = half(contactRate(m, settings, rhythm), settings.frequencyMidpoint);
  out.intensity = half(m.intensity, settings.intensityMidpoint);
  out.rhythm =
    (1 / (1 + (rhythm.ratio / settings.fadingThreshold) ** 2)) *
    (1 - settings.burstinessPenalty * Math.max(0, rhythm.burstiness));
  out.duration = Math.min(1, Math.log1p(months) / Math.log1p(settings.durationFullMonths));
  out.reciprocity = reciprocityOf(m, settings);
  out.multiplexity = half(m.contexts - 1, settings.multiplexityMidpoint);
  out.closeness =
    learned && m.ratingWeight === 0
      ? predictCloseness(learned, tieFeatures(out, info, settings, features))
      : ratedCloseness(m, out.frequency, info, settings);
  return rhythm;
}

/** The learned model's features of a tie whose other factors (before decay) are in `f`. */
export function tieFeatures(
  f: FactorValues,
  info: OwnerTieInfo,
  settings: StrengthSettings,
  out: Float64Array = emptyFeatures(),
): Float64Array {
  return featuresOf(f, settings.model.cadenceEvidence ? cadenceCloseness(info.cadenceDays) : 0, out);
}

export function emptyFactors(): FactorValues {
  return Object.fromEntries(FACTOR_NAMES.map((f) => [f, 0])) as FactorValues;
}

/** Strength in 0..1: the factors' weighted mean, so each factor's share of it can be shown. */
export function combineFactors(values: FactorValues, settings: StrengthSettings): number {
  let sum = 0;
  let total = 0;
  for (const f of FACTOR_NAMES) {
    const w = settings.factorWeights[f];
    sum += w * values[f];
    total += w;
  }
  return sum / total;
}
