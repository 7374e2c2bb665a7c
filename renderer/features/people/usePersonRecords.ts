import { useMemo } from 'react';
import { combineLatest, map } from 'rxjs';
import type { FollowUp, Tie } from '../../../shared/domain/entities';
import { toPlainList, useDb, useObservable } from '../../db';

// A person page needs only this person's ties and follow-ups: indexed queries, rather than
// every tie (50,000 in a heavy journal) filtered in memory.

/** Their explicit ties (either end); `undefined` while loading. */
export function usePersonTies(personId: string): Tie[] | undefined {
  const db = useDb();
  const source = useMemo(
    () =>
      combineLatest([
        db.ties.find({ selector: { aId: personId } }).$,
        db.ties.find({ selector: { bId: personId } }).$,
      ]).pipe(map(([a, b]) => toPlainList<Tie>([...a, ...b]))),
    [db, personId],
  );
  return useObservable(source);
}

/** Follow-ups concerning them, open ones first, then by due day (undated last). */
export function usePersonFollowUps(personId: string): FollowUp[] | undefined {
  const db = useDb();
  const source = useMemo(
    () =>
      db.followups
        .find({ selector: { personId } })
        .$.pipe(map((docs) => toPlainList<FollowUp>(docs).sort(openFirst))),
    [db, personId],
  );
  return useObservable(source);
}

function openFirst(a: FollowUp, b: FollowUp): number {
  if (a.done !== b.done) return a.done ? 1 : -1;
  return (a.due || '9999-99-99').localeCompare(b.due || '9999-99-99') || a.createdAt - b.createdAt;
}
