import { CONTEXT_KINDS, CONTEXT_LABELS } from '../../../../shared/domain/kinds';
import { COMMUNITY_COLOURS, communityColour, CONTEXT_COLOURS, NEUTRAL } from '../../../viz/palette';
import type { CommunityView, NodeView } from '../model';
import type { LegendEntry } from './MapLegend';
import type { ColourBy } from './MapToolbar';

export interface Colouring {
  colourSlot: Int32Array;
  colours: readonly string[];
  legend: LegendEntry[];
}

const COMMUNITY_SLOTS = [...COMMUNITY_COLOURS, NEUTRAL];
const CONTEXT_SLOTS = CONTEXT_KINDS.map((k) => CONTEXT_COLOURS[k]);

/** Each node's colour and the legend, by community (stable colours across dates) or by main context. */
export function colouring(
  nodes: readonly NodeView[],
  communities: readonly CommunityView[],
  by: ColourBy,
): Colouring {
  const colourSlot = new Int32Array(nodes.length);
  if (by === 'context') {
    const counts = new Map<string, number>();
    nodes.forEach((n, i) => {
      colourSlot[i] = CONTEXT_KINDS.indexOf(n.mainContext);
      if (n.visible && !n.isOwner) counts.set(n.mainContext, (counts.get(n.mainContext) ?? 0) + 1);
    });
    const legend = CONTEXT_KINDS.filter((k) => counts.has(k))
      .sort((a, b) => (counts.get(b) ?? 0) - (counts.get(a) ?? 0))
      .map((k) => ({ label: CONTEXT_LABELS[k], colour: CONTEXT_COLOURS[k] }));
    return { colourSlot, colours: CONTEXT_SLOTS, legend };
  }
  const neutral = COMMUNITY_SLOTS.length - 1;
  nodes.forEach((n, i) => {
    const c = n.communityIndex >= 0 ? communities[n.communityIndex] : undefined;
    colourSlot[i] = c ? c.colour % COMMUNITY_COLOURS.length : neutral;
  });
  const legend: LegendEntry[] = communities
    .filter((c) => c.size >= 2)
    .map((c) => ({ label: `${c.label} (${c.size})`, colour: communityColour(c.colour) }));
  if (nodes.some((n) => n.visible && !n.isOwner && n.communityIndex < 0)) {
    legend.push({ label: 'Tied only to you', colour: NEUTRAL });
  }
  return { colourSlot, colours: COMMUNITY_SLOTS, legend };
}
