import {
  forceCollide,
  forceLink,
  forceManyBody,
  forceRadial,
  forceSimulation,
  forceX,
  forceY,
  type Simulation,
  type SimulationLinkDatum,
  type SimulationNodeDatum,
} from 'd3-force';
import { randomLcg } from 'd3-random';
import { nodeRadius, OWNER_RADIUS } from '../../../viz/scales';

export interface LayoutLink {
  source: number;
  target: number;
  /** The tie's strength at its peak, 0..1. */
  strength: number;
}

export interface LayoutInput {
  /** Node ids; index 0 is the owner. */
  ids: readonly string[];
  /** Each node's strongest tie to the owner over the whole journal, 0..1. */
  ownerStrength: Float32Array;
  /** Person-to-person ties (at their peak). */
  links: readonly LayoutLink[];
  /** A community per node over the whole journal (-1 for none): the starting neighbourhoods. */
  groups: Int32Array;
  /**
   * Lay each group out as its own region (a large map's structure view draws the groups as
   * bubbles over them): the groups are packed around the owner, closest first (see clusterGroups),
   * and each person is held near their group's centre.
   */
  cluster?: boolean;
  /**
   * Positions from the previous layout of this journal, by person id. When most people already
   * have one, they stay exactly where they are and only the newcomers are laid out.
   */
  previous?: ReadonlyMap<string, { x: number; y: number }>;
}

interface LayoutNode extends SimulationNodeDatum {
  index: number;
  r: number;
}

type LayoutEdge = SimulationLinkDatum<LayoutNode> & { strength: number; pull: number };

const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));
/** Pair ties kept per person for the layout: enough to pull communities together, few enough to be fast. */
const LINKS_PER_PERSON = 6;
/** Above this many people, no collision force (see the constructor). */
const COLLIDE_LIMIT = 2000;
/** Above this share of newcomers the whole map is laid out again. */
const INCREMENTAL_LIMIT = 0.3;
/** Distance between neighbours on a group's starting spiral: a group of n fills a disc of SPACING * √n. */
export const SPACING = 9;
/** How firmly a clustered layout holds people near their group's centre. */
const CLUSTER_PULL = 0.2;
/** In a clustered layout a tie between two groups pulls this much of its usual pull. */
const ACROSS_PULL = 0.1;
/** Empty space kept between packed groups, and around the owner. */
const GROUP_GAP = 14;

/**
 * One force-directed layout for everyone ever on the map, so replaying time never moves anyone:
 * people appear where they will always be. Deterministic: the same journal gives the same picture
 * (seeded starting positions, d3's seeded random source, a tick count fixed by the input's size).
 */
export class ForceLayout {
  readonly totalTicks: number;
  readonly incremental: boolean;
  private ticks = 0;
  private readonly simulation: Simulation<LayoutNode, LayoutEdge>;
  private readonly nodes: LayoutNode[];

  constructor(input: LayoutInput) {
    const n = input.ids.length;
    const known = input.previous ? input.ids.filter((id, i) => i > 0 && input.previous?.has(id)).length : 0;
    const newcomers = n - 1 - known;
    this.incremental = n > 1 && known > 0 && newcomers / (n - 1) <= INCREMENTAL_LIMIT;
    this.nodes = input.ids.map((_, i) => ({
      index: i,
      r: i === 0 ? OWNER_RADIUS : nodeRadius(input.ownerStrength[i] ?? 0),
    }));
    const links = pickLinks(input.links, n);
    const centres = input.cluster && !this.incremental ? packGroups(input.groups) : null;
    // Ties between groups would drag the regions into each other: they pull only a little.
    if (centres) {
      for (const l of links) {
        if ((input.groups[l.source as number] ?? -1) !== (input.groups[l.target as number] ?? -1))
          l.pull *= ACROSS_PULL;
      }
    }
    if (this.incremental) placeNewcomers(this.nodes, input);
    else seedPositions(this.nodes, input.groups, centres);
    const owner = this.nodes[0];
    if (owner) {
      owner.fx = 0;
      owner.fy = 0;
    }

    const spread = 40 + 18 * Math.sqrt(n);
    const cost = n * Math.log2(n + 2) + links.length;
    this.totalTicks = this.incremental
      ? newcomers > 0
        ? 60
        : 0
      : Math.round(Math.min(300, Math.max(80, 4e6 / cost)));
    const alphaMin = 0.001;
    this.simulation = forceSimulation<LayoutNode, LayoutEdge>(this.nodes)
      .randomSource(randomLcg(0.5))
      .alpha(this.incremental ? 0.3 : 1)
      .alphaMin(alphaMin)
      .alphaDecay(1 - Math.pow(alphaMin, 1 / this.totalTicks))
      .force(
        'charge',
        forceManyBody<LayoutNode>()
          .strength(-28)
          .theta(n > COLLIDE_LIMIT ? 1.1 : 0.9)
          .distanceMax(spread),
      )
      .force(
        'link',
        forceLink<LayoutNode, LayoutEdge>(links)
          .distance((l) => 18 + 40 * (1 - l.strength))
          .strength((l) => l.pull),
      )
      .force(
        'radial',
        forceRadial<LayoutNode>((d) =>
          d.index === 0 ? 0 : spread * (0.25 + 0.9 * (1 - (input.ownerStrength[d.index] ?? 0))),
        ).strength(centres ? 0 : 0.04),
      )
      .stop();
    if (centres) {
      // Each person held near their group's centre; those in no group keep the ring around it all.
      const centreOf = (d: LayoutNode) => centres.get(input.groups[d.index] ?? -1);
      const held = (d: LayoutNode) => (d.index > 0 && centreOf(d) ? CLUSTER_PULL : 0);
      this.simulation
        .force('x', forceX<LayoutNode>((d) => centreOf(d)?.x ?? 0).strength(held))
        .force('y', forceY<LayoutNode>((d) => centreOf(d)?.y ?? 0).strength(held))
        .force(
          'charge',
          forceManyBody<LayoutNode>()
            .strength(-12)
            .theta(1.1)
            .distanceMax(SPACING * 6),
        );
    }
    // On a big map the discs are specks at any zoom that shows them all, and collision would cost
    // a third of each tick: the charge keeps people apart well enough.
    if (n <= COLLIDE_LIMIT) {
      this.simulation.force('collide', forceCollide<LayoutNode>((d) => d.r + 1.5).iterations(1));
    }
  }

  get progress(): number {
    return Math.min(1, this.ticks / this.totalTicks);
  }

  get settled(): boolean {
    return this.ticks >= this.totalTicks;
  }

  /** Runs ticks until `budgetMs` has passed (at least one); returns true once settled. */
  stepFor(budgetMs: number, now: () => number): boolean {
    const until = now() + budgetMs;
    do {
      if (this.settled) return true;
      this.simulation.tick();
      this.ticks += 1;
    } while (now() < until);
    return this.settled;
  }

  /** Runs to the end (tests, small journals). */
  run(): Float32Array {
    while (!this.settled) {
      this.simulation.tick();
      this.ticks += 1;
    }
    return this.positions();
  }

  /** x0, y0, x1, y1… by node index. */
  positions(): Float32Array {
    const out = new Float32Array(this.nodes.length * 2);
    for (const node of this.nodes) {
      out[node.index * 2] = node.x ?? 0;
      out[node.index * 2 + 1] = node.y ?? 0;
    }
    return out;
  }
}

/**
 * The strongest few ties of each person. Each pulls with its strength over the smaller degree of
 * its ends (d3's default rule), so that hubs are not torn apart by their many ties.
 */
function pickLinks(all: readonly LayoutLink[], n: number): LayoutEdge[] {
  const sorted = [...all].sort(
    (a, b) => b.strength - a.strength || a.source - b.source || a.target - b.target,
  );
  const used = new Uint16Array(n);
  const kept: LayoutLink[] = [];
  for (const l of sorted) {
    if (l.source === 0 || l.target === 0) continue;
    if ((used[l.source] ?? 0) >= LINKS_PER_PERSON || (used[l.target] ?? 0) >= LINKS_PER_PERSON) continue;
    used[l.source]! += 1;
    used[l.target]! += 1;
    kept.push(l);
  }
  return kept.map((l) => ({
    source: l.source,
    target: l.target,
    strength: l.strength,
    pull: l.strength / Math.sqrt(Math.max(1, Math.min(used[l.source] ?? 1, used[l.target] ?? 1))),
  }));
}

/**
 * The groups' centres, packed around the owner: the first group (the closest) as near as it fits,
 * each next one at the first free place along a spiral outwards, so that no two groups' discs
 * (SPACING * √members) overlap.
 */
export function packGroups(groups: Int32Array): Map<number, { x: number; y: number; r: number }> {
  const sizes = new Map<number, number>();
  for (let i = 1; i < groups.length; i++) {
    const g = groups[i] as number;
    if (g >= 0) sizes.set(g, (sizes.get(g) ?? 0) + 1);
  }
  const placed: { x: number; y: number; r: number }[] = [{ x: 0, y: 0, r: OWNER_RADIUS * 2 }];
  const centres = new Map<number, { x: number; y: number; r: number }>();
  for (const g of [...sizes.keys()].sort((a, b) => a - b)) {
    const r = SPACING * Math.sqrt(sizes.get(g) as number);
    for (let step = 0; ; step++) {
      const distance = 4 * Math.sqrt(step) * SPACING;
      const x = Math.cos(step * GOLDEN_ANGLE) * distance;
      const y = Math.sin(step * GOLDEN_ANGLE) * distance;
      if (placed.every((o) => Math.hypot(o.x - x, o.y - y) >= o.r + r + GROUP_GAP)) {
        const centre = { x, y, r };
        placed.push(centre);
        centres.set(g, centre);
        break;
      }
    }
  }
  return centres;
}

/**
 * Each community starts on its own spiral, the spirals arranged around the owner (at the packed
 * centres, when given).
 */
function seedPositions(
  nodes: LayoutNode[],
  groups: Int32Array,
  centres: ReadonlyMap<number, { x: number; y: number; r: number }> | null,
): void {
  const members = new Map<number, LayoutNode[]>();
  for (const node of nodes) {
    if (node.index === 0) continue;
    const g = groups[node.index] ?? -1;
    const list = members.get(g) ?? [];
    list.push(node);
    members.set(g, list);
  }
  const spacing = SPACING;
  // With packed groups, the people in none go on a ring outside them all.
  let outer = 0;
  for (const c of centres?.values() ?? []) outer = Math.max(outer, Math.hypot(c.x, c.y) + c.r);
  for (const [g, list] of members) {
    const centreRadius = g < 0 ? 0 : spacing * 6 * Math.sqrt(g + 1) + 40;
    const packed = centres?.get(g);
    const cx = packed ? packed.x : Math.cos(g * GOLDEN_ANGLE) * centreRadius;
    const cy = packed ? packed.y : Math.sin(g * GOLDEN_ANGLE) * centreRadius;
    const offset = g < 0 || (centres && !packed) ? Math.max(outer, Math.sqrt(nodes.length) * spacing) : 0;
    list.forEach((node, i) => {
      const r = offset + spacing * Math.sqrt(i + 0.5);
      node.x = cx + r * Math.cos(i * GOLDEN_ANGLE);
      node.y = cy + r * Math.sin(i * GOLDEN_ANGLE);
    });
  }
}

/**
 * The groups a large map is laid out by: its communities (Louvain, at the analysed date), those of
 * at least `minMembers`, numbered by how close the owner is to them (the mean strength of their
 * members' ties with the owner), closest first, so the closest communities are packed nearest the
 * owner. -1: in no such group.
 */
export function clusterGroups(
  communityIndex: Int32Array,
  ownerStrength: Float32Array,
  minMembers: number,
): Int32Array {
  const sums = new Map<number, { strength: number; members: number }>();
  for (let i = 1; i < communityIndex.length; i++) {
    const c = communityIndex[i] as number;
    if (c < 0) continue;
    const sum = sums.get(c) ?? { strength: 0, members: 0 };
    sum.strength += ownerStrength[i] ?? 0;
    sum.members += 1;
    sums.set(c, sum);
  }
  const order = [...sums]
    .filter(([, s]) => s.members >= minMembers)
    .sort((a, b) => b[1].strength / b[1].members - a[1].strength / a[1].members || a[0] - b[0])
    .map(([c]) => c);
  const rank = new Map(order.map((c, r) => [c, r]));
  return Int32Array.from(communityIndex, (c, i) => (i === 0 ? -1 : (rank.get(c) ?? -1)));
}

/** Everyone laid out before stays pinned; a newcomer starts beside the people they are tied to. */
function placeNewcomers(nodes: LayoutNode[], input: LayoutInput): void {
  const neighbours = new Map<number, number[]>();
  for (const l of input.links) {
    for (const [from, to] of [
      [l.source, l.target],
      [l.target, l.source],
    ] as const) {
      const list = neighbours.get(from) ?? [];
      list.push(to);
      neighbours.set(from, list);
    }
  }
  const fresh: LayoutNode[] = [];
  for (const node of nodes) {
    const p = node.index === 0 ? { x: 0, y: 0 } : input.previous?.get(input.ids[node.index] as string);
    if (!p) {
      fresh.push(node);
      continue;
    }
    node.x = node.fx = p.x;
    node.y = node.fy = p.y;
  }
  for (const node of fresh) {
    const random = randomLcg(hash(input.ids[node.index] as string));
    const placed = (neighbours.get(node.index) ?? [])
      .map((j) => nodes[j] as LayoutNode)
      .filter((m) => m.x !== undefined);
    let x = 0;
    let y = 0;
    if (placed.length > 0) {
      for (const m of placed) {
        x += m.x as number;
        y += m.y as number;
      }
      x /= placed.length;
      y /= placed.length;
    } else {
      const angle = random() * 2 * Math.PI;
      const r =
        40 + 18 * Math.sqrt(nodes.length) * (0.5 + 0.6 * (1 - (input.ownerStrength[node.index] ?? 0)));
      x = r * Math.cos(angle);
      y = r * Math.sin(angle);
    }
    node.x = x + (random() - 0.5) * 20;
    node.y = y + (random() - 0.5) * 20;
  }
}

/** A stable seed in [0, 1) from a person id. */
function hash(id: string): number {
  let h = 2166136261;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619);
  return (h >>> 0) / 4294967296;
}
