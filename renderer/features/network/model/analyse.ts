import {
  analyseNetwork,
  clusterNames,
  dayNumber,
  dayString,
  membershipsAt,
  type ClusterMember,
  type NetworkAnalysis,
} from '../../../../shared/network';
import type { BuiltNetwork } from './buildNetwork';
import type { AnalysisMessage } from './protocol';
import type { ClusterView } from './types';

/** The network on one date, as the views need it, plus the graph (kept by the worker for paths). */
export function analyse(
  built: BuiltNetwork,
  day: string,
  generation: number,
): { message: AnalysisMessage; analysis: NetworkAnalysis } {
  const started = performance.now();
  const { index, facts, nodeOf } = built;
  const t = dayNumber(day);
  const analysis = analyseNetwork(index, t);
  const n = facts.length;

  const strength = new Float32Array(n);
  strength[0] = 1;
  const lastContact: string[] = new Array<string>(n).fill('');
  index.people.forEach((p, k) => {
    if (p.ownerTie < 0) return;
    strength[k + 1] = analysis.strengths[p.ownerTie] as number;
    const m = index.owner.measuresAt(p.ownerTie, t);
    if (m) lastContact[k + 1] = dayString(m.last);
  });

  const { membershipStart, membership } = membershipsOn(built, t);
  const clusterIndex = new Int32Array(n).fill(-1);
  for (const [id, c] of analysis.communities.byPerson) clusterIndex[nodeOf.get(id) as number] = c;
  built.referenceGroups ??= clusterIndex.slice();
  const clusters = describeClusters(
    built,
    clusterIndex,
    analysis.communities.sizes,
    strength,
    { membershipStart, membership },
    index.settings.clusterNameShare,
  );

  const layer = new Int32Array(n).fill(-1);
  analysis.layers.forEach((l, li) => l.people.forEach((p) => (layer[nodeOf.get(p.personId) as number] = li)));

  const tieIndexes: number[] = [];
  analysis.graph.forEachEdge((_e, attr) => tieIndexes.push(attr.tie));
  tieIndexes.sort((a, b) => a - b);
  const tieStrengths = Float32Array.from(tieIndexes, (i) => analysis.strengths[i] as number);

  return {
    analysis,
    message: {
      type: 'analysis',
      generation,
      day,
      strength,
      clusterIndex,
      membershipStart,
      membership,
      layer,
      lastContact,
      clusters,
      tieIndexes: Uint32Array.from(tieIndexes),
      tieStrengths,
      layers: analysis.layers,
      fading: analysis.fading,
      brokers: analysis.brokers,
      bridges: [...analysis.bridges],
      ms: performance.now() - started,
    },
  };
}

/**
 * Each node's journal communities on day `t`, theirs first (see membershipsAt), flattened:
 * node i's are membership[membershipStart[i] .. membershipStart[i + 1]). A community that is not
 * in the journal any more is left out.
 */
export function membershipsOn(
  built: Pick<BuiltNetwork, 'memberships' | 'communityIndexOf'>,
  t: number,
): { membershipStart: Uint32Array; membership: Uint32Array } {
  const n = built.memberships.length;
  const membershipStart = new Uint32Array(n + 1);
  const list: number[] = [];
  built.memberships.forEach((facts, node) => {
    membershipStart[node] = list.length;
    for (const m of membershipsAt(facts, t)) {
      const c = built.communityIndexOf.get(m.communityId);
      if (c !== undefined) list.push(c);
    }
  });
  membershipStart[n] = list.length;
  return { membershipStart, membership: Uint32Array.from(list) };
}

/**
 * The clusters' names and stable colours. A cluster is named after the communities its members
 * share, or its best-known people (clusterNames); Louvain numbers clusters by size on each date, so
 * numbering alone would repaint them as the slider moves: each takes the colour slot of the
 * whole-journal cluster most of its members were in (largest first).
 */
export function describeClusters(
  built: Pick<BuiltNetwork, 'facts' | 'referenceGroups' | 'journalCommunities'>,
  clusterIndex: Int32Array,
  sizes: readonly number[],
  strength: Float32Array,
  memberships: { membershipStart: Uint32Array; membership: Uint32Array },
  share: number,
): ClusterView[] {
  const members: number[][] = sizes.map(() => []);
  clusterIndex.forEach((c, node) => {
    if (c >= 0) members[c]?.push(node);
  });
  const { membershipStart, membership } = memberships;
  const idOf = (c: number) => built.journalCommunities[c]?.id ?? '';
  const asMember = (node: number): ClusterMember => ({
    name: built.facts[node]?.name ?? '',
    strength: strength[node] ?? 0,
    communityIds: Array.from(membership.subarray(membershipStart[node], membershipStart[node + 1]), idOf),
  });
  const nameOf = new Map(built.journalCommunities.map((c) => [c.id, c.name]));
  const names = clusterNames(
    members.map((list) => list.map(asMember)),
    (id) => nameOf.get(id),
    share,
  );
  const takenColours = new Set<number>();
  const reference = built.referenceGroups ?? clusterIndex;
  let nextFree = reference.reduce((max, c) => Math.max(max, c), -1) + 1;
  return members.map((list, index) => {
    const colour = pickColour(list, reference, takenColours, () => nextFree++);
    takenColours.add(colour);
    const name = names[index] as (typeof names)[number];
    return { index, size: list.length, label: name.label, communityIds: name.communityIds, colour };
  });
}

function pickColour(
  members: readonly number[],
  reference: Int32Array,
  taken: ReadonlySet<number>,
  fresh: () => number,
): number {
  const votes = new Map<number, number>();
  for (const node of members) {
    const r = reference[node] ?? -1;
    if (r >= 0 && !taken.has(r)) votes.set(r, (votes.get(r) ?? 0) + 1);
  }
  let best = -1;
  let bestVotes = 0;
  for (const [r, v] of votes) {
    if (v > bestVotes || (v === bestVotes && r < best)) {
      best = r;
      bestVotes = v;
    }
  }
  return best >= 0 ? best : fresh();
}
