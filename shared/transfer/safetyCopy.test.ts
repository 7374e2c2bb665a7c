import { IDBFactory } from 'fake-indexeddb';
import { firstValueFrom } from 'rxjs';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createPerson,
  interruptedWrite$,
  openDatabase,
  recordEncounter,
  RollbackPendingError,
  SafetyCopyError,
  StorageFullError,
  type KithDatabase,
  type SafetyCopy,
} from '../db';
import { faultyStorage, fakeStorage, fullSnapshot, uniqueName } from '../db/testing';
import { commitImport } from './commit';
import { previewImport } from './preview';
import { COPY_FILE, fileSafetyCopy, MARK_FILE, type CopyFiles } from './safetyCopy';
import { contact, parsedContacts } from './testing';

/**
 * The safety copy against the failure the write-ahead record cannot survive: the browser dropping
 * the journal's whole storage during an import (Chromium does when the disk fills up mid-write; the
 * fault suite's storage-full-import measures it). Here a "dropped store" is the same database name on
 * a fresh, empty IndexedDB: the journal opened on it makes a new device id, as after the real loss.
 */

/** Files outside the journal's storage (the origin private file system in the app). */
function memoryFiles(): CopyFiles & { names(): string[] } {
  const files = new Map<string, string>();
  return {
    read: async (name) => files.get(name) ?? null,
    write: async (name, text) => void files.set(name, text),
    remove: async (name) => void files.delete(name),
    names: () => [...files.keys()].sort(),
  };
}

const opened: KithDatabase[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => db.close().catch(() => undefined)));
});

type Storage = Parameters<typeof openDatabase>[0]['storage'];

// No fixed device id: a journal opened on an empty store must make its own, as the app's does.
async function open(storage: Storage, name: string, safetyCopy?: SafetyCopy): Promise<KithDatabase> {
  const db = await openDatabase({ storage, name, multiInstance: false, safetyCopy });
  opened.push(db);
  return db;
}

async function journal(safetyCopy: SafetyCopy, storage?: Storage) {
  const indexedDB = new IDBFactory();
  const name = uniqueName();
  const db = await open(storage ?? fakeStorage(indexedDB), name, safetyCopy);
  const { person: ada } = await createPerson(db, { name: 'Ada Lovelace', emails: ['ada@example.org'] });
  await recordEncounter(db, { date: '2026-03-14', title: 'Engine demo', participantIds: [ada.id] });
  return { db, name, indexedDB, before: await fullSnapshot(db) };
}

const contactFile = (n: number) =>
  parsedContacts(Array.from({ length: n }, (_, i) => contact(i + 1, { emails: [`c${i}@example.org`] })));

/**
 * A journal whose disk fills after some 2,000 documents of a 4,000-contact import: then nothing can
 * be written or taken back. Returns the import's failure, not yet awaited.
 */
async function importFillingTheDisk(safetyCopy: SafetyCopy) {
  const indexedDB = new IDBFactory();
  const full = faultyStorage({ indexedDB, budget: 2_100, mode: 'full' });
  const made = await journal(safetyCopy, full.storage);
  const failing = commitImport(made.db, await previewImport(made.db, contactFile(4_000)));
  return { ...made, indexedDB, failing };
}

describe('the safety copy kept during an import', () => {
  it('is kept while the import writes and gone once it is saved', async () => {
    const files = memoryFiles();
    let seen: string[] = [];
    const copy = fileSafetyCopy(files);
    const watching: SafetyCopy = {
      ...copy,
      async release() {
        seen = files.names();
        await copy.release();
      },
    };
    const { db } = await journal(watching);
    const phases: string[] = [];
    await commitImport(
      db,
      await previewImport(db, contactFile(30)),
      {},
      {
        onProgress: (p) => void phases.push(p.phase),
      },
    );
    // The person is told while the copy is kept (seconds on a heavy journal), before any saving.
    expect(phases.filter((p) => p === 'copying' || p === 'writing').slice(0, 2)).toEqual([
      'copying',
      'writing',
    ]);
    expect(seen).toEqual([MARK_FILE, COPY_FILE].sort());
    expect(files.names()).toEqual([]);
    expect(await db.people.count().exec()).toBe(32);
  });

  it('puts the journal back, exactly, when the browser dropped the storage during the import', async () => {
    const files = memoryFiles();
    const { db, name, before, failing } = await importFillingTheDisk(fileSafetyCopy(files));
    await expect(failing).rejects.toThrow(RollbackPendingError);
    expect(files.names()).toEqual([MARK_FILE, COPY_FILE].sort());
    await db.close();

    // The browser dropped the store: the next start finds an empty one, and the copy in the files.
    const reopened = await open(fakeStorage(new IDBFactory()), name, fileSafetyCopy(files));
    expect(await fullSnapshot(reopened)).toEqual(before);
    expect(await firstValueFrom(interruptedWrite$(reopened))).toMatchObject({
      kind: 'import',
      outcome: 'restored',
      restored: Object.values(before).reduce((n, docs) => n + docs.length, 0),
    });
    expect(files.names()).toEqual([]);
  });

  it('puts it back in the same session from the copy held in memory, when the files went too', async () => {
    let lostOne: KithDatabase | null = null;
    const copy = fileSafetyCopy(null, {
      onLost: async (lost) => {
        lostOne = lost;
      },
    });
    // The browser drops the store while the import writes: the journal's connection closes with it.
    const { db, name, before, failing } = await importFillingTheDisk(copy);
    await expect(failing).rejects.toThrow();
    expect(lostOne).toBeNull(); // the storage is still there: no put-back
    await db.close();
    await copy.writeFailed(db);
    expect(lostOne).toBe(db);
    // What the app's onLost does next: open the journal again, where the held copy puts it back.
    const reopened = await open(fakeStorage(new IDBFactory()), name, copy);
    expect(await fullSnapshot(reopened)).toEqual(before);
    expect(await firstValueFrom(interruptedWrite$(reopened))).toMatchObject({ outcome: 'restored' });
  });

  it('is forgotten at the next start when the storage survived (its own record took the import back)', async () => {
    const files = memoryFiles();
    const { db, name, before, indexedDB, failing } = await importFillingTheDisk(fileSafetyCopy(files));
    await expect(failing).rejects.toThrow(RollbackPendingError);
    await db.close();
    const reopened = await open(fakeStorage(indexedDB), name, fileSafetyCopy(files));
    expect(await fullSnapshot(reopened)).toEqual(before);
    expect(await firstValueFrom(interruptedWrite$(reopened))).toMatchObject({ outcome: 'undone' });
    expect(files.names()).toEqual([]);
  });

  it('refuses the import, writing nothing, when the copy cannot be kept', async () => {
    const noRoom: CopyFiles = {
      ...memoryFiles(),
      write: async () => {
        // What a browser's file write throws on a full disk (a DOMException named so).
        throw Object.assign(new Error('The disk is full.'), { name: 'QuotaExceededError' });
      },
    };
    const { db, before } = await journal(fileSafetyCopy(noRoom));
    await expect(commitImport(db, await previewImport(db, contactFile(10)))).rejects.toThrow(
      StorageFullError,
    );
    expect(await fullSnapshot(db)).toEqual(before);

    const broken: CopyFiles = {
      ...memoryFiles(),
      write: async () => {
        throw new Error('The file system refused the file.');
      },
    };
    const other = await journal(fileSafetyCopy(broken));
    const failure = commitImport(other.db, await previewImport(other.db, contactFile(10)));
    await expect(failure).rejects.toThrow(SafetyCopyError);
    await expect(failure).rejects.toThrow(
      /could not keep a copy of the journal before importing .*nothing was written/,
    );
    expect(await fullSnapshot(other.db)).toEqual(other.before);
  });

  it('throws away a copy whose mark was never written (the tab closed while keeping it)', async () => {
    const files = memoryFiles();
    await files.write(COPY_FILE, '{"half a copy');
    const { db } = await journal(fileSafetyCopy(files));
    expect(files.names()).toEqual([]);
    expect(await db.people.count().exec()).toBe(2);
  });
});
