import type { GroundTruth } from '../sample';
import { dayNumber } from './days';
import { fadingTies } from './keepInTouch';
import { spearman } from './rank';
import type { TimeIndex } from './timeIndex';

/** How well the model recovers the generator's latent truth (see evaluateAgainstTruth). */
export interface TruthFigures {
  /** Owner ties compared (everyone met by the reference day). */
  ties: number;
  /** Spearman between model strength and latent closeness, all owner ties. */
  spearman: number;
  /** The same over the ties still alive on the reference day. */
  spearmanLive: number;
  /** Spearman between model and latent strength of the explicit person-to-person ties. */
  spearmanPairs: number;
  ended: number;
  listed: number;
  /** Listed ties that really ended. */
  truePositives: number;
  precision: number;
  recall: number;
}

/**
 * The model against the sample generator's ground truth, on the generator's reference day:
 * - strength: each owner tie's model strength against its latent closeness (Spearman);
 * - fading: a tie "really ended" when the truth says it ended before the reference day; the
 *   prediction is the model's fading list on that day, archived people included (the owner's archive
 *   flag is not the model's judgement). precision = listed and ended / listed,
 *   recall = listed and ended / ended.
 *
 * The issue's targets (0.9 each) are not reached, and the generated data does not allow them. The
 * settings were tuned on seed 7 and measured on the benchmark seed and seed 12345 (typical / heavy):
 * Spearman 0.79 / 0.72 (all ties) and 0.83 / 0.80 (live); fading precision 0.58 / 0.60 and recall
 * 0.83 / 0.90. Why more is out of reach:
 * - closeness shows only through noisy one-to-one ratings (rounded, sd 0.5 on a 1..5 scale, absent
 *   for about half of them and for a third of all ties) and a one-to-one count with log-normal noise
 *   (sigma 0.5); group ratings are about the group's mean. A Bayesian estimate that knows the
 *   generator's own formulas, its prior and even each tie's true end reaches only 0.78 / 0.74 (all)
 *   and 0.81 / 0.80 (live) on seed 7, within 0.03 of this model. How often someone turns up at their
 *   groups' gatherings, relative to the other members, correlates only 0.17 with closeness, and the
 *   owner's keep-in-touch cadence added under 0.01;
 * - live ties are quiet for years between their active periods (a quarter of live ties have had no
 *   contact for over 18 months, a tenth for over 3 years), so silence cannot tell them from ended
 *   ties: a logistic regression on every observable (silence, usual pause, longest gap, contact
 *   days, one-to-ones, the tie's groups still meeting without them) peaks near F1 0.72 (typical) and
 *   0.78 (heavy), and the rule here (silence past 4 usual pauses between bursts and at least six
 *   months) is within a few points of it.
 */
export function evaluateAgainstTruth(index: TimeIndex, truth: GroundTruth): TruthFigures {
  const day = dayNumber(truth.referenceDay);
  const strengths = index.strengthsAt(day);
  const model: number[] = [];
  const latent: number[] = [];
  const modelLive: number[] = [];
  const latentLive: number[] = [];
  const ended = new Set<string>();
  for (const t of truth.ownerTies) {
    const p = index.personIndex.get(t.personId);
    const tie = p === undefined ? -1 : (index.people[p]?.ownerTie ?? -1);
    if (tie < 0 || (index.people[p as number]?.appears ?? Infinity) > day) continue;
    const s = strengths[tie] as number;
    model.push(s);
    latent.push(t.closeness);
    const gone = t.ended && t.end !== '' && t.end < truth.referenceDay;
    if (gone) ended.add(t.personId);
    else {
      modelLive.push(s);
      latentLive.push(t.closeness);
    }
  }

  const pairOf = new Map<string, number>();
  index.ties.forEach((ref, i) => {
    if (ref.kind === 'pair') pairOf.set(`${ref.a}\u0000${ref.b}`, i);
  });
  const pairModel: number[] = [];
  const pairLatent: number[] = [];
  for (const t of truth.personTies) {
    const i = pairOf.get(t.aId < t.bId ? `${t.aId}\u0000${t.bId}` : `${t.bId}\u0000${t.aId}`);
    if (i === undefined) continue;
    pairModel.push(strengths[i] as number);
    pairLatent.push(t.strength);
  }

  const listed = fadingTies(index, day, { includeArchived: true });
  const truePositives = listed.filter((f) => ended.has(f.personId)).length;
  return {
    ties: model.length,
    spearman: spearman(model, latent),
    spearmanLive: spearman(modelLive, latentLive),
    spearmanPairs: spearman(pairModel, pairLatent),
    ended: ended.size,
    listed: listed.length,
    truePositives,
    precision: listed.length === 0 ? Number.NaN : truePositives / listed.length,
    recall: ended.size === 0 ? Number.NaN : truePositives / ended.size,
  };
}
