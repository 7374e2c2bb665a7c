import type { Communities } from './communities';
import type { NetworkGraph } from './graph';

export interface Broker {
  personId: string;
  /**
   * Burt's constraint: how much the person's ties lead into one closed group, from about 1/n (ties
   * to n people who do not know each other) to 1 and a little above (one tie, or a tight clique).
   * Low constraint = a broker between groups.
   */
  constraint: number;
  /** Share of their tie strength that goes to people in other communities, 0..1. */
  outside: number;
  /** How many other communities their ties reach. */
  otherCommunities: number;
}

/**
 * Brokerage among the owner's people, on the ties between them (the owner is tied to everyone and
 * would constrain everyone alike, so the owner's ties are left out).
 *
 * Betweenness from graphology-metrics is O(people x ties): 16.5 s on the heavy dataset, far too slow
 * for a map that moves. Burt's constraint is local, c_i = sum_j (p_ij + sum_q p_iq p_qj)^2 with
 * p_ij = w_ij / sum_k w_ik, and costs the sum of squared degrees; it is a formula over the graphology
 * graph's adjacency, not a graph algorithm of its own, so it is computed here on flat arrays.
 */
export function brokersOf(graph: NetworkGraph, communities: Communities): Broker[] {
  const ids: string[] = [];
  const position = new Map<string, number>();
  graph.forEachNode((node, attr) => {
    if (attr.kind === 'owner') return;
    position.set(node, ids.length);
    ids.push(node);
  });
  const n = ids.length;
  const degree = new Int32Array(n + 1);
  graph.forEachEdge((_e, a, s, t) => {
    if (a.kind !== 'pair') return;
    degree[position.get(s) as number]!++;
    degree[position.get(t) as number]!++;
  });
  const start = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) start[i + 1] = (start[i] as number) + (degree[i] as number);
  const neighbour = new Int32Array(start[n] as number);
  const p = new Float64Array(start[n] as number);
  const fill = start.slice(0, n);
  const total = new Float64Array(n);
  graph.forEachEdge((_e, a, s, t) => {
    if (a.kind !== 'pair') return;
    const i = position.get(s) as number;
    const j = position.get(t) as number;
    neighbour[fill[i]!] = j;
    p[fill[i]!++] = a.strength;
    neighbour[fill[j]!] = i;
    p[fill[j]!++] = a.strength;
    total[i]! += a.strength;
    total[j]! += a.strength;
  });
  for (let i = 0; i < n; i++) for (let k = start[i]!; k < start[i + 1]!; k++) p[k]! /= total[i]!;

  const direct = new Float64Array(n);
  const indirect = new Float64Array(n);
  const brokers: Broker[] = [];
  for (let i = 0; i < n; i++) {
    const from = start[i]!;
    const to = start[i + 1]!;
    if (from === to) continue;
    for (let k = from; k < to; k++) direct[neighbour[k]!] = p[k]!;
    for (let k = from; k < to; k++) {
      const q = neighbour[k]!;
      const piq = p[k]!;
      for (let m = start[q]!; m < start[q + 1]!; m++) {
        const j = neighbour[m]!;
        if (j !== i && direct[j]! > 0) indirect[j]! += piq * p[m]!;
      }
    }
    let constraint = 0;
    let outside = 0;
    const own = communities.byPerson.get(ids[i]!) ?? -1;
    const reached = new Set<number>();
    for (let k = from; k < to; k++) {
      const j = neighbour[k]!;
      constraint += (direct[j]! + indirect[j]!) ** 2;
      const c = communities.byPerson.get(ids[j]!) ?? -1;
      if (c !== own) {
        outside += p[k]!;
        if (c >= 0) reached.add(c);
      }
      direct[j] = 0;
      indirect[j] = 0;
    }
    brokers.push({ personId: ids[i]!, constraint, outside, otherCommunities: reached.size });
  }
  return brokers.sort((a, b) => a.constraint - b.constraint || b.outside - a.outside);
}

/**
 * The bridges: people who put at least `share` (the bridgeShare setting) of their tie strength into
 * communities other than their own, so they hold two parts of the network together. A person with
 * one stray tie into another group is not one.
 */
export function bridgesOf(brokers: readonly Broker[], share: number): Set<string> {
  return new Set(brokers.filter((b) => b.outside >= share).map((b) => b.personId));
}
