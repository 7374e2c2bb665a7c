import { isRealDay } from '../domain/days';
import type { Encounter, Tie } from '../domain/entities';

/**
 * The model counts time in day numbers, and a stored day that names no real day ("not-a-date",
 * "2026-02-30", brought by sync or a backup) has none: it would throw, or silently become another
 * day. Such encounters and ties are left out of the model (Settings › Data health lists them), so one
 * bad document never takes the map, the strengths or an export down.
 *
 * The same array comes back when nothing is left out, so caches keyed by the array still hit.
 */
export function datedEncounters<T extends Pick<Encounter, 'date'>>(encounters: readonly T[]): readonly T[] {
  return keepAll(encounters, (e) => isRealDay(e.date));
}

/** Explicit ties whose "since" is empty or a real day (see datedEncounters). */
export function datedTies<T extends Pick<Tie, 'since'>>(ties: readonly T[]): readonly T[] {
  return keepAll(ties, (t) => t.since === '' || isRealDay(t.since));
}

function keepAll<T>(items: readonly T[], ok: (item: T) => boolean): readonly T[] {
  for (let i = 0; i < items.length; i++) {
    if (!ok(items[i] as T)) return items.filter(ok);
  }
  return items;
}
