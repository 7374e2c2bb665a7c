import type { AnalysisMessage, BuiltMessage } from './protocol';
import type { NodeView } from './types';

/**
 * NodeViews from the static facts and the analysis of a date. Positions are not part of them: the
 * map reads the layout from the frame store, so a layout settling re-renders no view.
 */
export function assembleNodes(built: BuiltMessage, analysis: AnalysisMessage | null): NodeView[] {
  return built.nodes.map((f, i) => ({
    index: i,
    id: f.id,
    name: f.name,
    isOwner: f.isOwner,
    archived: f.archived,
    wantToReach: f.wantToReach,
    tags: f.tags,
    communityIds: f.communityIds,
    contexts: f.contexts,
    mainContext: f.contexts[0] ?? 'other',
    encounterCount: f.encounterCount,
    firstMet: f.firstMet,
    lastMet: f.lastMet,
    appears: f.appears,
    visible: analysis ? i === 0 || f.appears <= analysis.day : false,
    strength: analysis?.strength[i] ?? (i === 0 ? 1 : 0),
    lastContact: analysis?.lastContact[i] ?? '',
    communities: analysis
      ? Array.from(analysis.membership.subarray(analysis.membershipStart[i], analysis.membershipStart[i + 1]))
      : [],
    clusterIndex: analysis?.clusterIndex[i] ?? -1,
    layer: analysis?.layer[i] ?? -1,
    bridge: false,
  }));
}

/** Marks the bridges (a second pass: bridges come as ids). */
export function markBridges(
  nodes: NodeView[],
  bridges: readonly string[],
  nodeIndex: ReadonlyMap<string, number>,
) {
  for (const id of bridges) {
    const node = nodes[nodeIndex.get(id) ?? -1];
    if (node) node.bridge = true;
  }
}

/** How many of the analysed ties join two people (the owner's ties left out). */
export function countPersonTies(built: BuiltMessage, analysis: AnalysisMessage): number {
  let count = 0;
  for (const tie of analysis.tieIndexes) if (built.tieIsOwner[tie] !== 1) count++;
  return count;
}
