import { median } from 'd3-array';
import { closenessAt, silentAfter, type GroundTruth } from '../sample';
import { dayNumber, type DayNumber } from './days';
import { fadingScore, rhythmOf } from './factors';
import { fadingTies } from './keepInTouch';
import type { JournalObservables } from './observables';
import { ranks, spearman } from './rank';
import { fitRidge, predictRidge, type RidgeModel } from './ridge';
import type { TimeIndex } from './timeIndex';

/**
 * The truth figures: the model against the sample generator's ground truth, as a person would
 * judge it, at several dates of several seeds (docs/truth-figures.md says what each one means).
 *
 * Per seed and date, over the owner ties met by that date ("known"):
 * - Spearman of model strength against true closeness at that date, over live ties (not ended by
 *   then), over all known ties and over the unrated ones (no rated encounter up to the date);
 * - Dunbar ring truth: how much of the true top 5 / 15 / 150 by closeness the model's top k holds;
 * - fading, against an observable label, silence: no contact in the 365 days after the date (the
 *   generator simulates contact beyond the reference day, so it is known; a date whose label cannot
 *   be known has no fading figures). Ties in touch within fadingMinDays before the date are left out
 *   (the model never calls them fading, by rule) and counted apart. The fading score is the model's
 *   own notion of how overdue a tie is (fadingScore: days of silence x (1 - strength)).
 *   The list is fadingTies' rhythm reason (cadence reminders are the owner's wish, not a
 *   prediction), archived people included (archiving is the owner's judgement, not the model's).
 *
 * Beside each figure, the learned reference's: a ridge regression on every observable of the
 * journal (observables.ts), fitted on other seeds only and scored on the same ties. It is the
 * practical ceiling of a model that sees what the journal shows.
 */

/** What the truth figures compare for one seed's journal at one date, per owner tie known by then. */
export interface DateSample {
  seed: number;
  day: DayNumber;
  /** Model strength. */
  strength: number[];
  /** True closeness on `day`. */
  closeness: number[];
  /** Not ended by `day`. */
  live: boolean[];
  /** At least one rated encounter up to `day`. */
  rated: boolean[];
  /** The model's fading score (fadingScore: silence x weakness). */
  fadingScore: number[];
  /** On the model's fading list for its rhythm. */
  listed: boolean[];
  /** Last contact at least fadingMinDays before `day`: the fading figures' population. */
  eligible: boolean[];
  /** No contact in the 365 days after `day`; null for every tie when that is not known. */
  silent: boolean[] | null;
  /** Days from the last contact to `day`. */
  daysSinceLast: number[];
  /** The journal marks the tie family or partner (an explicit owner tie): the owner says it lasts. */
  marked: boolean[];
  /** The journal's observables of each tie on `day` (observables.ts). */
  observables: Float64Array[];
}

/** The model's figure and the learned reference's, on the same ties. */
export interface Paired {
  model: number;
  reference: number;
}

export interface FadingFigures {
  /** Ties judged: known, last contact at least fadingMinDays before the date. */
  eligible: number;
  /** Known ties left out because their last contact was within fadingMinDays of the date. */
  excluded: number;
  /** Eligible ties with no contact in the 365 days after the date. */
  silent: number;
  /** Eligible ties on the model's fading list (rhythm reason); the reference lists as many. */
  listed: number;
  auc: Paired;
  precision: Paired;
  recall: Paired;
}

export interface DateFigures {
  seed: number;
  day: DayNumber;
  known: number;
  live: number;
  unrated: number;
  spearmanLive: Paired;
  spearmanKnown: Paired;
  spearmanUnrated: Paired;
  /** |model top k ∩ true top k| / k, for k = 5, 15, 150 (NaN with k or fewer known ties). */
  top5: Paired;
  top15: Paired;
  top150: Paired;
  /** Null when the 365 days after the date are not simulated. */
  fading: FadingFigures | null;
  /** Known ties silent for LONG_SILENCE_DAYS or more and not marked family or partner. */
  longSilent: number;
  /**
   * The share of those whose score is below the median score of the live ties at the date: a tie
   * silent for years that the owner does not say lasts should not look like a tie still in use
   * (NaN when there is no such tie or no live tie).
   */
  longSilentBelowMedian: Paired;
}

/** Three years without contact: "silent for years" in the target. */
export const LONG_SILENCE_DAYS = 3 * 365;

/** Everything the truth figures need of one journal at one date. */
export function sampleAt(
  index: TimeIndex,
  observables: JournalObservables,
  truth: GroundTruth,
  day: DayNumber,
): DateSample {
  const truthOf = new Map(truth.ownerTies.map((t, i) => [t.personId, i]));
  const listedTies = new Set(
    fadingTies(index, day, { includeArchived: true })
      .filter((f) => f.reasons.includes('rhythm'))
      .map((f) => f.tie),
  );
  const labelKnown = truth.ownerTies.length > 0 && silentAfter(truth, 0, day) !== null;
  const sample: DateSample = {
    seed: truth.seed,
    day,
    strength: [],
    closeness: [],
    live: [],
    rated: [],
    fadingScore: [],
    listed: [],
    eligible: [],
    silent: labelKnown ? [] : null,
    daysSinceLast: [],
    marked: [],
    observables: [],
  };
  const strengths = index.strengthsAt(day);
  for (const person of index.people) {
    const tie = person.ownerTie;
    const t = truthOf.get(person.id);
    if (tie < 0 || t === undefined) continue;
    const m = observables.measuresAt(tie, day);
    const row = observables.at(tie, day);
    if (!m || !row) continue;
    const tieTruth = truth.ownerTies[t] as GroundTruth['ownerTies'][number];
    const rhythm = rhythmOf(m, index.settings);
    sample.strength.push(strengths[tie] as number);
    sample.closeness.push(closenessAt(truth, t, day));
    sample.live.push(!(tieTruth.ended && tieTruth.end !== '' && dayNumber(tieTruth.end) < day));
    sample.rated.push(m.ratingWeight > 0);
    sample.fadingScore.push(fadingScore(rhythm.daysSinceLast, strengths[tie] as number));
    sample.listed.push(listedTies.has(tie));
    sample.eligible.push(rhythm.daysSinceLast >= index.settings.fadingMinDays);
    sample.silent?.push(silentAfter(truth, t, day) === true);
    sample.daysSinceLast.push(rhythm.daysSinceLast);
    sample.marked.push(observables.isMarked(tie));
    sample.observables.push(row);
  }
  return sample;
}

/**
 * Area under the ROC curve of `scores` for `labels`: the chance that a random positive scores
 * above a random negative, ties counting one half (Mann-Whitney U over average ranks). NaN without
 * both a positive and a negative.
 */
export function auc(scores: readonly number[], labels: readonly boolean[]): number {
  if (scores.length !== labels.length) throw new RangeError('AUC needs one label per score.');
  const r = ranks(scores);
  let positives = 0;
  let rankSum = 0;
  for (let i = 0; i < labels.length; i++) {
    if (!labels[i]) continue;
    positives++;
    rankSum += (r[i] as number) + 1;
  }
  const negatives = labels.length - positives;
  if (positives === 0 || negatives === 0) return Number.NaN;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/** Indices of the k largest values, ties broken by position (so a constant score is not an oracle). */
export function topK(values: readonly number[], k: number): number[] {
  return values
    .map((_, i) => i)
    .sort((a, b) => (values[b] as number) - (values[a] as number) || a - b)
    .slice(0, k);
}

/** |top k by `model` ∩ top k by `truth`| / k; NaN when there are k or fewer items (it would be 1). */
export function topOverlap(model: readonly number[], truth: readonly number[], k: number): number {
  if (model.length !== truth.length) throw new RangeError('Overlap needs equal lengths.');
  if (model.length <= k) return Number.NaN;
  const top = new Set(topK(truth, k));
  return topK(model, k).filter((i) => top.has(i)).length / k;
}

/** Precision and recall of a predicted set against labels (NaN when nothing is predicted / positive). */
export function precisionRecall(
  predicted: readonly boolean[],
  labels: readonly boolean[],
): { precision: number; recall: number } {
  let hits = 0;
  let listed = 0;
  let positives = 0;
  for (let i = 0; i < labels.length; i++) {
    if (predicted[i]) listed++;
    if (labels[i]) positives++;
    if (predicted[i] && labels[i]) hits++;
  }
  return {
    precision: listed === 0 ? Number.NaN : hits / listed,
    recall: positives === 0 ? Number.NaN : hits / positives,
  };
}

/**
 * The learned reference: ridge regressions on the journal's observables. Closeness is fitted
 * separately for rated and unrated ties (a rating changes what every other observable means, which
 * a single linear model cannot express); fading is a linear score fitted to the silence label on the
 * fading figures' population. Null parts had no rows to learn from.
 */
export interface ReferenceModel {
  rated: RidgeModel | null;
  unrated: RidgeModel | null;
  fading: RidgeModel | null;
}

export interface ReferenceScores {
  /** Predicted closeness, per tie of the sample. */
  closeness: number[];
  /** Fading score (higher = more likely silent for the next year), per tie of the sample. */
  fading: number[];
}

const RIDGE_LAMBDA = 1;

/** Fits the reference on `fit`: the caller passes other seeds' samples, never the one it scores. */
export function fitReference(fit: readonly DateSample[]): ReferenceModel {
  const rows = { rated: [] as Float64Array[], unrated: [] as Float64Array[], fading: [] as Float64Array[] };
  const targets = { rated: [] as number[], unrated: [] as number[], fading: [] as number[] };
  for (const s of fit) {
    s.observables.forEach((row, i) => {
      const group = s.rated[i] ? 'rated' : 'unrated';
      rows[group].push(row);
      targets[group].push(s.closeness[i] as number);
      if (s.silent && s.eligible[i]) {
        rows.fading.push(row);
        targets.fading.push(s.silent[i] ? 1 : 0);
      }
    });
  }
  const fitted = (group: keyof typeof rows) =>
    rows[group].length === 0 ? null : fitRidge(rows[group], targets[group], RIDGE_LAMBDA);
  return { rated: fitted('rated'), unrated: fitted('unrated'), fading: fitted('fading') };
}

/** The reference's scores for every tie of `sample` (NaN where its part had nothing to learn from). */
export function referenceScores(model: ReferenceModel, sample: DateSample): ReferenceScores {
  const predict = (m: RidgeModel | null, row: Float64Array) => (m ? predictRidge(m, row) : Number.NaN);
  return {
    closeness: sample.observables.map((row, i) =>
      predict(sample.rated[i] ? model.rated : model.unrated, row),
    ),
    fading: sample.observables.map((row) => predict(model.fading, row)),
  };
}

const pick = <T>(values: readonly T[], keep: readonly boolean[]) => values.filter((_, i) => keep[i]);

/** Fewer ties than this make a rank correlation noise (two ties give +-1): NaN, left out of the medians. */
export const MIN_RANKED_TIES = 10;

/** Spearman over the ties where `keep` holds. */
function spearmanWhere(x: readonly number[], y: readonly number[], keep: readonly boolean[]): number {
  const a = pick(x, keep);
  return a.length < MIN_RANKED_TIES ? Number.NaN : spearman(a, pick(y, keep));
}

/** The truth figures of one sample, the model's and the reference's side by side. */
export function figuresOf(sample: DateSample, reference: ReferenceScores): DateFigures {
  const { strength, closeness, live, rated } = sample;
  const all = strength.map(() => true);
  const unrated = rated.map((r) => !r);
  const longSilent = longSilentOf(sample);
  const paired = (f: (scores: readonly number[]) => number): Paired => ({
    model: f(strength),
    reference: f(reference.closeness),
  });
  return {
    seed: sample.seed,
    day: sample.day,
    known: strength.length,
    live: live.filter(Boolean).length,
    unrated: unrated.filter(Boolean).length,
    spearmanLive: paired((s) => spearmanWhere(s, closeness, live)),
    spearmanKnown: paired((s) => spearmanWhere(s, closeness, all)),
    spearmanUnrated: paired((s) => spearmanWhere(s, closeness, unrated)),
    top5: paired((s) => topOverlap(s, closeness, 5)),
    top15: paired((s) => topOverlap(s, closeness, 15)),
    top150: paired((s) => topOverlap(s, closeness, 150)),
    fading: fadingOf(sample, reference.fading),
    longSilent: longSilent.filter(Boolean).length,
    longSilentBelowMedian: paired((s) => belowLiveMedian(s, live, longSilent)),
  };
}

/** Known ties silent for LONG_SILENCE_DAYS or more that the journal does not mark family or partner. */
function longSilentOf(sample: DateSample): boolean[] {
  return sample.daysSinceLast.map((d, i) => d >= LONG_SILENCE_DAYS && !sample.marked[i]);
}

/** The share of the `subset` ties whose score is below the median score of the `live` ties. */
export function belowLiveMedian(
  scores: readonly number[],
  live: readonly boolean[],
  subset: readonly boolean[],
): number {
  const middle = median(pick(scores, live));
  const chosen = pick(scores, subset);
  if (middle === undefined || chosen.length === 0) return Number.NaN;
  return chosen.filter((s) => s < middle).length / chosen.length;
}

function fadingOf(sample: DateSample, referenceScore: readonly number[]): FadingFigures | null {
  if (!sample.silent) return null;
  const { eligible } = sample;
  const labels = pick(sample.silent, eligible);
  const listed = pick(sample.listed, eligible);
  const reference = pick(referenceScore, eligible);
  const k = listed.filter(Boolean).length;
  const referenceTop = new Set(topK(reference, k));
  const referenceListed = reference.map((_, i) => referenceTop.has(i));
  const model = precisionRecall(listed, labels);
  const ref = precisionRecall(referenceListed, labels);
  return {
    eligible: labels.length,
    excluded: eligible.length - labels.length,
    silent: labels.filter(Boolean).length,
    listed: k,
    auc: { model: auc(pick(sample.fadingScore, eligible), labels), reference: auc(reference, labels) },
    precision: { model: model.precision, reference: ref.precision },
    recall: { model: model.recall, reference: ref.recall },
  };
}

/**
 * The truth figures of every sample, each seed's reference fitted on the other seeds' samples
 * (all their dates) and scored on its own: leave one seed out, so no tie is scored by a fit that
 * saw it. Needs at least two seeds.
 */
export function evaluateTruth(samples: readonly DateSample[]): DateFigures[] {
  const seeds = [...new Set(samples.map((s) => s.seed))];
  if (seeds.length < 2) throw new RangeError('The learned reference needs samples of at least two seeds.');
  return seeds.flatMap((seed) => {
    const model = fitReference(samples.filter((s) => s.seed !== seed));
    return samples.filter((s) => s.seed === seed).map((s) => figuresOf(s, referenceScores(model, s)));
  });
}
