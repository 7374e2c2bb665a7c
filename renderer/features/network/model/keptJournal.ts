import type { JournalKeeper, KeptCollection } from './journalSource';
import { transact, type OwnStore } from './ownStore';

/*
 * The journal as the network worker last read it, slimmed (./slim), kept so that the next reading
 * asks storage only for what changed since. Read whole, a heavy journal's rows are 65 MB of
 * structured clones (40,000 encounters at about 1,000 characters each, 50,000 ties at 500, their
 * field stamps most of it): about 7 s on a loaded 2-core machine, on every opening and after every
 * edit. The slim copy is a fraction of that, and the rows changed since come from RxDB's own
 * `_meta.lwt` index.
 *
 * Kept twice: in the worker's memory (every rebuild after an edit reads only the edit), and in the
 * worker's own IndexedDB database after the map settles (the next opening of the app).
 */

const OWN: OwnStore = {
  database: 'kith-map-journal',
  // Bumped when the slim documents' shape changes: older copies are then read afresh.
  format: 1,
  store: 'collections',
  keyPath: 'database',
  what: "The map's copy of the journal",
};

/**
 * The worker's keeper: `load` answers from memory, else from disk (null when there is none or it
 * cannot be read: the collection is then read whole); `keep` holds the newest in memory; `flush`
 * brings every copy up to date (`refresh`: its rows written since; null when it cannot) and writes
 * them to disk. The worker flushes a while after the map has settled, so it never delays a build.
 */
export function journalKeeper(indexedDB: IDBFactory = globalThis.indexedDB): JournalKeeper & {
  flush(refresh: (kept: KeptCollection) => Promise<KeptCollection | null>): Promise<void>;
} {
  const memory = new Map<string, KeptCollection>();
  /** The copies already written (unchanged copies are not written again). */
  const onDisk = new WeakSet<KeptCollection>();
  return {
    async load(database) {
      const held = memory.get(database);
      if (held) return held;
      try {
        const stored = await transact<KeptCollection>(indexedDB, OWN, 'readonly', (store) =>
          store.get(database),
        );
        if (stored) {
          memory.set(database, stored);
          onDisk.add(stored);
        }
        return stored ?? null;
      } catch {
        return null;
      }
    },
    keep(collection) {
      memory.set(collection.database, collection);
    },
    async flush(refresh) {
      const put = (batch: KeptCollection[]) =>
        batch.length === 0
          ? Promise.resolve()
          : transact(indexedDB, OWN, 'readwrite', (store) => {
              for (const collection of batch) store.put(collection);
            });
      // As read first: the app may close any moment, and even a copy that reads its last seconds
      // again spares the next opening a whole read.
      const kept = [...memory.values()].filter((c) => !onDisk.has(c));
      await put(kept);
      kept.forEach((c) => onDisk.add(c));
      const fresh: KeptCollection[] = [];
      // One at a time: the browser serves an origin's reads in turn, and the page may want some.
      for (const collection of kept) {
        const update = await refresh(collection).catch(() => null);
        // Kept in memory only if nothing newer was read meanwhile.
        if (!update || memory.get(collection.database) !== collection) continue;
        memory.set(collection.database, update);
        fresh.push(update);
      }
      await put(fresh);
      fresh.forEach((c) => onDisk.add(c));
    },
  };
}

/**
 * The collections (by database) a copy is kept of on disk: the page asks before it sends the
 * journal, as sending what it holds is quicker than the worker's whole read (./journalSource) when
 * there is no copy yet. Empty when the copies cannot be read.
 */
export async function keptDatabases(indexedDB: IDBFactory = globalThis.indexedDB): Promise<Set<string>> {
  try {
    const keys = await transact<IDBValidKey[]>(indexedDB, OWN, 'readonly', (store) => store.getAllKeys());
    return new Set((keys ?? []).map(String));
  } catch {
    return new Set();
  }
}

/** Forgets every kept copy (the bench's cold opens). */
export function forgetKeptJournals(indexedDB: IDBFactory = globalThis.indexedDB): Promise<void> {
  return transact(indexedDB, OWN, 'readwrite', (store) => store.clear()).then(() => undefined);
}
