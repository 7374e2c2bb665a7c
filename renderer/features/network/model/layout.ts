import {
  forceCollide,
  forceLink,
  forceManyBody,
  forceRadial,
  forceSimulation,
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
    if (this.incremental) placeNewcomers(this.nodes, input);
    else seedPositions(this.nodes, input.groups);
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
        ).strength(0.04),
      )
      .stop();
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

/** Each community starts on its own spiral, the spirals arranged around the owner. */
function seedPositions(nodes: LayoutNode[], groups: Int32Array): void {
  const members = new Map<number, LayoutNode[]>();
  for (const node of nodes) {
    if (node.index === 0) continue;
    const g = groups[node.index] ?? -1;
    const list = members.get(g) ?? [];
    list.push(node);
    members.set(g, list);
  }
  const spacing = 9;
  for (const [g, list] of members) {
    const centreRadius = g < 0 ? 0 : spacing * 6 * Math.sqrt(g + 1) + 40;
    const cx = Math.cos(g * GOLDEN_ANGLE) * centreRadius;
    const cy = Math.sin(g * GOLDEN_ANGLE) * centreRadius;
    const offset = g < 0 ? Math.sqrt(nodes.length) * spacing : 0;
    list.forEach((node, i) => {
      const r = offset + spacing * Math.sqrt(i + 0.5);
      node.x = cx + r * Math.cos(i * GOLDEN_ANGLE);
      node.y = cy + r * Math.sin(i * GOLDEN_ANGLE);
    });
  }
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
