import type { ClusterView, JournalCommunityView, NodeView } from '../model';
import { passesFilters, type MapFilters } from './filters';
import type { TableRow } from './tableSort';

/** The table's rows: everyone on the map at the analysed date who passes the filters. */
export function tableRows(
  nodes: readonly NodeView[],
  communities: readonly JournalCommunityView[],
  clusters: readonly ClusterView[],
  filters: MapFilters,
): TableRow[] {
  return nodes
    .filter((n) => !n.isOwner && n.visible && n.strength >= filters.minStrength && passesFilters(n, filters))
    .map((n) => {
      // Only communities the person belongs to, theirs first (the colour on the map).
      const [own, ...also] = n.communities.map((c) => communities[c]?.name ?? '');
      return {
        id: n.id,
        name: n.name,
        strength: n.strength,
        community: own ?? '',
        alsoIn: also,
        cluster: n.clusterIndex >= 0 ? (clusters[n.clusterIndex]?.label ?? '') : '',
        lastContact: n.lastContact,
        layer: n.layer,
      };
    });
}
