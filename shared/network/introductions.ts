import { bidirectional } from 'graphology-shortest-path/dijkstra';
import type { DayString } from '../domain/entities';
import type { EdgeAttributes, NetworkGraph } from './graph';
import { tieAt } from './tieDetail';
import type { DayLike } from './days';
import type { TimeIndex } from './timeIndex';

export interface IntroductionLink {
  from: string;
  to: string;
  tie: number;
  strength: number;
  /** The owner's last contact (owner ties) or the last time the two were seen together; '' if never. */
  lastContact: DayString | '';
}

export interface IntroductionPath {
  /** Owner first, target last. */
  people: string[];
  links: IntroductionLink[];
  /** The product of the links' strengths: the chance the whole chain holds, if each link is that likely. */
  strength: number;
}

/**
 * The strongest chain of introductions from the owner to `target` in `graph` (built by networkAt
 * for the same day): Dijkstra with edge cost -log(strength), so the cheapest path is the one whose
 * strengths multiply to the most. Null when the target is not on the map or cannot be reached.
 */
export function introductionPath(
  index: TimeIndex,
  graph: NetworkGraph,
  target: string,
  when: DayLike,
): IntroductionPath | null {
  if (!graph.hasNode(target) || !graph.hasNode(index.ownerId)) return null;
  const people = bidirectional(graph, index.ownerId, target, (_e, attr) => (attr as EdgeAttributes).cost);
  if (!people || people.length === 0) return null;
  const links: IntroductionLink[] = [];
  let strength = 1;
  for (let k = 1; k < people.length; k++) {
    const from = people[k - 1] as string;
    const to = people[k] as string;
    const attr = graph.getEdgeAttributes(graph.edge(from, to) as string);
    const detail = tieAt(index, attr.tie, when);
    links.push({
      from,
      to,
      tie: attr.tie,
      strength: attr.strength,
      lastContact: detail.kind === 'owner' ? detail.lastContact : detail.lastTogether,
    });
    strength *= attr.strength;
  }
  return { people, links, strength };
}
