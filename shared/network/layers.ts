import { toDay, type DayLike } from './days';
import type { TimeIndex } from './timeIndex';

export interface DunbarLayer {
  /** The layer's cumulative size (5, 15, 50, ...). */
  size: number;
  /** The people in this ring (not in any inner ring), strongest first. */
  people: { personId: string; strength: number }[];
}

/**
 * Dunbar's layers around the owner on `day`: the strongest 5 ties, the next 10 (to 15), then to 50,
 * 150 and 500 (the sizes are a setting). Only people met by then count; a small network fills the
 * inner rings first. Everyone beyond the last layer is left out.
 */
export function dunbarLayers(index: TimeIndex, when: DayLike, strengths?: Float64Array): DunbarLayer[] {
  const day = toDay(when);
  const s = strengths ?? index.strengthsAt(day);
  const ranked = index.people
    .filter((p) => p.ownerTie >= 0 && (s[p.ownerTie] as number) > 0)
    .map((p) => ({ personId: p.id, strength: s[p.ownerTie] as number }))
    .sort((a, b) => b.strength - a.strength || (a.personId < b.personId ? -1 : 1));
  let from = 0;
  return index.settings.dunbarLayers.map((size) => {
    const people = ranked.slice(from, size);
    from = size;
    return { size, people };
  });
}
