import { DAYS_PER_MONTH, DAYS_PER_YEAR } from './days';
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

/** The smoothed mean of the owner's ratings, 1..5. */
export function ratingMean(m: OwnerTieMeasures, settings: StrengthSettings): number {
  const w = settings.ratingPriorWeight;
  return (m.ratingSum + settings.ratingPrior * w) / (m.ratingWeight + w);
}

/**
 * Weighted contact days per year of acquaintance (smoothed by frequencyPriorYears): distinct days,
 * as Urena-Carrion et al. advise, each counted by its weightiest contact, so a coffee for two counts
 * more than a day at the same conference.
 */
export function contactRate(m: OwnerTieMeasures, settings: StrengthSettings): number {
  return m.weightedDays / ((m.day - m.first) / DAYS_PER_YEAR + settings.frequencyPriorYears);
}

/** Balance of who gets in touch, 0 (one side always) .. 1 (even), shrunk towards 1/2 for short histories. */
export function reciprocityOf(m: OwnerTieMeasures, settings: StrengthSettings): number {
  const n = m.ownerInitiated + m.theyInitiated;
  const k = settings.reciprocityPriorCount;
  if (n + k === 0) return 0.5;
  const balance = n > 0 ? 1 - Math.abs(m.theyInitiated - m.ownerInitiated) / n : 0;
  return (n * balance + 0.5 * k) / (n + k);
}

const half = (x: number, midpoint: number) => x / (x + midpoint);

/** Every factor of an owner tie from its measures; `out` is reused by the time index to avoid garbage. */
export function ownerTieFactors(
  m: OwnerTieMeasures,
  settings: StrengthSettings,
  out: FactorValues = emptyFactors(),
): FactorValues {
  const rhythm = rhythmOf(m, settings);
  const months = (m.day - m.first) / DAYS_PER_MONTH;
  out.closeness = (ratingMean(m, settings) - 1) / 4;
  out.frequency = half(contactRate(m, settings), settings.frequencyMidpoint);
  out.intensity = half(m.intensity, settings.intensityMidpoint);
  out.rhythm =
    (1 / (1 + (rhythm.ratio / settings.fadingThreshold) ** 2)) *
    (1 - settings.burstinessPenalty * Math.max(0, rhythm.burstiness));
  out.duration = Math.min(1, Math.log1p(months) / Math.log1p(settings.durationFullMonths));
  out.reciprocity = reciprocityOf(m, settings);
  out.multiplexity = half(m.contexts - 1, settings.multiplexityMidpoint);
  return out;
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
