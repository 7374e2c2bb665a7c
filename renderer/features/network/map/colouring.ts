import { CONTEXT_KINDS, CONTEXT_LABELS } from '../../../../shared/domain/kinds';
import { COMMUNITY_COLOURS, CONTEXT_COLOURS, NEUTRAL } from '../../../viz/palette';
import type { ClusterView, JournalCommunityView, NodeView } from '../model';
import type { LegendEntry } from './MapLegend';
import type { ColourBy } from './MapToolbar';

export interface Colouring {
  colourSlot: Int32Array;
  colours: readonly string[];
  legend: LegendEntry[];
  /** What the colours stand for, as the legend's title says it. */
  title: string;
}

/**
 * Communities beyond the palette share one colour: a colour used twice would say two communities
 * are one. Lighter than NEUTRAL, which means "no community".
 */
const OTHER_COMMUNITIES = '#c8ccd0';
const COMMUNITY_SLOTS = [...COMMUNITY_COLOURS, OTHER_COMMUNITIES, NEUTRAL];
const OTHER_SLOT = COMMUNITY_COLOURS.length;
const NONE_SLOT = OTHER_SLOT + 1;
const CONTEXT_SLOTS = CONTEXT_KINDS.map((k) => CONTEXT_COLOURS[k]);

/**
 * Each node's colour and the legend, by journal community or by main context. A person takes the
 * colour of their own community (NodeView.communities[0]: where they were met most, see
 * membershipsAt), never one of a cluster they merely fall in. The largest communities of the journal
 * have the palette's colours, so a community keeps its colour at every date.
 */
export function colouring(
  nodes: readonly NodeView[],
  communities: readonly JournalCommunityView[],
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
    return { colourSlot, colours: CONTEXT_SLOTS, legend, title: 'Colour: main context' };
  }
  const counts = new Map<number, number>();
  let others = 0;
  let none = 0;
  nodes.forEach((n, i) => {
    const own = n.communities[0];
    colourSlot[i] = own === undefined ? NONE_SLOT : own < OTHER_SLOT ? own : OTHER_SLOT;
    if (!n.visible || n.isOwner) return;
    if (own === undefined) none++;
    else if (own < OTHER_SLOT) counts.set(own, (counts.get(own) ?? 0) + 1);
    else others++;
  });
  const legend: LegendEntry[] = [...counts]
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .map(([c, count]) => ({
      label: `${communities[c]?.name ?? ''} (${count})`,
      colour: COMMUNITY_COLOURS[c] as string,
    }));
  if (others > 0) legend.push({ label: `Other communities (${others})`, colour: OTHER_COMMUNITIES });
  if (none > 0) legend.push({ label: `No community (${none})`, colour: NEUTRAL });
  return { colourSlot, colours: COMMUNITY_SLOTS, legend, title: 'Colour: community' };
}

/**
 * A cluster's colour (its bubble and its swatch in "Clusters on the map"): the colour its community's
 * people wear under "Colour: community" when the cluster is named after a community it shares, so a
 * bubble called "Riverside Runners" is Riverside Runners' colour; a cluster whose members share no
 * community (named after its best-known people) takes the light grey of "other communities", never
 * a colour that would say it is a community it is not.
 */
export function clusterColour(cluster: ClusterView, communities: readonly JournalCommunityView[]): string {
  const id = cluster.communityIds[0];
  const index = id === undefined ? -1 : communities.findIndex((c) => c.id === id);
  return index >= 0 && index < OTHER_SLOT ? (COMMUNITY_COLOURS[index] as string) : OTHER_COMMUNITIES;
}
