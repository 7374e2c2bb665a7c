import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createPerson,
  createTie,
  deletePerson,
  openDatabase,
  recordEncounter,
  updatePerson,
  type KithDatabase,
} from '../../../../shared/db';
import { fakeStorage, uniqueName } from '../../../../shared/db/testing';
import { dexieSource } from './dexieSource';
import {
  readJournal,
  refreshKept,
  type JournalKeeper,
  type JournalSource,
  type KeptCollection,
  type ReadJournal,
} from './journalSource';
import { forgetKeptJournals, journalKeeper, keptDatabases } from './keptJournal';

const HOUR = 3_600_000;
let db: KithDatabase | undefined;
let jumps = 0;

/**
 * Moves the clock well past every write so far, as if the map were opened hours after them. RxDB
 * never stamps a write earlier than its last one, so each jump goes past the one before.
 */
function hoursLater() {
  jumps += 1;
  vi.setSystemTime(Date.now() + 2 * HOUR * jumps);
}

afterEach(async () => {
  vi.useRealTimers();
  await db?.remove();
  db = undefined;
});

async function journal(indexedDB: IDBFactory) {
  db = await openDatabase({
    storage: fakeStorage(indexedDB),
    name: uniqueName(),
    multiInstance: false,
    deviceId: 'test-device',
  });
  const ana = (await createPerson(db, { name: 'Ana' })).person;
  const ben = (await createPerson(db, { name: 'Ben' })).person;
  const cleo = (await createPerson(db, { name: 'Cleo' })).person;
  await createTie(db, { aId: ana.id, bId: ben.id, kind: 'friend' });
  await recordEncounter(db, { date: '2025-03-01', participantIds: [ana.id, cleo.id] });
  const source = dexieSource(db);
  if (!source) throw new Error('The test journal is not kept by the Dexie storage.');
  return { db, source, ana, ben, cleo };
}

/** A keeper in memory only, that lets a test see and change what it holds. */
function memoryKeeper(): JournalKeeper & { held: Map<string, KeptCollection> } {
  const held = new Map<string, KeptCollection>();
  return {
    held,
    load: (database) => Promise.resolve(held.get(database) ?? null),
    keep: (collection) => void held.set(collection.database, collection),
  };
}

const read = (source: JournalSource, indexedDB: IDBFactory, keeper?: JournalKeeper) =>
  readJournal(source, undefined, indexedDB, keeper, IDBKeyRange) as Promise<ReadJournal>;

const names = (journal: ReadJournal) => journal.people.map((p) => p.name).sort();

/** Marks Ben in the kept copy only: a reading that shows the mark did not read Ben from storage. */
function markBenInCopy(keeper: ReturnType<typeof memoryKeeper>, source: JournalSource, benId: string) {
  const people = keeper.held.get(source.people.database) as KeptCollection;
  people.docs = people.docs.map((d) => (d.id === benId ? { ...d, name: 'Ben (from the copy)' } : d));
}

/** Raw access to a collection's Dexie rows, as a purge or another window would change them. */
function rawStore(indexedDB: IDBFactory, database: string, act: (store: IDBObjectStore) => void) {
  return new Promise<void>((resolve, reject) => {
    const request = indexedDB.open(database);
    request.onsuccess = () => {
      const tx = request.result.transaction('docs', 'readwrite');
      act(tx.objectStore('docs'));
      tx.oncomplete = () => {
        request.result.close();
        resolve();
      };
      tx.onerror = () => reject(tx.error);
    };
    request.onerror = () => reject(request.error);
  });
}

describe('the map’s kept copy of the journal (keptJournal)', () => {
  it('reads only what was written since, and reads the same as a whole reading', async () => {
    const indexedDB = new IDBFactory();
    vi.useFakeTimers({ toFake: ['Date'] });
    const { db, source, ana, ben, cleo } = await journal(indexedDB);
    const keeper = memoryKeeper();
    // The first reading, hours after the journal was written: read whole, and kept.
    hoursLater();
    expect(names(await read(source, indexedDB, keeper))).toEqual(['Ana', 'Ben', 'Cleo', 'Me']);
    markBenInCopy(keeper, source, ben.id);

    await updatePerson(db, ana.id, { name: 'Ana Lima' });
    await createPerson(db, { name: 'Dev' });
    await deletePerson(db, cleo.id);
    await recordEncounter(db, { date: '2025-04-01', participantIds: [ana.id, ben.id] });
    const again = await read(source, indexedDB, keeper);

    expect(names(again)).toEqual(['Ana Lima', 'Ben (from the copy)', 'Dev', 'Me']);
    const whole = await read(source, indexedDB);
    expect(again.encounters).toEqual(whole.encounters);
    expect(again.ties).toEqual(whole.ties);
    expect(again.people.map((p) => p.id)).toEqual(whole.people.map((p) => p.id));
  });

  it('reads again what was written in the seconds before it last read (their stamps may still be landing)', async () => {
    const indexedDB = new IDBFactory();
    const { source, ben } = await journal(indexedDB);
    const keeper = memoryKeeper();
    await read(source, indexedDB, keeper);
    markBenInCopy(keeper, source, ben.id);
    expect(names(await read(source, indexedDB, keeper))).toEqual(['Ana', 'Ben', 'Cleo', 'Me']);
  });

  it('drops what is gone without a trace (a purged tombstone)', async () => {
    const indexedDB = new IDBFactory();
    vi.useFakeTimers({ toFake: ['Date'] });
    const { source, cleo } = await journal(indexedDB);
    const keeper = memoryKeeper();
    hoursLater();
    await read(source, indexedDB, keeper);
    await rawStore(indexedDB, source.people.database, (store) => store.delete(cleo.id));
    expect(names(await read(source, indexedDB, keeper))).toEqual(['Ana', 'Ben', 'Me']);
  });

  it('reads whole when a write stamped before the copy landed after it, or the clock went back', async () => {
    const indexedDB = new IDBFactory();
    vi.useFakeTimers({ toFake: ['Date'] });
    const { source, ben } = await journal(indexedDB);
    const keeper = memoryKeeper();
    hoursLater();
    await read(source, indexedDB, keeper);
    markBenInCopy(keeper, source, ben.id);
    // Another window's person, stamped long before the copy was read.
    await rawStore(indexedDB, source.people.database, (store) => {
      const request = store.get(ben.id);
      request.onsuccess = () => store.put({ ...request.result, id: 'late', name: 'Late', _meta: { lwt: 1 } });
    });
    expect(names(await read(source, indexedDB, keeper))).toEqual(['Ana', 'Ben', 'Cleo', 'Late', 'Me']);

    markBenInCopy(keeper, source, ben.id);
    vi.setSystemTime(Date.now() - HOUR);
    expect(names(await read(source, indexedDB, keeper))).toEqual(['Ana', 'Ben', 'Cleo', 'Late', 'Me']);
  });

  it('is kept on disk, brought up to date first, for the next opening; and can be forgotten', async () => {
    const indexedDB = new IDBFactory();
    vi.useFakeTimers({ toFake: ['Date'] });
    const { db, source, ben } = await journal(indexedDB);
    const first = journalKeeper(indexedDB);
    hoursLater();
    await read(source, indexedDB, first);
    await createPerson(db, { name: 'Dev' });
    await first.flush((kept) => refreshKept(kept, indexedDB, IDBKeyRange));

    const next = journalKeeper(indexedDB);
    const kept = await next.load(source.people.database);
    expect(kept?.docs.map((d) => (d as unknown as { name: string }).name).sort()).toEqual([
      'Ana',
      'Ben',
      'Cleo',
      'Dev',
      'Me',
    ]);
    (kept as KeptCollection).docs = (kept as KeptCollection).docs.map((d) =>
      d.id === ben.id ? { ...d, name: 'Ben (from the copy)' } : d,
    );
    expect(names(await read(source, indexedDB, next))).toEqual([
      'Ana',
      'Ben (from the copy)',
      'Cleo',
      'Dev',
      'Me',
    ]);

    // What the page asks before it sends the journal: which collections the worker need not be sent.
    expect([...(await keptDatabases(indexedDB))].sort()).toEqual(
      [source.communities, source.encounters, source.people, source.ties].map((c) => c.database).sort(),
    );
    await forgetKeptJournals(indexedDB);
    expect(await journalKeeper(indexedDB).load(source.people.database)).toBeNull();
    expect(await keptDatabases(indexedDB)).toEqual(new Set());
  });
});
