/**
 * Test support only (never imported by the app): a fresh fake IndexedDB per database, and RxDB's
 * dev-mode, which checks schemas and queries more strictly than production does.
 */
import { addRxPlugin } from 'rxdb';
import { RxDBDevModePlugin } from 'rxdb/plugins/dev-mode';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { COLLECTION_NAMES, type Doc, type KithDatabase } from './collections';
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
 * Every document of every collection, without updatedAt/fieldTimes (which undo and redo restamp on
 * purpose): what a user would see, for "is everything back exactly?" comparisons.
 */
export async function snapshot(db: KithDatabase): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const name of COLLECTION_NAMES) {
    const docs = await (db[name] as unknown as { find(): { exec(): Promise<{ toMutableJSON(): Doc }[]> } })
      .find()
      .exec();
    out[name] = docs
      .map((d) => {
        const { updatedAt: _u, fieldTimes: _f, ...rest } = d.toMutableJSON();
        return rest;
      })
      .sort((a, b) => (a.id < b.id ? -1 : 1));
  }
  return out;
}
