import type { CommunityView, NodeView } from '../model';
import { passesFilters, type MapFilters } from './filters';
import type { TableRow } from './tableSort';

/** The table's rows: everyone on the map at the analysed date who passes the filters. */
export function tableRows(
  nodes: readonly NodeView[],
  communities: readonly CommunityView[],
  filters: MapFilters,
): TableRow[] {
  return nodes
    .filter((n) => !n.isOwner && n.visible && n.strength >= filters.minStrength && passesFilters(n, filters))
    .map((n) => ({
      id: n.id,
      name: n.name,
      strength: n.strength,
      community: n.communityIndex >= 0 ? (communities[n.communityIndex]?.label ?? '') : '',
      lastContact: n.lastContact,
      layer: n.layer,
    }));
}
