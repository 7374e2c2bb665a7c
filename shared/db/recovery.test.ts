import { IDBFactory } from 'fake-indexeddb';
import { firstValueFrom } from 'rxjs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Person } from '../domain/entities';
import { writeAllOrNothing } from './bulkWrite';
import type { KithDatabase } from './collections';
import { openDatabase, type OpenDatabaseOptions } from './database';
import { blankPerson } from './documents';
import { COLLECTION_NAMES } from './collections';
import { createPerson, updatePerson } from './people';
import { Plan } from './plan';
import { interruptedWrite$ } from './recovery';
import { BulkWriteBusyError, NotEnoughRoomError } from './storageErrors';
import { isSyncHeld } from './syncHold';
import { fakeStorage, fullSnapshot, uniqueName } from './testing';
import { appendUndo, beginIntent, markCommitted, readIntent } from './writeIntent';
import type { WriteLock } from './writeLock';

const opened: KithDatabase[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => db.close().catch(() => undefined)));
});

async function open(
  indexedDB: InstanceType<typeof IDBFactory>,
  name: string,
  extra: Partial<OpenDatabaseOptions> = {},
): Promise<KithDatabase> {
  const db = await openDatabase({
    storage: fakeStorage(indexedDB),
    name,
    multiInstance: false,
    deviceId: 'test-device',
    ...extra,
  });
  opened.push(db);
  return db;
}

const IMPORT = { kind: 'import', source: 'contacts.vcf' } as const;

/** Three new people, as an import plans them. */
function newPeople(db: KithDatabase) {
  const plan = new Plan(db);
  for (const name of ['Ada', 'Bob', 'Carol']) plan.create('people', { ...blankPerson(), name });
  return plan.toEntries();
}

/**
 * What a window that died during an import of three people leaves: the record and its undo chunk,
 * and of the documents it covers two ('half'), all three without the commit mark ('landed'), or all
 * three with it ('committed').
 */
async function anImport(db: KithDatabase, state: 'half' | 'landed' | 'committed') {
  const entries = newPeople(db);
  const header = await beginIntent(db, IMPORT, entries.length);
  await appendUndo(db, header, 0, [{ collection: 'people', created: entries.map((e) => e.id), before: [] }]);
  const written = state === 'half' ? entries.slice(0, 2) : entries;
  const { error } = await db.people.bulkUpsert(written.map((e) => ({ ...(e.after as Person) })));
  expect(error).toEqual([]);
  if (state === 'committed') await markCommitted(db, header);
}

describe('recovery at open', () => {
  it('leaves a write that reached its commit point, and only clears its record', async () => {
    const indexedDB = new IDBFactory();
    const name = uniqueName();
    const db = await open(indexedDB, name);
    await anImport(db, 'committed');
    const after = await fullSnapshot(db);
    await db.close();

    const again = await open(indexedDB, name);
    expect(await fullSnapshot(again)).toEqual(after);
    expect(await readIntent(again)).toBeNull();
    expect(await firstValueFrom(interruptedWrite$(again))).toBeNull();
  });

  it('keeps a write that landed whole and only missed its commit mark, and tells the person once', async () => {
    const indexedDB = new IDBFactory();
    const name = uniqueName();
    const db = await open(indexedDB, name);
    await anImport(db, 'landed');
    const after = await fullSnapshot(db);
    await db.close();

    const again = await open(indexedDB, name);
    expect(await fullSnapshot(again)).toEqual(after);
    expect(await readIntent(again)).toBeNull();
    expect(await firstValueFrom(interruptedWrite$(again))).toMatchObject({ kind: 'import', outcome: 'kept' });
    expect(isSyncHeld(again)).toBe(false);
  });

  it('takes back a write one of whose changes never landed, though every document it created did', async () => {
    const indexedDB = new IDBFactory();
    const name = uniqueName();
    const db = await open(indexedDB, name);
    const { person: ada } = await createPerson(db, { name: 'Ada' });
    const before = await fullSnapshot(db);
    // An import that renames Ada and adds Bob; the crash came before Ada's change was written.
    const plan = new Plan(db);
    plan.create('people', { ...blankPerson(), name: 'Bob' });
    const entries = plan.toEntries();
    const stored = (await db.people.findOne(ada.id).exec())!.toMutableJSON();
    const header = await beginIntent(db, IMPORT, entries.length + 1);
    await appendUndo(db, header, 0, [
      { collection: 'people', created: entries.map((e) => e.id), before: [stored as never] },
    ]);
    await db.people.bulkUpsert(entries.map((e) => ({ ...(e.after as Person) })));
    await db.close();

    const again = await open(indexedDB, name);
    expect(await fullSnapshot(again)).toEqual(before);
    expect(await firstValueFrom(interruptedWrite$(again))).toMatchObject({ outcome: 'undone' });
  });

  it('does not take another window’s write for a crash: it waits for that window, then takes back what it left', async () => {
    const indexedDB = new IDBFactory();
    const name = uniqueName();
    const db = await open(indexedDB, name);
    const before = await fullSnapshot(db);
    await anImport(db, 'half');
    const during = await fullSnapshot(db);
    await db.close();

    // The other window holds the lock (Web Locks in the app) until it finishes — or dies.
    let otherWindowGone: () => void = () => undefined;
    const gone = new Promise<void>((resolve) => (otherWindowGone = resolve));
    const lock: WriteLock = {
      tryRun: async () => ({ ran: false }),
      run: async (task) => {
        await gone;
        return task();
      },
    };
    const second = await open(indexedDB, name, { writeLock: () => lock });
    expect(await fullSnapshot(second)).toEqual(during);
    expect(isSyncHeld(second)).toBe(true);

    otherWindowGone();
    await expect.poll(async () => (await firstValueFrom(interruptedWrite$(second)))?.outcome).toBe('undone');
    expect(await fullSnapshot(second)).toEqual(before);
    await expect.poll(() => isSyncHeld(second)).toBe(false);
  });
});

/**
 * The fake-indexeddb storage, whose local documents (the write-ahead record) cannot be written while
 * `full.local` is set: the disk filled up just as a rollback was to clear its record.
 */
function localDocumentsFillUp(indexedDB: InstanceType<typeof IDBFactory>) {
  const inner = fakeStorage(indexedDB);
  const full = { local: false };
  const journal = new Set<string>(COLLECTION_NAMES);
  const storage: typeof inner = {
    ...inner,
    async createStorageInstance(params) {
      const instance = await inner.createStorageInstance(params);
      if (journal.has(params.collectionName)) return instance;
      const bulkWrite = instance.bulkWrite.bind(instance);
      instance.bulkWrite = async (rows, context) => {
        if (full.local) throw new Error('QuotaExceededError: the disk is full.');
        return bulkWrite(rows, context);
      };
      return instance;
    },
  };
  return { storage, full };
}

describe('a record that outlives its rollback', () => {
  it('does not undo, at the next start, what was edited after the failed write', async () => {
    const indexedDB = new IDBFactory();
    const name = uniqueName();
    const { storage, full } = localDocumentsFillUp(indexedDB);
    const db = await open(indexedDB, name, { storage });
    const { person: ada } = await createPerson(db, { name: 'Ada', role: 'Analyst' });
    const { person: bob } = await createPerson(db, { name: 'Bob', role: 'Builder' });

    // An import that updates Ada and Bob and adds three people; the storage refuses the third new one.
    const plan = new Plan(db);
    plan.update('people', ada, { role: 'Imported role' });
    plan.update('people', bob, { role: 'Imported role' });
    const entries = [...plan.toEntries(), ...newPeople(db)];
    let inserted = 0;
    db.people.preInsert(() => {
      if (++inserted === 3) {
        full.local = true;
        throw new Error('The disk is full.');
      }
    }, false);
    await expect(writeAllOrNothing(db, entries, { description: IMPORT })).rejects.toThrow();
    // Taken back at once, but the record could not be cleared: it is still on disk, 'writing'.
    full.local = false;
    expect((await readIntent(db))?.state).toBe('writing');
    expect((await db.people.findOne(ada.id).exec())?.role).toBe('Analyst');

    // Room was made; the person edits Ada, then closes Kith.
    await updatePerson(db, ada.id, { role: 'Countess' });
    await db.close();

    const again = await open(indexedDB, name);
    await expect.poll(async () => (await firstValueFrom(interruptedWrite$(again)))?.outcome).toBe('undone');
    expect((await again.people.findOne(ada.id).exec())?.role).toBe('Countess');
    expect((await again.people.findOne(bob.id).exec())?.role).toBe('Builder');
    expect(await again.people.count().exec()).toBe(3);
    expect(await readIntent(again)).toBeNull();
  });
});

describe('a bulk write', () => {
  it('runs one at a time per journal', async () => {
    const db = await open(new IDBFactory(), uniqueName());
    const first = writeAllOrNothing(db, newPeople(db), { description: IMPORT });
    await expect(
      writeAllOrNothing(db, newPeople(db), { description: { kind: 'import', source: 'other.vcf' } }),
    ).rejects.toBeInstanceOf(BulkWriteBusyError);
    await first;
    expect(await db.people.count().exec()).toBe(4);
  });

  it('has its commit made durable after the commit mark, while sync is still held', async () => {
    const seen: { intent: string | undefined; held: boolean; people: number }[] = [];
    let db: KithDatabase | null = null;
    db = await open(new IDBFactory(), uniqueName(), {
      flushToDisk: async () => {
        const journal = db!;
        seen.push({
          intent: (await readIntent(journal))?.state,
          held: isSyncHeld(journal),
          people: await journal.people.count().exec(),
        });
      },
    });
    await writeAllOrNothing(db, newPeople(db), { description: IMPORT });
    expect(seen).toEqual([{ intent: 'committed', held: true, people: 4 }]);
    expect(isSyncHeld(db)).toBe(false);
  });

  it('is refused before anything is written when it clearly cannot fit', async () => {
    const db = await open(new IDBFactory(), uniqueName(), { storageRoom: async () => 300 });
    const before = await fullSnapshot(db);
    await createPerson(db, { name: 'Written by a form, not a bulk write' }).then(() => undefined);
    const after = await fullSnapshot(db);
    expect(after.people).toHaveLength(before.people.length + 1);

    const error = await writeAllOrNothing(db, newPeople(db), { description: IMPORT }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(NotEnoughRoomError);
    expect((error as Error).message).toMatch(
      /^There is not enough room on this device to import contacts\.vcf: it needs at least [\d.]+ [KM]B and Kith may use only about 300 bytes more\. Nothing was written\./,
    );
    expect(await fullSnapshot(db)).toEqual(after);
    expect(await readIntent(db)).toBeNull();
  });
});
