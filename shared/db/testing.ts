/**
 * Test support only (never imported by the app): a fresh fake IndexedDB per database, and RxDB's
 * dev-mode, which checks schemas and queries more strictly than production does.
 */
import { addRxPlugin } from 'rxdb';
import { RxDBDevModePlugin } from 'rxdb/plugins/dev-mode';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach } from 'vitest';
import { COLLECTION_NAMES, type CollectionName, type Doc, type KithDatabase } from './collections';
import { openDatabase } from './database';

// Dev-mode's init only prints a banner and, wherever a DOM exists (component tests), inserts an
// iframe to rxdb.info that happy-dom refuses to load, logging an error per test file; only a paid
// premium flag turns it off. Its checks are hooks and overwritables, kept whole without init.
addRxPlugin({ ...RxDBDevModePlugin, init: undefined });

let counter = 0;

export function uniqueName(prefix = 'kith-test'): string {
  counter += 1;
  return `${prefix}-${counter}-${Math.random().toString(36).slice(2, 8)}`;
}

export function fakeStorage(indexedDB: InstanceType<typeof IDBFactory> = new IDBFactory()) {
  return getRxStorageDexie({ indexedDB, IDBKeyRange });
}

export async function openTestDatabase(): Promise<KithDatabase> {
  return openDatabase({
    storage: fakeStorage(),
    name: uniqueName(),
    multiInstance: false,
    deviceId: 'test-device',
  });
}

/**
 * Every stored document, bookkeeping included, sorted by id: "exactly as before" means this is equal
 * (RxDB's own _rev and _meta are not part of a document as the journal sees it).
 */
export async function fullSnapshot(db: KithDatabase): Promise<Record<CollectionName, Doc[]>> {
  const out = {} as Record<CollectionName, Doc[]>;
  for (const name of COLLECTION_NAMES) {
    const docs = await (db[name] as unknown as { find(): { exec(): Promise<{ toMutableJSON(): Doc }[]> } })
      .find()
      .exec();
    out[name] = docs.map((d) => d.toMutableJSON()).sort((a, b) => (a.id < b.id ? -1 : 1));
  }
  return out;
}

/**
 * Every document of every collection, without updatedAt/fieldTimes (which undo and redo restamp on
 * purpose): what a user would see, for "is everything back exactly?" comparisons.
 */
export async function snapshot(db: KithDatabase): Promise<Record<string, unknown[]>> {
  const full = await fullSnapshot(db);
  return Object.fromEntries(
    COLLECTION_NAMES.map((name) => [
      name,
      full[name].map(({ updatedAt: _u, fieldTimes: _f, ...rest }) => rest),
    ]),
  );
}

/**
 * A fresh test database per call, each closed after the test that opened it:
 * `const journal = databasesClosedAfterEach();` at the top of a test file, then `await journal()`.
 */
export function databasesClosedAfterEach(): () => Promise<KithDatabase> {
  const opened: KithDatabase[] = [];
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((db) => db.close()));
  });
  return async () => {
    const db = await openTestDatabase();
    opened.push(db);
    return db;
  };
}
