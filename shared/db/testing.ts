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

/**
 * A storage that fails like a real one (test support): the fake-indexeddb Dexie storage, by `mode`:
 * - 'quota': room for `budget` more journal documents (a new one takes a place, a removal frees one;
 *   local documents — the intent record, the quarantine — take none). A write that does not fit fails
 *   whole with a QuotaExceededError, as IndexedDB aborts the transaction of one bulk write; later
 *   writes that fit succeed (a rollback's removals make room);
 * - 'full': the same, but once full every write fails, local documents included, until `free()`;
 * - 'crash': after `budget` journal documents written (of any kind), every write fails: the process is
 *   gone and nothing it would still do reaches the disk. Open the same `indexedDB` with `fakeStorage`
 *   to "restart".
 */
export function faultyStorage(options: {
  indexedDB: InstanceType<typeof IDBFactory>;
  budget: number;
  mode: 'quota' | 'full' | 'crash';
}) {
  const inner = fakeStorage(options.indexedDB);
  const state = { stored: 0, budget: options.budget, stuck: false, failures: 0 };
  const journal = new Set<string>(COLLECTION_NAMES);
  const fail = (): never => {
    state.failures++;
    if (options.mode === 'crash') throw new Error('The process was killed (simulated crash).');
    // What IndexedDB throws; shared/ compiles without DOM types, hence the narrow view.
    const { DOMException } = globalThis as unknown as {
      DOMException: new (message: string, name: string) => Error;
    };
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  };
  const storage: typeof inner = {
    ...inner,
    async createStorageInstance(params) {
      const instance = await inner.createStorageInstance(params);
      const bulkWrite = instance.bulkWrite.bind(instance);
      instance.bulkWrite = async (rows, context) => {
        if (state.stuck) fail();
        if (journal.has(params.collectionName)) {
          let change = 0;
          for (const row of rows) {
            if (options.mode === 'crash') change += 1;
            else if (row.document._deleted) change -= row.previous && !row.previous._deleted ? 1 : 0;
            else if (!row.previous || row.previous._deleted) change += 1;
          }
          if (state.stored + change > state.budget) {
            if (options.mode !== 'quota') state.stuck = true;
            fail();
          }
          state.stored += change;
        }
        return bulkWrite(rows, context);
      };
      return instance;
    },
  };
  return {
    storage,
    state,
    /** Room was made ('quota', 'full'): writes succeed again. */
    free() {
      if (options.mode === 'crash') throw new Error('A crashed process does not come back; reopen instead.');
      state.stuck = false;
      state.budget = Number.POSITIVE_INFINITY;
    },
  };
}
