import { useSyncExternalStore } from 'react';
import type { Observable, Subscription } from 'rxjs';

/**
 * One live query shared by every component that asks for the same key on the same database.
 * Converting and sorting a whole collection costs tens of milliseconds on a large journal, so it
 * happens once per RxDB emission, not once per subscriber. The RxDB subscription lives only while
 * someone is listening.
 */
class SharedQuery<T> {
  private value: T | undefined;
  private readonly listeners = new Set<() => void>();
  private subscription: Subscription | undefined;

  constructor(private readonly source: () => Observable<T>) {}

  readonly getSnapshot = (): T | undefined => this.value;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    this.subscription ??= this.source().subscribe((value) => {
      this.value = value;
      for (const notify of [...this.listeners]) notify();
    });
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size > 0) return;
      this.subscription?.unsubscribe();
      this.subscription = undefined;
      // Nobody is watching changes any more: the next subscriber starts from "loading", not stale data.
      this.value = undefined;
    };
  };
}

// Keys are a handful of fixed query names, so idle entries are kept rather than evicted; they go
// away with their database.
const queriesByDatabase = new WeakMap<object, Map<string, SharedQuery<unknown>>>();

function sharedQuery<T>(db: object, key: string, source: () => Observable<T>): SharedQuery<T> {
  let queries = queriesByDatabase.get(db);
  if (!queries) queriesByDatabase.set(db, (queries = new Map()));
  let query = queries.get(key) as SharedQuery<T> | undefined;
  if (!query) {
    query = new SharedQuery(source);
    queries.set(key, query as SharedQuery<unknown>);
  }
  return query;
}

/**
 * The latest value of the query named `key` on `db`, `undefined` until its first emission.
 * `source` is only called when nobody is running that query yet, so a key must always name the
 * same query and result (use fixed keys, never ones built from user input).
 */
export function useSharedQuery<T>(db: object, key: string, source: () => Observable<T>): T | undefined {
  const query = sharedQuery(db, key, source);
  return useSyncExternalStore(query.subscribe, query.getSnapshot);
}
