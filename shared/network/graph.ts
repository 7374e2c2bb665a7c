import { UndirectedGraph } from 'graphology';
import { dayString, toDay, type DayLike } from './days';
import type { TimeIndex } from './timeIndex';

export interface NodeAttributes {
  kind: 'owner' | 'person';
  name: string;
  /** Strength of the owner's tie with them (1 for the owner, 0 if never met). */
  strength: number;
  /** The day they appear on the map. */
  appears: string;
}

export interface EdgeAttributes {
  kind: 'owner' | 'pair';
  /** Position in index.ties. */
  tie: number;
  strength: number;
  /** -log(strength): adding costs along a path multiplies strengths, so the cheapest path is the strongest chain. */
  cost: number;
}

export type NetworkGraph = UndirectedGraph<NodeAttributes, EdgeAttributes>;

/**
 * The network as it stood on `day`: the owner, everyone on the map by then (met, or journaled if
 * never met), and every tie at least minEdgeStrength strong. Pass `strengths` when the caller
 * already has strengthsAt(day) (a map frame), to avoid computing them twice.
 */
export function networkAt(index: TimeIndex, when: DayLike, strengths?: Float64Array): NetworkGraph {
  const day = toDay(when);
  const s = strengths ?? index.strengthsAt(day);
  if (s.length !== index.ties.length) {
    throw new RangeError(`Got ${s.length} strengths for ${index.ties.length} ties.`);
  }
  const min = index.settings.minEdgeStrength;
  const graph: NetworkGraph = new UndirectedGraph<NodeAttributes, EdgeAttributes>();
  graph.addNode(index.ownerId, { kind: 'owner', name: 'Me', strength: 1, appears: '' });
  for (const p of index.people) {
    if (p.appears > day) continue;
    graph.addNode(p.id, {
      kind: 'person',
      name: p.name,
      strength: p.ownerTie >= 0 ? (s[p.ownerTie] as number) : 0,
      appears: dayString(p.appears),
    });
  }
  for (let i = 0; i < index.ties.length; i++) {
    const strength = s[i] as number;
    if (!(strength >= min) || strength <= 0) continue;
    const ref = index.ties[i] as (typeof index.ties)[number];
    graph.addUndirectedEdgeWithKey(i, ref.a, ref.b, {
      kind: ref.kind,
      tie: i,
      strength,
      cost: -Math.log(strength),
    });
  }
  return graph;
}
