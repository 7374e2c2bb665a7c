import { TIE_LABELS } from '../domain/kinds';
import { contactRate, ratingMean, rhythmOf } from './factors';
import { FACTOR_NAMES, type FactorName, type StrengthSettings } from './settings';
import type { OwnerTieDetail } from './tieDetail';
import { counted, halvings, percent, spanInWords, times } from './words';

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
  /**
   * What the silence did: "Unseen for 3 years: closeness and frequency halved twice." Or why it did
   * nothing (a tie marked lasting). Null when there is nothing to say (in touch as usual).
   */
  silence: string | null;
  /** For a tie not rated yet: what the ratings of others taught and what counts most here. Else null. */
  learned: string | null;
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
      silence: null,
      learned: null,
    };
  }
  const totalWeight = FACTOR_NAMES.reduce((sum, name) => sum + settings.factorWeights[name], 0);
  const rhythm = rhythmOf(m, settings);
  const round = (x: number) => Math.round(x);
  const faded = detail.decay < 0.95 ? ` (${halvings(-Math.log2(detail.decay))} by the silence)` : '';
  const texts: Record<FactorName, string> = {
    closeness:
      (m.ratingWeight > 0
        ? `Your ratings of your time together average ${ratingMean(m).toFixed(1)} out of 5 (one-to-one encounters count most)`
        : detail.learned
          ? `Not rated yet: from your ratings of ${counted(detail.learned.ratedPeople, 'person', 'people')}, Kith estimates ${percent(detail.learned.closeness)}`
          : `No ratings yet, so they are assumed fairly distant until you rate an encounter`) + `${faded}.`,
    frequency: `About ${contactRate(m, settings).toFixed(1)} days with contact a year since you met (a day in a group counts less)${faded}.`,
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
    silence: silenceText(detail, rhythm.daysSinceLast),
    learned: learnedText(detail),
  };
}

/** The share of closeness left above which the silence goes unmentioned (it took under 5%). */
const SILENCE_WORTH_SAYING = 0.95;

/** "Unseen for 3 years: closeness and how often halved twice." in the user's words. */
function silenceText(detail: OwnerTieDetail, daysSinceLast: number): string | null {
  const kind = detail.tieKind ? TIE_LABELS[detail.tieKind].toLowerCase() : null;
  if (detail.silenceHalfLifeDays === 0) {
    return kind
      ? `You marked them as ${kind}: a tie that lasts, so silence does not weaken it.`
      : 'Silence does not weaken this tie (your settings make unmarked ties lasting).';
  }
  // A few days' silence takes a sliver: worth a sentence only once it is felt.
  if (detail.decay > SILENCE_WORTH_SAYING) return null;
  const lead = `Unseen for ${spanInWords(daysSinceLast)}`;
  const n = -Math.log2(detail.decay);
  const how = `closeness and how often halve every ${spanInWords(detail.silenceHalfLifeDays)} of silence${kind ? ` for ${kind}` : ''}`;
  return `${lead}: closeness ${halvings(n)} (${how}). Marking them as family keeps a tie from fading.`;
}

function learnedText(detail: OwnerTieDetail): string | null {
  const l = detail.learned;
  if (!l) return null;
  const up = l.parts.filter((p) => p.weight > 0.005).slice(0, 2);
  const down = l.parts.filter((p) => p.weight < -0.005).slice(0, 1);
  const parts = [
    up.length > 0 ? `${up.map((p) => p.label).join(' and ')} raise it` : '',
    down.length > 0 ? `${down[0]?.label} lowers it` : '',
  ].filter(Boolean);
  return (
    `You have not rated time with them, so their closeness (${percent(l.closeness)}) is learned from your ` +
    `${counted(l.ratings, 'rating', 'ratings')} of ${counted(l.ratedPeople, 'other person', 'other people')}` +
    (parts.length > 0 ? `: ${parts.join(', ')}.` : '.')
  );
}
