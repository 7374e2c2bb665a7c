import type { FlushToDisk, StorageRoom, WriteLock, WriteLockFactory } from '../../shared/db';
import { inProcessWriteLock } from '../../shared/db';
import { freeDiskBytes } from '../platform';

/**
 * One bulk write per journal across every tab and window of this origin, with the Web Locks API: a
 * lock is held until its task ends or its tab dies (a closed tab or a killed browser frees it), which
 * is exactly "this import is still alive". Where the API is missing (old browsers, component tests),
 * a lock inside this page.
 */
export const webWriteLock: WriteLockFactory = (name) => {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  if (!locks) return inProcessWriteLock();
  const lockName = `kith-bulk-write:${name}`;
  const lock: WriteLock = {
    run: (task) => locks.request(lockName, () => task()),
    async tryRun<T>(task: () => Promise<T>) {
      return locks.request(lockName, { ifAvailable: true }, async (held) =>
        held ? { ran: true as const, value: await task() } : { ran: false as const },
      );
    },
  };
  return lock;
};

/**
 * What this origin may still store: the smaller of the browser's quota estimate and, on the desktop,
 * the disk's free bytes; null only when neither is known. The estimate knows nothing of the real disk
 * (on a 48 MB disk Chromium says 1 GiB quota, no usage), and a disk that fills in the middle of a
 * write can lose the whole IndexedDB journal. Nothing is written to find out: a scratch file fills
 * the disk just the same.
 */
export const browserStorageRoom: StorageRoom = async () => {
  const figures = await Promise.all([quotaRoom(), freeDiskBytes()].map((p) => p.catch(() => null)));
  const known = figures.filter((bytes): bytes is number => bytes !== null);
  return known.length > 0 ? Math.min(...known) : null;
};

async function quotaRoom(): Promise<number | null> {
  const storage = (globalThis.navigator as Navigator | undefined)?.storage;
  if (!storage?.estimate) return null;
  const { quota, usage } = await storage.estimate();
  return quota === undefined || usage === undefined ? null : Math.max(0, quota - usage);
}

/** A database of its own, one small record: writing it is only a way to make the disk catch up. */
const FLUSH_DB = 'kith-durability';
const FLUSH_STORE = 'flushes';
let flushDb: Promise<IDBDatabase> | null = null;

function openFlushDb(indexedDB: IDBFactory): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(FLUSH_DB, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(FLUSH_STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error(`Could not open ${FLUSH_DB}.`));
  });
}

/**
 * A strict-durability IndexedDB transaction: it completes only once the browser has the origin's
 * storage on the disk itself, and with it every write before it (Chromium keeps an origin's IndexedDB
 * in one log, written in order). The journal's own transactions are relaxed (Dexie's default, and
 * Chromium's since 2023): fast, but a power cut may lose the last of them.
 */
export const flushToDisk: FlushToDisk = async () => {
  const indexedDB = globalThis.indexedDB as IDBFactory | undefined;
  if (!indexedDB) return;
  flushDb ??= openFlushDb(indexedDB).catch((err: unknown) => {
    flushDb = null;
    throw err;
  });
  const db = await flushDb;
  await new Promise<void>((resolve, reject) => {
    const tx = db.transaction(FLUSH_STORE, 'readwrite', { durability: 'strict' });
    tx.objectStore(FLUSH_STORE).put(Date.now(), 'last');
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('The flush was refused.'));
    tx.onabort = () => reject(tx.error ?? new Error('The flush was aborted.'));
  });
};
