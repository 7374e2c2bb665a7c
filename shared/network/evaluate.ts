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
 * The targets (0.9 each) are not reached, and the generated data does not allow them:
 * - closeness shows only through noisy one-to-one ratings (rounded, sd 0.5 on a 1..5 scale, and
 *   absent for most encounters) and a one-to-one count with log-normal noise (sigma 0.5); the best
 *   weighting of all the model's factors, fitted to the truth itself, reaches Spearman 0.80 (all)
 *   and 0.84 (live) on typical, 0.72 and 0.81 on heavy;
 * - live ties are quiet for years between their active periods (a tenth of live ties have had no
 *   contact for over two years on typical), so silence cannot tell them from ended ties: every
 *   threshold rule tried on silence, rhythm and the shared community going quiet peaks near F1 0.7.
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
