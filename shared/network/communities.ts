import louvain from 'graphology-communities-louvain';
import { randomLcg } from 'd3-random';
import type { EdgeAttributes, NetworkGraph } from './graph';

export interface Communities {
  /** Community of each person: 0 is the largest; -1 for people tied to nobody but the owner. */
  byPerson: Map<string, number>;
  /** Members per community, largest first. */
  sizes: number[];
  modularity: number;
}

/**
 * Communities among the owner's people (Louvain, weighted by strength). The owner's own ties get
 * weight 0: the owner is tied to everyone, and counting those ties would merge every group into one.
 * Seeded, so the same network always gets the same colours.
 */
export function communitiesOf(
  graph: NetworkGraph,
  options: { resolution?: number; seed?: number } = {},
): Communities {
  const result = louvain.detailed(graph, {
    getEdgeWeight: (_edge, attr) => {
      const a = attr as EdgeAttributes;
      return a.kind === 'owner' ? 0 : a.strength;
    },
    resolution: options.resolution ?? 1,
    rng: randomLcg(options.seed ?? 1),
  });
  const members = new Map<number, string[]>();
  graph.forEachNode((node, attr) => {
    if (attr.kind === 'owner') return;
    const hasPeer = graph.someEdge(node, (_e, a) => a.kind === 'pair');
    if (!hasPeer) return;
    const c = result.communities[node] as number;
    const list = members.get(c) ?? [];
    list.push(node);
    members.set(c, list);
  });
  const groups = [...members.values()].sort(
    (a, b) => b.length - a.length || (a[0] as string).localeCompare(b[0] as string),
  );
  const byPerson = new Map<string, number>();
  graph.forEachNode((node, attr) => {
    if (attr.kind === 'person') byPerson.set(node, -1);
  });
  groups.forEach((g, i) => g.forEach((id) => byPerson.set(id, i)));
  return { byPerson, sizes: groups.map((g) => g.length), modularity: result.modularity };
}
