import { map } from 'rxjs';
import type { Community, Encounter, FollowUp, Person, Tie } from '../../shared/domain/entities';
import { compareEncountersNewestFirst } from '../../shared/db';
import { useDb } from './DbContext';
import { toPlainList } from './liveQuery';
import { useSharedQuery } from './sharedQuery';

// Each hook returns `undefined` while the first result is loading, then a live, plain-object list
// that re-renders the component whenever a document in it changes. All components share one
// frozen list per query: never mutate it (copy before sorting).

const byName = (a: { name: string }, b: { name: string }) =>
  a.name.localeCompare(b.name, undefined, { sensitivity: 'base' });

/** Everyone, the owner and archived people included, sorted by name. */
export function usePeople(): Person[] | undefined {
  const db = useDb();
  return useSharedQuery(db, 'people', () =>
    db.people.find().$.pipe(map((docs) => frozen(toPlainList<Person>(docs).sort(byName)))),
  );
}

/** Every encounter, newest first. */
export function useEncounters(): Encounter[] | undefined {
  const db = useDb();
  return useSharedQuery(db, 'encounters', () =>
    db.encounters
      .find()
      .$.pipe(map((docs) => frozen(toPlainList<Encounter>(docs).sort(compareEncountersNewestFirst)))),
  );
}

export function useCommunities(): Community[] | undefined {
  const db = useDb();
  return useSharedQuery(db, 'communities', () =>
    db.communities.find().$.pipe(map((docs) => frozen(toPlainList<Community>(docs).sort(byName)))),
  );
}

export function useTies(): Tie[] | undefined {
  const db = useDb();
  return useSharedQuery(db, 'ties', () =>
    db.ties.find().$.pipe(map((docs) => frozen(toPlainList<Tie>(docs)))),
  );
}

/** Follow-ups, open ones first, then by due day (undated last). */
export function useFollowUps(): FollowUp[] | undefined {
  const db = useDb();
  return useSharedQuery(db, 'followups', () =>
    db.followups.find().$.pipe(map((docs) => frozen(toPlainList<FollowUp>(docs).sort(compareFollowUps)))),
  );
}

/** Shared lists are frozen so a component that sorts one in place fails loudly, not its neighbours. */
function frozen<T>(list: T[]): T[] {
  return Object.freeze(list) as T[];
}

function compareFollowUps(a: FollowUp, b: FollowUp): number {
  if (a.done !== b.done) return a.done ? 1 : -1;
  const dueA = a.due || '9999-99-99';
  const dueB = b.due || '9999-99-99';
  return dueA.localeCompare(dueB) || a.createdAt - b.createdAt;
}
