import { useMemo } from 'react';
import { map } from 'rxjs';
import type { Community, Encounter, FollowUp, Person, Tie } from '../../shared/domain/entities';
import { compareEncountersNewestFirst } from '../../shared/db';
import { useDb } from './DbContext';
import { toPlainList, useObservable } from './liveQuery';

// Each hook returns `undefined` while the first result is loading, then a live, plain-object list
// that re-renders the component whenever a document in it changes.

const byName = (a: { name: string }, b: { name: string }) =>
  a.name.localeCompare(b.name, undefined, { sensitivity: 'base' });

/** Everyone, the owner and archived people included, sorted by name. */
export function usePeople(): Person[] | undefined {
  const db = useDb();
  const source = useMemo(
    () => db.people.find().$.pipe(map((docs) => toPlainList<Person>(docs).sort(byName))),
    [db],
  );
  return useObservable(source);
}

/** Every encounter, newest first. */
export function useEncounters(): Encounter[] | undefined {
  const db = useDb();
  const source = useMemo(
    () =>
      db.encounters
        .find()
        .$.pipe(map((docs) => toPlainList<Encounter>(docs).sort(compareEncountersNewestFirst))),
    [db],
  );
  return useObservable(source);
}

export function useCommunities(): Community[] | undefined {
  const db = useDb();
  const source = useMemo(
    () => db.communities.find().$.pipe(map((docs) => toPlainList<Community>(docs).sort(byName))),
    [db],
  );
  return useObservable(source);
}

export function useTies(): Tie[] | undefined {
  const db = useDb();
  const source = useMemo(() => db.ties.find().$.pipe(map((docs) => toPlainList<Tie>(docs))), [db]);
  return useObservable(source);
}

/** Follow-ups, open ones first, then by due day (undated last). */
export function useFollowUps(): FollowUp[] | undefined {
  const db = useDb();
  const source = useMemo(
    () => db.followups.find().$.pipe(map((docs) => toPlainList<FollowUp>(docs).sort(compareFollowUps))),
    [db],
  );
  return useObservable(source);
}

function compareFollowUps(a: FollowUp, b: FollowUp): number {
  if (a.done !== b.done) return a.done ? 1 : -1;
  const dueA = a.due || '9999-99-99';
  const dueB = b.due || '9999-99-99';
  return dueA.localeCompare(dueB) || a.createdAt - b.createdAt;
}
