import type { DayString } from '../../../../shared/domain/entities';
import type { ContextKind } from '../../../../shared/domain/kinds';
import type { NodeView } from '../model';

/** What the map and the table show. Empty values mean "any". */
export interface MapFilters {
  context: ContextKind | '';
  /** A journal community id. */
  community: string;
  tag: string;
  /** 0..1: people whose tie with the owner is weaker are faded out (map) or left out (table). */
  minStrength: number;
  /** Known between: the span from first to last encounter overlaps [from, to]. */
  from: DayString | '';
  to: DayString | '';
}

export const NO_FILTERS: MapFilters = {
  context: '',
  community: '',
  tag: '',
  minStrength: 0,
  from: '',
  to: '',
};

/** True when the person passes every filter but the minimum strength (which changes with the date). */
export function passesFilters(node: NodeView, f: MapFilters): boolean {
  if (node.isOwner) return true;
  if (f.context && !node.contexts.includes(f.context)) return false;
  if (f.community && !node.communityIds.includes(f.community)) return false;
  if (f.tag) {
    const tag = f.tag.toLowerCase();
    if (!node.tags.some((t) => t.toLowerCase() === tag)) return false;
  }
  if (f.from || f.to) {
    if (!node.firstMet) return false;
    if (f.to && node.firstMet > f.to) return false;
    if (f.from && node.lastMet < f.from) return false;
  }
  return true;
}

/** 1 for each node the filters (other than minimum strength) leave out; null when none is set. */
export function hiddenMask(nodes: readonly NodeView[], f: MapFilters): Uint8Array | null {
  if (!f.context && !f.community && !f.tag && !f.from && !f.to) return null;
  const mask = new Uint8Array(nodes.length);
  nodes.forEach((n, i) => {
    if (!passesFilters(n, f)) mask[i] = 1;
  });
  return mask;
}

export function activeFilters(f: MapFilters): number {
  return [f.context, f.community, f.tag, f.minStrength > 0, f.from || f.to].filter(Boolean).length;
}
