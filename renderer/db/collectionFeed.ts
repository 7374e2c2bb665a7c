import { useEffect, useState } from 'react';
import type { RxChangeEvent, RxCollection } from 'rxdb';
import type { CollectionName, KithCollections } from '../../shared/db';
import { yieldToBrowser } from '../ui/yieldToBrowser';
import { useDb } from './DbContext';

/**
 * Copying time per task: short enough for frames and input to get through between slices, long
 * enough that the read does not queue behind other work after every few documents.
 */
export const FEED_SLICE_MS = 8;

/** Documents copied between looks at the clock. */
const CLOCK_EVERY = 64;

type Doc = { id: string };
type Listener<T> = (docs: T[]) => void;

/**
 * Every document of a collection as plain objects, for consumers that take the whole collection
 * at once (the network worker). A live query would turn all of them into RxDocuments and plain
 * copies in one task as it first emits (about 160 ms for 50,000 ties); this reads the storage's
 * rows and copies them in short slices, yielding to the browser between slices, then follows the
 * collection's change stream.
 * Listeners get a new array on each change.
 */
export function watchCollection<T extends Doc>(
  collection: RxCollection<T>,
  listener: Listener<T>,
  sliceMs = FEED_SLICE_MS,
): () => void {
  const byId = new Map<string, T>();
  let loading = true;
  let stopped = false;
  const early: RxChangeEvent<T>[] = [];
  // Subscribed before the read, so no change falls between the read and the stream.
  const subscription = collection.$.subscribe((event) => {
    if (loading) early.push(event);
    else if (apply(byId, event)) listener([...byId.values()]);
  });
  void (async () => {
    // The storage's raw rows, as the live query reads them, but without building an RxDocument per
    // row; they are copied a few milliseconds at a time.
    const prepared = collection.find().getPreparedQuery();
    const { documents } = await collection.storageInstance.query(prepared);
    let sliceStart = performance.now();
    for (const [i, data] of documents.entries()) {
      if (!data._deleted) byId.set((data as unknown as Doc).id, withoutStorageFields(data) as T);
      if (i % CLOCK_EVERY !== 0 || performance.now() - sliceStart < sliceMs) continue;
      await yieldToBrowser();
      if (stopped) return;
      sliceStart = performance.now();
    }
    if (stopped) return;
    loading = false;
    for (const event of early.splice(0)) apply(byId, event);
    listener([...byId.values()]);
  })().catch((error: unknown) => {
    // A read failing here means the database is closing or broken; the live queries report that.
    if (!stopped) console.error('Reading the journal for the network map failed:', error);
  });
  return () => {
    stopped = true;
    subscription.unsubscribe();
  };
}

/** Applies one change; false when it changes nothing the listener has not seen. */
function apply<T extends Doc>(byId: Map<string, T>, event: RxChangeEvent<T>): boolean {
  if (event.isLocal) return false;
  if (event.operation === 'DELETE' || event.documentData._deleted) return byId.delete(event.documentId);
  byId.set(event.documentId, withoutStorageFields(event.documentData) as T);
  return true;
}

/** The document as toJSON() gives it: storage bookkeeping (_rev, _meta, …) left out. */
function withoutStorageFields(data: object): object {
  const plain: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) if (!key.startsWith('_')) plain[key] = value;
  return plain;
}

type DocOf<K extends CollectionName> = KithCollections[K] extends RxCollection<infer T> ? T : never;

/**
 * The whole collection `name`, `undefined` until every page has been read; then a new array on
 * each change. See watchCollection: for whole-collection consumers that must not block the page.
 */
export function useCollectionFeed<K extends CollectionName>(name: K): DocOf<K>[] | undefined {
  const db = useDb();
  const [state, setState] = useState<{ db: object; name: K; docs: DocOf<K>[] } | null>(null);
  useEffect(() => {
    const collection = db[name] as unknown as RxCollection<DocOf<K> & Doc>;
    return watchCollection(collection, (docs) => setState({ db, name, docs }));
  }, [db, name]);
  return state && state.db === db && state.name === name ? state.docs : undefined;
}
