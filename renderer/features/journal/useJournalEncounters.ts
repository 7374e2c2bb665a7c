import { useMemo } from 'react';
import { map } from 'rxjs';
import type { Encounter } from '../../../shared/domain/entities';
import { addDays, todayString } from '../../../shared/domain/validation';
import { useDb, useEncounters, toPlainList, useObservable } from '../../db';

/** Enough rows to fill a tall window several times over while the whole journal loads. */
export const FIRST_PAGE = 60;

/**
 * How far back the first, quick query looks. RxDB re-sorts any descending query in memory after
 * reading every matching document, so "newest 60" alone would read the whole journal; a range on
 * the date index keeps the first read small. Someone who journaled nothing in this window simply
 * waits for the full list.
 */
const RECENT_DAYS = 120;

/**
 * The journal's encounters, newest first, without making the first paint wait for all of them:
 * a small query on a recent range of the (date, time) index answers at once, and the full list (needed for filters
 * and scrolling) replaces it when it arrives. `complete` says which one is showing.
 */
export function useJournalEncounters(): { encounters: Encounter[] | undefined; complete: boolean } {
  const db = useDb();
  const all = useEncounters();
  const recentSource = useMemo(
    () =>
      db.encounters
        .find({
          selector: { date: { $gte: addDays(todayString(), -RECENT_DAYS) } },
          sort: [{ date: 'desc' }, { time: 'desc' }],
          limit: FIRST_PAGE,
        })
        .$.pipe(map((docs) => toPlainList<Encounter>(docs))),
    [db],
  );
  // Once everything is loaded the small query is no longer needed; unsubscribing spares its updates.
  const recent = useObservable(all ? null : recentSource);
  return all ? { encounters: all, complete: true } : { encounters: recent, complete: false };
}
