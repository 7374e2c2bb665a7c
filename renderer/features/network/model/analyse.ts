import { analyseNetwork, dayNumber, dayString, type NetworkAnalysis } from '../../../../shared/network';
import type { BuiltNetwork } from './buildNetwork';
import type { AnalysisMessage } from './protocol';
import type { CommunityView } from './types';

/** A community is named after a journal community when at least this share of its members belong to it. */
const NAME_SHARE = 0.4;

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

  const communityIndex = new Int32Array(n).fill(-1);
  for (const [id, c] of analysis.communities.byPerson) communityIndex[nodeOf.get(id) as number] = c;
  built.referenceGroups ??= communityIndex.slice();
  const communities = describeCommunities(built, communityIndex, analysis.communities.sizes);

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
      communityIndex,
      layer,
      lastContact,
      communities,
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
 * Labels and stable colours. Louvain numbers communities by size on each date, so numbering alone
 * would repaint the map as the slider moves; instead each community takes the colour of the
 * whole-journal community most of its members belong to (largest community first).
 */
export function describeCommunities(
  built: Pick<BuiltNetwork, 'facts' | 'referenceGroups' | 'communityNames'>,
  communityIndex: Int32Array,
  sizes: readonly number[],
): CommunityView[] {
  const members: number[][] = sizes.map(() => []);
  communityIndex.forEach((c, node) => {
    if (c >= 0) members[c]?.push(node);
  });
  const takenColours = new Set<number>();
  const labels = new Map<string, number>();
  const reference = built.referenceGroups ?? communityIndex;
  let nextFree = reference.reduce((max, c) => Math.max(max, c), -1) + 1;
  return members.map((list, index) => {
    const colour = pickColour(list, reference, takenColours, () => nextFree++);
    takenColours.add(colour);
    const named = commonCommunity(list, built);
    let label = named ? named.name : `Group ${index + 1}`;
    const seen = labels.get(label) ?? 0;
    labels.set(label, seen + 1);
    if (seen > 0) label = `${label} (${seen + 1})`;
    return { index, size: list.length, label, journalCommunityId: named?.id ?? null, colour };
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

function commonCommunity(
  members: readonly number[],
  built: Pick<BuiltNetwork, 'facts' | 'communityNames'>,
): { id: string; name: string } | null {
  const counts = new Map<string, number>();
  for (const node of members) {
    for (const id of built.facts[node]?.communityIds ?? []) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  let best: string | null = null;
  let bestCount = 0;
  for (const [id, count] of counts) {
    if (count > bestCount || (count === bestCount && best !== null && id < best)) {
      best = id;
      bestCount = count;
    }
  }
  const name = best ? built.communityNames.get(best) : undefined;
  if (!best || !name || bestCount < NAME_SHARE * members.length) return null;
  return { id: best, name };
}
