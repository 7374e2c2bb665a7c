import { useMemo } from 'react';
import { map } from 'rxjs';
import type { Community, Encounter, Person } from '../../shared/domain/entities';
import { useDb } from './DbContext';
import { toPlain, useObservable } from './liveQuery';

// Single-document hooks: `undefined` while loading, `null` when there is no such document
// (deleted, or a stale link), otherwise the live document.

export function usePerson(id: string): Person | null | undefined {
  const db = useDb();
  const source = useMemo(
    () => db.people.findOne(id).$.pipe(map((doc) => (doc ? toPlain<Person>(doc) : null))),
    [db, id],
  );
  return useObservable(source);
}

export function useEncounter(id: string): Encounter | null | undefined {
  const db = useDb();
  const source = useMemo(
    () => db.encounters.findOne(id).$.pipe(map((doc) => (doc ? toPlain<Encounter>(doc) : null))),
    [db, id],
  );
  return useObservable(source);
}

export function useCommunity(id: string): Community | null | undefined {
  const db = useDb();
  const source = useMemo(
    () => db.communities.findOne(id).$.pipe(map((doc) => (doc ? toPlain<Community>(doc) : null))),
    [db, id],
  );
  return useObservable(source);
}

/** The owner ("me"). */
export function useOwner(): Person | undefined {
  const db = useDb();
  const source = useMemo(
    () =>
      db.people
        .findOne({ selector: { isOwner: true } })
        .$.pipe(map((doc) => (doc ? toPlain<Person>(doc) : undefined))),
    [db],
  );
  return useObservable(source);
}
