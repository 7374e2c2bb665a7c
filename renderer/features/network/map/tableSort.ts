import type { DayString } from '../../../../shared/domain/entities';

export type SortKey = 'person' | 'strength' | 'community' | 'cluster' | 'lastContact' | 'layer';
export type SortDirection = 'ascending' | 'descending';
export interface SortState {
  key: SortKey;
  direction: SortDirection;
}

export interface TableRow {
  id: string;
  name: string;
  strength: number;
  /** Their own community (the colour on the map), '' for none. */
  community: string;
  /** The other communities they belong to. */
  alsoIn: string[];
  /** The cluster they fall in, '' for none (tied only to the owner). */
  cluster: string;
  lastContact: DayString | '';
  /** Index of the Dunbar layer, -1 outside them all. */
  layer: number;
}

/** Each column's first click sorts the way people usually want it: strongest and most recent first. */
const FIRST_DIRECTION: Record<SortKey, SortDirection> = {
  person: 'ascending',
  strength: 'descending',
  community: 'ascending',
  cluster: 'ascending',
  lastContact: 'descending',
  layer: 'ascending',
};

export function nextSort(current: SortState, key: SortKey): SortState {
  if (current.key !== key) return { key, direction: FIRST_DIRECTION[key] };
  return { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
}

// One collator for every comparison: localeCompare with options builds one per call, which made
// sorting a few thousand rows take tens of milliseconds.
const collator = new Intl.Collator(undefined, { sensitivity: 'base' });

const byName = (a: TableRow, b: TableRow) =>
  collator.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Sorts a copy of the rows. Missing values (no community or cluster, never in contact, outside every layer)
 * go last whichever the direction, and equal values fall back to the name, so the order is stable.
 */
export function sortRows(rows: readonly TableRow[], sort: SortState): TableRow[] {
  const sign = sort.direction === 'ascending' ? 1 : -1;
  const missing = (r: TableRow): boolean =>
    (sort.key === 'community' && !r.community) ||
    (sort.key === 'cluster' && !r.cluster) ||
    (sort.key === 'lastContact' && !r.lastContact) ||
    (sort.key === 'layer' && r.layer < 0);
  const compare = (a: TableRow, b: TableRow): number => {
    switch (sort.key) {
      case 'person':
        return byName(a, b);
      case 'strength':
        return a.strength - b.strength;
      case 'community':
        return collator.compare(a.community, b.community);
      case 'cluster':
        return collator.compare(a.cluster, b.cluster);
      case 'lastContact':
        return a.lastContact < b.lastContact ? -1 : a.lastContact > b.lastContact ? 1 : 0;
      case 'layer':
        return a.layer - b.layer;
    }
  };
  return [...rows].sort((a, b) => {
    const ma = missing(a);
    const mb = missing(b);
    if (ma !== mb) return ma ? 1 : -1;
    return sign * compare(a, b) || byName(a, b);
  });
}
