import { contactRate, ratingMean, rhythmOf } from './factors';
import { FACTOR_NAMES, type FactorName, type StrengthSettings } from './settings';
import type { OwnerTieDetail } from './tieDetail';
import { percent, spanInWords, times } from './words';

export const FACTOR_LABELS: Record<FactorName, string> = {
  closeness: 'Closeness',
  frequency: 'How often',
  intensity: 'Recent contact',
  rhythm: 'Rhythm',
  duration: 'How long',
  reciprocity: 'Both sides',
  multiplexity: 'Shared settings',
};

export interface FactorExplanation {
  factor: FactorName;
  label: string;
  /** The factor on its own 0..1 scale. */
  value: number;
  /** Its share of the factor weights (the settings), 0..1. */
  weight: number;
  /** value x weight: the factors' contributions add up to the strength. */
  contribution: number;
  /** What the number means for this tie, in words. */
  text: string;
}

export interface StrengthExplanation {
  personId: string;
  day: string;
  strength: number;
  /** "Strong (62%), mostly because of closeness and how often." */
  summary: string;
  /** Largest contribution first. */
  factors: FactorExplanation[];
}

export function strengthWord(strength: number): string {
  return strength >= 0.5 ? 'Strong' : strength >= 0.3 ? 'Moderate' : strength >= 0.15 ? 'Weak' : 'Very weak';
}

/** "Why is this tie strong?": each factor's value and share of the strength, in words a user understands. */
export function explainStrength(detail: OwnerTieDetail, settings: StrengthSettings): StrengthExplanation {
  const m = detail.measures;
  const f = detail.factors;
  if (!m || !f) {
    return {
      personId: detail.personId,
      day: detail.day,
      strength: 0,
      summary: 'Not met yet on this date.',
      factors: [],
    };
  }
  const totalWeight = FACTOR_NAMES.reduce((sum, name) => sum + settings.factorWeights[name], 0);
  const rhythm = rhythmOf(m, settings);
  const round = (x: number) => Math.round(x);
  const texts: Record<FactorName, string> = {
    closeness:
      m.ratingWeight > 0
        ? `Your ratings of your time together average ${ratingMean(m, settings).toFixed(1)} out of 5 (one-to-one encounters count most).`
        : `No ratings yet, so they are assumed fairly distant (${settings.ratingPrior} out of 5) until you rate an encounter.`,
    frequency: `About ${contactRate(m, settings).toFixed(1)} days with contact a year since you met (a day in a group counts less).`,
    intensity: `Recent contact is worth about ${m.intensity.toFixed(1)} one-to-one meetings in person; each counts half after ${spanInWords(settings.intensityHalfLifeDays)}.`,
    rhythm:
      `Last contact ${rhythm.daysSinceLast === 0 ? 'today' : `${spanInWords(rhythm.daysSinceLast)} ago`}; you are usually in touch about every ${spanInWords(rhythm.usualGapDays)}` +
      (rhythm.fading ? `, so this silence is ${times(rhythm.ratio)} the usual: the tie is fading.` : '.'),
    duration: `You have known each other for ${spanInWords(m.day - m.first)}.`,
    reciprocity:
      m.ownerInitiated + m.theyInitiated > 0
        ? `You got in touch first about ${round(m.ownerInitiated)} times, they did about ${round(m.theyInitiated)} times.`
        : 'Nobody has recorded who got in touch first yet.',
    multiplexity:
      m.contexts > 1
        ? `You meet in ${m.contexts} different kinds of setting.`
        : 'You have met in one kind of setting only.',
  };
  const factors = FACTOR_NAMES.map((name) => {
    const weight = settings.factorWeights[name] / totalWeight;
    return {
      factor: name,
      label: FACTOR_LABELS[name],
      value: f[name],
      weight,
      contribution: weight * f[name],
      text: texts[name],
    };
  }).sort((a, b) => b.contribution - a.contribution);
  const top = factors.slice(0, 2).map((x) => x.label.toLowerCase());
  return {
    personId: detail.personId,
    day: detail.day,
    strength: detail.strength,
    summary: `${strengthWord(detail.strength)} (${percent(detail.strength)}), mostly because of ${top.join(' and ')}.`,
    factors,
  };
}
