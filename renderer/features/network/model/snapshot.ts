import type { DayString } from '../../../../shared/domain/entities';
import type { AnalysisMessage, BuiltMessage } from './protocol';

/**
 * The last map the worker built, kept so that opening the Network page again (or the app) shows it
 * at once, marked as refreshing, while the model is built afresh from the journal: the build of a
 * heavy journal takes seconds, its picture changes little from one day to the next. It is the
 * settled picture of the default view (today): the static facts, that day's analysis and strengths,
 * and everyone's place.
 */
export interface MapSnapshot {
  /** Which journal it shows (the people collection's storage name). */
  journal: string;
  /** When it was taken (ms since the epoch). */
  savedAt: number;
  day: DayString;
  built: BuiltMessage;
  analysis: AnalysisMessage;
  nodeStrength: Float32Array;
  tieStrength: Float32Array;
  positions: Float32Array;
}

/** Bumped when the snapshot's shape changes: an older one is then ignored. */
export const SNAPSHOT_FORMAT = 1;
const DATABASE = 'kith-map-snapshot';
const STORE = 'snapshots';

/**
 * The snapshot if it may be shown for the journal as it is now, else null: never one of another
 * journal, nor one that shows someone deleted since (`people`: the ids of everyone in the journal
 * now). Whatever else changed since (encounters, newcomers, names) the page says it is refreshing.
 */
export function snapshotForJournal(
  snapshot: MapSnapshot | null,
  journal: string,
  people: ReadonlySet<string>,
): MapSnapshot | null {
  if (!snapshot || snapshot.journal !== journal) return null;
  return snapshot.built.nodes.every((n) => people.has(n.id)) ? snapshot : null;
}

function open(indexedDB: IDBFactory): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DATABASE, SNAPSHOT_FORMAT);
    request.onupgradeneeded = () => {
      const db = request.result;
      // A new format: the old snapshots are of no use.
      if (db.objectStoreNames.contains(STORE)) db.deleteObjectStore(STORE);
      db.createObjectStore(STORE);
    };
    request.onsuccess = () => {
      request.result.onversionchange = () => request.result.close();
      resolve(request.result);
    };
    request.onerror = () => reject(request.error ?? new Error(`Could not open ${DATABASE}.`));
  });
}

function run<T>(
  indexedDB: IDBFactory,
  mode: IDBTransactionMode,
  act: (store: IDBObjectStore) => IDBRequest,
): Promise<T> {
  return open(indexedDB).then(
    (db) =>
      new Promise<T>((resolve, reject) => {
        const tx = db.transaction(STORE, mode);
        const request = act(tx.objectStore(STORE));
        tx.oncomplete = () => {
          db.close();
          resolve(request.result as T);
        };
        tx.onerror = tx.onabort = () => {
          db.close();
          reject(
            tx.error ?? new Error(`The map snapshot could not be ${mode === 'readonly' ? 'read' : 'kept'}.`),
          );
        };
      }),
  );
}

/** The journal's last snapshot, or null (none, or unreadable: the map is then built as if new). */
export async function loadSnapshot(
  journal: string,
  indexedDB: IDBFactory = globalThis.indexedDB,
): Promise<MapSnapshot | null> {
  try {
    const found = await run<MapSnapshot | undefined>(indexedDB, 'readonly', (store) => store.get(journal));
    return found ?? null;
  } catch {
    return null;
  }
}

/** Keeps the snapshot (one per journal, the newest). */
export function saveSnapshot(
  snapshot: MapSnapshot,
  indexedDB: IDBFactory = globalThis.indexedDB,
): Promise<void> {
  return run<unknown>(indexedDB, 'readwrite', (store) => store.put(snapshot, snapshot.journal)).then(
    () => undefined,
  );
}

/** Forgets every snapshot (tests, and the bench's cold opens). */
export function clearSnapshots(indexedDB: IDBFactory = globalThis.indexedDB): Promise<void> {
  return run<unknown>(indexedDB, 'readwrite', (store) => store.clear()).then(() => undefined);
}
