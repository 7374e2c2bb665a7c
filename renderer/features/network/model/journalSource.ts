import type { Community, Encounter, Person, Tie } from '../../../../shared/domain/entities';
import { slimEncounter, slimPerson, slimTie } from './slim';

/**
 * Where the network worker reads the journal by itself: the IndexedDB database RxDB's Dexie storage
 * keeps for each collection (`rxdb-dexie-<database>--<schema version>--<collection>`, rows in its
 * `docs` store). Reading there, in the worker, with one getAll per collection, spares the page the
 * two costs of reading through RxDB on the main thread: a cursor step per row (56,000 round trips
 * for the heavy journal's ties, about 9 s on a loaded machine) and a structured clone of every row
 * on its way to the worker. With a keeper (./keptJournal), only the rows written since are read.
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

/** A collection as the worker read it last (./keptJournal keeps it). */
export interface KeptCollection {
  name: JournalCollection;
  /** The collection's IndexedDB database (its name carries the journal and the schema version). */
  database: string;
  /** Its fields stored as '1'/'0' (CollectionSource). */
  booleans: string[];
  /** The newest `_meta.lwt` (RxDB's last-write time, ms since the epoch) among the rows read. */
  newest: number;
  /** When the read began (ms since the epoch). */
  readAt: number;
  /** The documents, slimmed, deleted ones left out. */
  docs: { id: string }[];
}

/**
 * How long a write may be stamped before it is committed: RxDB stamps a bulk write's rows before its
 * transaction, which on a loaded machine can take seconds. Another window's write stamped before a
 * read began may land after it.
 */
export const OVERLAP_MS = 5_000;

/**
 * The `_meta.lwt` from which rows are read again to bring a copy up to date: the newest row it has
 * seen (inclusive, as two writes may share a stamp), or earlier when the read came soon after the
 * writes, whose stamps may then still be landing.
 */
export function rereadFrom(kept: KeptCollection): number {
  return Math.min(kept.newest, kept.readAt - OVERLAP_MS);
}

/** Where readJournal finds and leaves the copies. */
export interface JournalKeeper {
  load(database: string): Promise<KeptCollection | null>;
  keep(collection: KeptCollection): void;
}

type Slim = (doc: { id: string }) => { id: string };

/** What the model needs of each collection's documents (./slim): rows come untyped from storage. */
const SLIM: Record<JournalCollection, Slim> = {
  people: (doc) => slimPerson(doc as unknown as Person),
  encounters: (doc) => slimEncounter(doc as unknown as Encounter),
  ties: (doc) => slimTie(doc as unknown as Tie),
  communities: (doc) => doc,
};

/**
 * Reads the collections asked for (of the four the model needs), slimmed. With a keeper
 * (./keptJournal), a collection read before is brought up to date from the rows written since.
 */
export async function readJournal(
  source: JournalSource,
  collections: readonly JournalCollection[] = ['people', 'encounters', 'ties', 'communities'],
  indexedDB: IDBFactory = globalThis.indexedDB,
  keeper?: JournalKeeper,
  keyRange: typeof IDBKeyRange = globalThis.IDBKeyRange,
): Promise<Partial<ReadJournal>> {
  const read = await Promise.all(
    collections.map(async (name) => {
      const kept = keeper ? await keeper.load(source[name].database) : null;
      const { collection, changed } = await readCollection(indexedDB, keyRange, name, source[name], kept);
      if (changed) keeper?.keep(collection);
      return [name, collection.docs] as const;
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
    const keys = await request<IDBValidKey[]>(db, source.people.database, (s) => liveIds(s, keyRange));
    return new Set(keys.map(String));
  } finally {
    db.close();
  }
}

/**
 * One collection, from the kept copy and the rows written since it was read when there is a copy
 * to trust, else whole. `changed`: whether the copy returned differs from the one given.
 */
async function readCollection(
  indexedDB: IDBFactory,
  keyRange: typeof IDBKeyRange,
  name: JournalCollection,
  source: CollectionSource,
  kept: KeptCollection | null,
): Promise<{ collection: KeptCollection; changed: boolean }> {
  const readAt = Date.now();
  const db = await openExisting(indexedDB, source.database);
  try {
    if (kept && kept.database === source.database && kept.name === name) {
      const update = await readSince(db, keyRange, kept, readAt);
      if (update) return update;
    }
    const rows = await request<Record<string, unknown>[]>(db, source.database, (store) => store.getAll());
    const slim = SLIM[name];
    const docs: { id: string }[] = [];
    let newest = 0;
    for (const row of rows) {
      newest = Math.max(newest, writtenAt(row));
      const doc = documentFromRow<{ id: string }>(row, source.booleans);
      if (doc) docs.push(slim(doc));
    }
    return {
      collection: { name, database: source.database, booleans: source.booleans, newest, readAt, docs },
      changed: true,
    };
  } finally {
    db.close();
  }
}

/**
 * The kept copy brought up to date with what was written since it was read (null when it cannot be
 * trusted: it is then read whole). Done again in the worker's quiet time before the copy is kept on
 * disk, so that a copy read moments after an import is not read again in full at the next opening.
 */
export async function refreshKept(
  kept: KeptCollection,
  indexedDB: IDBFactory = globalThis.indexedDB,
  keyRange: typeof IDBKeyRange = globalThis.IDBKeyRange,
): Promise<KeptCollection | null> {
  const readAt = Date.now();
  const db = await openExisting(indexedDB, kept.database);
  try {
    return (await readSince(db, keyRange, kept, readAt))?.collection ?? null;
  } finally {
    db.close();
  }
}

/**
 * The kept copy brought up to date: the rows written since (see rereadFrom), checked against the
 * number of documents there now. Should the numbers differ, their ids (keys only) tell: a kept
 * document no longer there is dropped (a tombstone purged before it was seen); one there but in
 * neither means the copy missed a write: null. So does a clock that went back since the copy was
 * read (it would stamp new writes before what the copy has seen).
 */
async function readSince(
  db: IDBDatabase,
  keyRange: typeof IDBKeyRange,
  kept: KeptCollection,
  readAt: number,
): Promise<{ collection: KeptCollection; changed: boolean } | null> {
  if (kept.readAt > readAt) return null;
  const store = db.transaction('docs', 'readonly').objectStore('docs');
  const [rows, count] = await Promise.all([
    settled<Record<string, unknown>[]>(
      store.index('_meta.lwt').getAll(keyRange.lowerBound(rereadFrom(kept))),
      kept.database,
    ),
    settled<number>(store.index('[_deleted+id]').count(LIVE(keyRange)), kept.database),
  ]);
  const slim = SLIM[kept.name];
  const docs = new Map(kept.docs.map((d) => [d.id, d]));
  let newest = kept.newest;
  let changed = false;
  for (const row of rows) {
    newest = Math.max(newest, writtenAt(row));
    const doc = documentFromRow<{ id: string }>(row, kept.booleans);
    const id = String(row.id);
    if (doc) docs.set(id, slim(doc));
    else docs.delete(id);
    changed = true;
  }
  // As many as there are: whole (the count is cheap; the ids of 50,000 ties cost seconds). Else
  // the ids, in a transaction of their own: a write in between only makes the copy read whole.
  if (docs.size !== count) {
    const keys = await request<IDBValidKey[]>(db, kept.database, (s) => liveIds(s, keyRange));
    const ids = new Set(keys.map(String));
    for (const id of docs.keys()) {
      if (!ids.has(id)) {
        docs.delete(id);
        changed = true;
      }
    }
    if (docs.size !== ids.size) return null;
  }
  // In id order, as a whole read gives them: the model's results must not depend on how it read.
  const list = changed
    ? [...docs.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    : kept.docs;
  return { collection: { ...kept, newest, readAt, docs: list }, changed };
}

/** RxDB's last-write time of a stored row (0 if it has none). */
function writtenAt(row: Record<string, unknown>): number {
  const lwt = (row._meta as { lwt?: unknown } | undefined)?.lwt;
  return typeof lwt === 'number' ? lwt : 0;
}

/** The documents not deleted, in the index RxDB keeps on (_deleted, id). */
const LIVE = (keyRange: typeof IDBKeyRange) => keyRange.bound(['0', ''], ['0', []]);

/** The ids of the documents not deleted: keys only. */
function liveIds(store: IDBObjectStore, keyRange: typeof IDBKeyRange): IDBRequest<IDBValidKey[]> {
  return store.index('[_deleted+id]').getAllKeys(LIVE(keyRange));
}

/** One request on the `docs` store, in a transaction of its own. */
function request<T>(db: IDBDatabase, name: string, act: (store: IDBObjectStore) => IDBRequest): Promise<T> {
  return settled(act(db.transaction('docs', 'readonly').objectStore('docs')), name);
}

function settled<T>(req: IDBRequest, name: string): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result as T);
    req.onerror = () => reject(req.error ?? new Error(`Could not read ${name}.`));
  });
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
