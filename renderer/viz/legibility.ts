/**
 * The map's legibility budget: what the default view of any journal may draw so that it can be
 * read, and the structure view of a large journal (communities as bubbles, the ties between them
 * as bundles, the owner's closest people on top). Pure functions of the scene's arrays, shared by
 * the painter (which draws them) and the map view (which hit-tests them).
 */

/** At most this many people are named on the map at once. */
export const LABEL_BUDGET = 300;
/** The owner's closest people (by the strength model): placed on top and named in the default view. */
export const CLOSEST_PEOPLE = 150;
/** At most this many ties are drawn one by one. */
export const TIE_BUDGET = 3000;
/**
 * Above this many people on the map, the default picture is the structure: one bubble per
 * community instead of one disc per person (the closest people stay on top).
 */
export const STRUCTURE_PEOPLE = 1000;
/** Communities smaller than this are not drawn as bubbles (their people are specks). */
export const MIN_BUBBLE_MEMBERS = 3;
/** At most this many bubbles, the largest communities first. */
export const MAX_BUBBLES = 80;
/** At most this many bundles of ties between communities, the largest first. */
export const MAX_BUNDLES = 60;
/** A bubble opens (its people and ties are drawn) once its radius on screen reaches this (px). */
export const OPEN_RADIUS_PX = 150;
/**
 * Bubble radius per square root of members, in world units: area grows with members. The layout
 * packs a large map's communities as discs of this size (layout.ts SPACING).
 */
const BUBBLE_SCALE = 9;

/** Whether the default picture of a map with this many people on it is its structure. */
export function showsStructure(peopleOnMap: number): boolean {
  return peopleOnMap > STRUCTURE_PEOPLE;
}

/**
 * The `count` strongest people (node 0, the owner, left out) among those `included`, strongest
 * first; equal strengths in node order, so the choice is stable from frame to frame.
 */
export function closestPeople(
  strength: ArrayLike<number>,
  included: (i: number) => boolean,
  count: number,
): Int32Array {
  const chosen: number[] = [];
  for (let i = 1; i < strength.length; i++) if (included(i)) chosen.push(i);
  chosen.sort((a, b) => (strength[b] as number) - (strength[a] as number) || a - b);
  return Int32Array.from(chosen.slice(0, Math.max(0, count)));
}

/** One community drawn as a bubble: at its members' centre, its area proportional to its members. */
export interface Bubble {
  community: number;
  x: number;
  y: number;
  /** Radius in world units. */
  r: number;
  members: number;
}

/**
 * A bubble per community with at least MIN_BUBBLE_MEMBERS members on the map (laid out), at most
 * MAX_BUBBLES, largest first. `communityOf[i]` is node i's community (-1: none).
 */
export function bubblesOf(
  positions: ArrayLike<number>,
  communityOf: ArrayLike<number>,
  included: (i: number) => boolean,
): Bubble[] {
  const sums = new Map<number, { x: number; y: number; n: number }>();
  for (let i = 1; i < communityOf.length; i++) {
    const c = communityOf[i] as number;
    const x = positions[i * 2] as number;
    const y = positions[i * 2 + 1] as number;
    if (c < 0 || !included(i) || Number.isNaN(x) || Number.isNaN(y)) continue;
    const sum = sums.get(c) ?? { x: 0, y: 0, n: 0 };
    sum.x += x;
    sum.y += y;
    sum.n += 1;
    sums.set(c, sum);
  }
  const bubbles: Bubble[] = [];
  for (const [community, { x, y, n }] of sums) {
    if (n < MIN_BUBBLE_MEMBERS) continue;
    bubbles.push({ community, x: x / n, y: y / n, r: BUBBLE_SCALE * Math.sqrt(n), members: n });
  }
  bubbles.sort((a, b) => b.members - a.members || a.community - b.community);
  return bubbles.slice(0, MAX_BUBBLES);
}

/** The ties between two communities, summed up: drawn as one line with its count. */
export interface Bundle {
  /** The two communities, a < b. */
  a: number;
  b: number;
  ties: number;
  /** The sum of their strengths. */
  strength: number;
}

/**
 * The ties between people of different communities (both in `communities`, the owner's ties left
 * out, weaker than `minStrength` left out), one bundle per pair of communities, at most
 * MAX_BUNDLES, most ties first.
 */
export function bundlesOf(
  ties: {
    source: ArrayLike<number>;
    target: ArrayLike<number>;
    isOwner: ArrayLike<number>;
    strength: ArrayLike<number>;
  },
  communityOf: ArrayLike<number>,
  communities: ReadonlySet<number>,
  included: (i: number) => boolean,
  minStrength: number,
): Bundle[] {
  const pairs = new Map<number, Bundle>();
  const width = communityOf.length + 1;
  for (let t = 0; t < ties.strength.length; t++) {
    const s = ties.strength[t] as number;
    if (ties.isOwner[t] || !(s >= minStrength)) continue;
    const from = ties.source[t] as number;
    const to = ties.target[t] as number;
    const ca = communityOf[from] as number;
    const cb = communityOf[to] as number;
    if (ca === cb || !communities.has(ca) || !communities.has(cb)) continue;
    if (!included(from) || !included(to)) continue;
    const a = Math.min(ca, cb);
    const b = Math.max(ca, cb);
    const key = a * width + b;
    const bundle = pairs.get(key) ?? { a, b, ties: 0, strength: 0 };
    bundle.ties += 1;
    bundle.strength += s;
    pairs.set(key, bundle);
  }
  return [...pairs.values()].sort((x, y) => y.ties - x.ties || x.a - y.a || x.b - y.b).slice(0, MAX_BUNDLES);
}

/**
 * The communities whose people are drawn: those opened (clicked, or from the list), and those
 * zoomed into (semantic zoom: the bubble is at least OPEN_RADIUS_PX on screen).
 */
export function openCommunities(
  bubbles: readonly Bubble[],
  opened: readonly number[],
  zoom: number,
): Set<number> {
  const open = new Set(opened);
  for (const b of bubbles) if (b.r * zoom >= OPEN_RADIUS_PX) open.add(b.community);
  return open;
}

/**
 * The people who are drawn as discs (and may be named) in the structure view: the owner, the
 * closest people, and everyone in an open community. Everyone else is a speck inside a bubble.
 */
export function prominentPeople(
  count: number,
  closest: ArrayLike<number>,
  communityOf: ArrayLike<number>,
  open: ReadonlySet<number>,
): Uint8Array {
  const prominent = new Uint8Array(count);
  if (count > 0) prominent[0] = 1;
  for (let j = 0; j < closest.length; j++) prominent[closest[j] as number] = 1;
  if (open.size > 0) {
    for (let i = 1; i < count; i++) if (open.has(communityOf[i] as number)) prominent[i] = 1;
  }
  return prominent;
}

/**
 * Who is named, in order: the people that must be (focus, hover, path, the owner), then the
 * candidates by strength. At the default zoom the candidates are the closest people only; zoomed
 * in (or in an open community) anyone on screen may be. Never more than LABEL_BUDGET.
 */
export function labelOrder(
  first: readonly number[],
  candidates: readonly number[],
  strength: ArrayLike<number>,
  allowed: (i: number) => boolean,
): number[] {
  const seen = new Set<number>();
  const order: number[] = [];
  for (const i of first) {
    if (seen.has(i)) continue;
    seen.add(i);
    order.push(i);
  }
  const rest = candidates.filter((i) => !seen.has(i) && allowed(i));
  rest.sort((a, b) => (strength[b] as number) - (strength[a] as number) || a - b);
  for (const i of rest) order.push(i);
  return order;
}
