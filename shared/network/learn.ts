import type { FactorValues } from './factors';
import { fitRidge, predictRidge, type RidgeModel } from './ridge';
import type { StrengthSettings } from './settings';

/**
 * What Kith learns from the owner's ratings: how the factors other than closeness predict the
 * closeness the owner's own ratings give, for this owner. Rated people are the labels; the fit is
 * used for people not rated yet, whose closeness would otherwise be a fixed guess. A rated tie's
 * closeness always comes from its own ratings: the learned part never touches it.
 *
 * The features are measured on the day of each person's last rated contact, so that they describe
 * the tie as it was when it was rated. Silence and rhythm are not features for that reason: on the
 * day of a rated encounter the silence is always 0. Silence acts through the decay instead
 * (silenceDecay in factors.ts), on learned and rated closeness alike.
 */
export const LEARNED_FEATURES = [
  'frequency',
  'intensity',
  'duration',
  'reciprocity',
  'multiplexity',
  'cadence',
] as const;
export type LearnedFeature = (typeof LEARNED_FEATURES)[number];

/** How each feature reads in "… count most for you". */
export const LEARNED_LABELS: Record<LearnedFeature, string> = {
  frequency: 'one-to-one days',
  intensity: 'recent contact',
  duration: 'how long you have known someone',
  reciprocity: 'who gets in touch',
  multiplexity: 'the settings you share',
  cadence: 'your keep-in-touch reminders',
};

export interface LearnedStrength {
  model: RidgeModel;
  /** People with at least one rating: the rows of the fit. */
  ratedPeople: number;
  /** Rated encounters behind them. */
  ratings: number;
}

/** The ridge penalty on standardised features: mild, since there are at least a score of rows. */
const LAMBDA = 2;

/** The feature vector of one tie from its factors (before decay) and its cadence evidence (0..1). */
export function featuresOf(f: FactorValues, cadence: number, out: Float64Array): Float64Array {
  out[0] = f.frequency;
  out[1] = f.intensity;
  out[2] = f.duration;
  out[3] = f.reciprocity;
  out[4] = f.multiplexity;
  out[5] = cadence;
  return out;
}

export const emptyFeatures = () => new Float64Array(LEARNED_FEATURES.length);

/**
 * Fits the owner's model: `rows` are rated people's features, `targets` the closeness their ratings
 * give (0..1), `weights` how much rating evidence each has. Null (the defaults apply) when learning
 * is off or too few people are rated.
 */
export function fitLearned(
  rows: readonly Float64Array[],
  targets: readonly number[],
  weights: readonly number[],
  ratings: number,
  settings: StrengthSettings,
): LearnedStrength | null {
  if (!settings.learnFromRatings || rows.length < settings.learnMinRatedPeople) return null;
  const model = fitRidge(
    rows.map((r) => Array.from(r)),
    targets,
    LAMBDA,
    weights,
  );
  return { model, ratedPeople: rows.length, ratings };
}

/** The learned closeness (0..1) of a tie with these features. */
export function predictCloseness(learned: LearnedStrength, features: Float64Array): number {
  const y = predictRidge(learned.model, features);
  return y < 0 ? 0 : y > 1 ? 1 : y;
}

export interface LearnedWeight {
  feature: LearnedFeature;
  label: string;
  /** Change in closeness (0..1) for one standard deviation of the feature among rated people. */
  weight: number;
}

/** What the settings page shows: how many ratings, and what counts most, largest effect first. */
export interface LearnedSummary {
  ratedPeople: number;
  ratings: number;
  weights: LearnedWeight[];
}

export function learnedSummary(learned: LearnedStrength): LearnedSummary {
  const weights = LEARNED_FEATURES.map((feature, j) => ({
    feature,
    label: LEARNED_LABELS[feature],
    weight: learned.model.weights[j] ?? 0,
  })).sort((a, b) => b.weight - a.weight);
  return { ratedPeople: learned.ratedPeople, ratings: learned.ratings, weights };
}

/** One feature's part of a learned closeness, for "Why is this tie strong?". */
export function learnedParts(learned: LearnedStrength, features: Float64Array): LearnedWeight[] {
  const m = learned.model;
  return LEARNED_FEATURES.map((feature, j) => ({
    feature,
    label: LEARNED_LABELS[feature],
    weight: ((m.weights[j] ?? 0) * ((features[j] ?? 0) - (m.means[j] ?? 0))) / (m.scales[j] ?? 1),
  })).sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight));
}
