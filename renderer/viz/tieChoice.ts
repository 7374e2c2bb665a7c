import type { NetworkScene } from './drawNetwork';

/** Ties weaker than this are not drawn. */
export const MIN_TIE = 0.02;
const TIE_BUCKETS = 8;

/** Ties drawn with the same width and opacity: `ties[from..to)`. */
export interface TieGroup {
  owner: boolean;
  /** The strength the group is drawn with (its bucket's middle). */
  strength: number;
  from: number;
  to: number;
}

/** The ties to draw, weakest group first (so the strong ones end up on top). */
export interface TieChoice {
  ties: Int32Array;
  groups: TieGroup[];
}

interface WorldBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

let tieKeys = new Int8Array(0);
let tieOrder = new Int32Array(0);
let drawable = new Uint8Array(0);

/**
 * At most `budget` ties, the strongest first: person-to-person ties, then the owner's. Each tie's
 * ends must be on the map and not filtered out, and (given `world`) the tie must cross the visible
 * part of the world. One counting pass over the ties sorts them into strength buckets.
 */
export function chooseTies(
  scene: NetworkScene,
  budget: number,
  world: WorldBox | null,
  isDrawable: (i: number) => boolean,
): TieChoice {
  const { positions: p, tieSource, tieTarget, tieStrength } = scene;
  const count = tieStrength.length;
  if (tieKeys.length < count) {
    tieKeys = new Int8Array(count);
    tieOrder = new Int32Array(count);
  }
  // Decided once per person rather than at both ends of every tie (tens of thousands of ties,
  // a few thousand people).
  const people = scene.appears.length;
  if (drawable.length < people) drawable = new Uint8Array(people);
  for (let i = 0; i < people; i++) drawable[i] = isDrawable(i) ? 1 : 0;
  const sizes = new Int32Array(2 * TIE_BUCKETS + 1);
  for (let t = 0; t < count; t++) {
    const s = tieStrength[t] as number;
    const a = tieSource[t] as number;
    const c = tieTarget[t] as number;
    tieKeys[t] = -1;
    if (!(s >= MIN_TIE) || drawable[a] !== 1 || drawable[c] !== 1) continue;
    if (world) {
      const ax = p[a * 2] as number;
      const ay = p[a * 2 + 1] as number;
      const cx = p[c * 2] as number;
      const cy = p[c * 2 + 1] as number;
      if (
        (ax < world.x0 && cx < world.x0) ||
        (ax > world.x1 && cx > world.x1) ||
        (ay < world.y0 && cy < world.y0) ||
        (ay > world.y1 && cy > world.y1)
      )
        continue;
    }
    const bucket = Math.min(TIE_BUCKETS - 1, Math.floor(((s - MIN_TIE) / (1 - MIN_TIE)) * TIE_BUCKETS));
    const key = (scene.tieIsOwner[t] ? 0 : TIE_BUCKETS) + bucket;
    tieKeys[t] = key;
    sizes[key + 1]! += 1;
  }
  for (let b = 1; b < sizes.length; b++) sizes[b]! += sizes[b - 1]!;
  const fill = sizes.slice();
  for (let t = 0; t < count; t++) {
    const key = tieKeys[t] as number;
    if (key >= 0) tieOrder[fill[key]!++] = t;
  }
  // Strongest person-to-person bucket first, then down; then the owner's buckets the same way.
  const picked: { key: number; from: number; to: number }[] = [];
  let left = budget;
  for (let b = 0; b < 2 * TIE_BUCKETS && left > 0; b++) {
    const key = b < TIE_BUCKETS ? 2 * TIE_BUCKETS - 1 - b : TIE_BUCKETS - 1 - (b - TIE_BUCKETS);
    const to = sizes[key + 1] as number;
    const from = Math.max(sizes[key] as number, to - left);
    if (from >= to) continue;
    left -= to - from;
    picked.push({ key, from, to });
  }
  const ties = new Int32Array(budget - left);
  const groups: TieGroup[] = [];
  let at = 0;
  for (const { key, from, to } of picked.reverse()) {
    ties.set(tieOrder.subarray(from, to), at);
    groups.push({
      owner: key < TIE_BUCKETS,
      strength: MIN_TIE + ((1 - MIN_TIE) * ((key % TIE_BUCKETS) + 0.5)) / TIE_BUCKETS,
      from: at,
      to: at + to - from,
    });
    at += to - from;
  }
  return { ties, groups };
}

let kept: { scene: Partial<NetworkScene>; budget: number; choice: TieChoice } | null = null;

/**
 * chooseTies for quick sketches, without culling to the screen: kept while the strengths, the
 * date and the filters stay the same, so a layout that only moves people does not sort every tie
 * again on each frame.
 */
export function chooseTiesOnce(
  scene: NetworkScene,
  budget: number,
  isDrawable: (i: number) => boolean,
): TieChoice {
  const same =
    kept &&
    kept.budget === budget &&
    kept.scene.tieStrength === scene.tieStrength &&
    kept.scene.tieSource === scene.tieSource &&
    kept.scene.appears === scene.appears &&
    kept.scene.day === scene.day &&
    kept.scene.hidden === scene.hidden &&
    kept.scene.minStrength === scene.minStrength;
  if (same && kept) return kept.choice;
  const choice = chooseTies(scene, budget, null, isDrawable);
  kept = {
    scene: {
      tieStrength: scene.tieStrength,
      tieSource: scene.tieSource,
      appears: scene.appears,
      day: scene.day,
      hidden: scene.hidden,
      minStrength: scene.minStrength,
    },
    budget,
    choice,
  };
  return choice;
}
