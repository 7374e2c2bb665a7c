import type { Community, Encounter, Person, Tie } from '../../../../shared/domain/entities';
import { slimEncounter, slimPerson } from './slim';

/**
 * Where the network worker reads the journal by itself: the IndexedDB database RxDB's Dexie storage
 * keeps for each collection (`rxdb-dexie-<database>--<schema version>--<collection>`, rows in its
 * `docs` store). Reading there, in the worker, with one getAll per collection, spares the page the
 * two costs of reading through RxDB on the main thread: a cursor step per row (56,000 round trips
 * for the heavy journal's ties, about 9 s on a loaded machine) and a structured clone of every row
 * on its way to the worker.
 */
export interface CollectionSource {
  /** The IndexedDB database's name. */
  database: string;
  /** Top-level fields Dexie stores as '1'/'0' because they are indexed booleans (`_deleted` among them). */
  booleans: string[];
}

export interface JournalSource {
  people: CollectionSource;
  encounters: CollectionSource;
  ties: CollectionSource;
  communities: CollectionSource;
}

export interface ReadJournal {
  people: Person[];
  encounters: Encounter[];
  ties: Tie[];
  communities: Community[];
}

/** The Dexie database name of one collection (rxdb/plugins/storage-dexie, getDexieDbWithTables). */
export function dexieDatabaseName(database: string, schemaVersion: number, collection: string): string {
  return `rxdb-dexie-${database}--${schemaVersion}--${collection}`;
}

/**
 * A stored row as the storage gives it back: indexed booleans from '1'/'0', storage fields (_rev,
 * _meta, …) left out; null for a deleted document (RxDB keeps those as tombstones).
 */
export function documentFromRow<T>(row: Record<string, unknown>, booleans: readonly string[]): T | null {
  const deleted = row._deleted;
  if (deleted === '1' || deleted === true) return null;
  const plain: Record<string, unknown> = {};
  for (const key in row) {
    if (key.startsWith('_')) continue;
    plain[key] = booleans.includes(key) ? row[key] === '1' || row[key] === true : row[key];
  }
  return plain as T;
}

export type JournalCollection = keyof ReadJournal;

/** Reads the collections asked for (of the four the model needs), slimmed as the page would send them. */
export async function readJournal(
  source: JournalSource,
  collections: readonly JournalCollection[] = ['people', 'encounters', 'ties', 'communities'],
  indexedDB: IDBFactory = globalThis.indexedDB,
): Promise<Partial<ReadJournal>> {
  const read = await Promise.all(
    collections.map(async (name) => {
      const docs = await readCollection<Record<string, unknown>>(indexedDB, source[name]);
      const slim =
        name === 'people'
          ? docs.map((d) => slimPerson(d as unknown as Person))
          : name === 'encounters'
            ? docs.map((d) => slimEncounter(d as unknown as Encounter))
            : docs;
      return [name, slim] as const;
    }),
  );
  return Object.fromEntries(read) as Partial<ReadJournal>;
}

/**
 * The ids of everyone in the journal (deleted people left out), from the index RxDB keeps on
 * (_deleted, id): keys only, no documents, so it is quick.
 */
export async function readPersonIds(
  source: JournalSource,
  indexedDB: IDBFactory = globalThis.indexedDB,
  keyRange: typeof IDBKeyRange = globalThis.IDBKeyRange,
): Promise<Set<string>> {
  const db = await openExisting(indexedDB, source.people.database);
  try {
    const keys = await new Promise<IDBValidKey[]>((resolve, reject) => {
      const index = db.transaction('docs', 'readonly').objectStore('docs').index('[_deleted+id]');
      const request = index.getAllKeys(keyRange.bound(['0', ''], ['0', []]));
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error(`Could not read ${source.people.database}.`));
    });
    return new Set(keys.map(String));
  } finally {
    db.close();
  }
}

async function readCollection<T>(indexedDB: IDBFactory, source: CollectionSource): Promise<T[]> {
  const db = await openExisting(indexedDB, source.database);
  try {
    const rows = await new Promise<Record<string, unknown>[]>((resolve, reject) => {
      const request = db.transaction('docs', 'readonly').objectStore('docs').getAll();
      request.onsuccess = () => resolve(request.result as Record<string, unknown>[]);
      request.onerror = () => reject(request.error ?? new Error(`Could not read ${source.database}.`));
    });
    const out: T[] = [];
    for (const row of rows) {
      const doc = documentFromRow<T>(row, source.booleans);
      if (doc) out.push(doc);
    }
    return out;
  } finally {
    db.close();
  }
}

/**
 * Opens the database at whatever version it has, never creating it: a database made here would be
 * empty, and Dexie would then open it over an upgrade nobody meant.
 */
function openExisting(indexedDB: IDBFactory, name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name);
    request.onupgradeneeded = () => request.transaction?.abort();
    request.onsuccess = () => {
      const db = request.result;
      // Never stand in the way of the app's own connection when it upgrades.
      db.onversionchange = () => db.close();
      if (db.objectStoreNames.contains('docs')) resolve(db);
      else {
        db.close();
        reject(new Error(`${name} has no documents store.`));
      }
    };
    request.onerror = () => reject(request.error ?? new Error(`Could not open ${name}.`));
    request.onblocked = () => reject(new Error(`${name} is blocked.`));
  });
}
