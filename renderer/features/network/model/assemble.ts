import type { AnalysisMessage, BuiltMessage } from './protocol';
import type { NodeView, TieView } from './types';

/** NodeViews from the static facts, the analysis of a date and the settled layout. */
export function assembleNodes(
  built: BuiltMessage,
  analysis: AnalysisMessage | null,
  positions: Float32Array | null,
): NodeView[] {
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
    x: positions?.[i * 2] ?? 0,
    y: positions?.[i * 2 + 1] ?? 0,
    visible: analysis ? i === 0 || f.appears <= analysis.day : false,
    strength: analysis?.strength[i] ?? (i === 0 ? 1 : 0),
    lastContact: analysis?.lastContact[i] ?? '',
    communityIndex: analysis?.communityIndex[i] ?? -1,
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

export function assembleTies(built: BuiltMessage, analysis: AnalysisMessage): TieView[] {
  const ties: TieView[] = [];
  analysis.tieIndexes.forEach((tie, k) => {
    const source = built.tieSource[tie] as number;
    const target = built.tieTarget[tie] as number;
    ties.push({
      tie,
      a: built.nodes[source]?.id ?? '',
      b: built.nodes[target]?.id ?? '',
      source,
      target,
      isOwnerTie: built.tieIsOwner[tie] === 1,
      explicitKind: (built.tieKinds[tie] || null) as TieView['explicitKind'],
      strength: analysis.tieStrengths[k] as number,
    });
  });
  return ties;
}
