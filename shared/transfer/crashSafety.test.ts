import { IDBFactory } from 'fake-indexeddb';
import { firstValueFrom } from 'rxjs';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createPerson,
  interruptedWrite$,
  isSyncHeld,
  loadSampleJournal,
  openDatabase,
  recordEncounter,
  retryPendingRollback,
  RollbackPendingError,
  StorageFullError,
  syncHolds$,
  updatePerson,
  type KithDatabase,
} from '../db';
import type { Encounter, Person } from '../domain/entities';
import { faultyStorage, fakeStorage, fullSnapshot, uniqueName } from '../db/testing';
import { backupToJson, createBackup, restoreBackup } from './backup';
import { parseBackup } from './backupFormat';
import { commitImport } from './commit';
import { previewImport } from './preview';
import { contact, parsedContacts } from './testing';

/**
 * All or nothing across a crash and a full disk. A "crash" is a storage whose writes all fail from
 * some document on, so not even the rollback reaches the disk, as after kill -9; the test then opens
 * the same IndexedDB again with a healthy storage — a restart — and expects the journal exactly as it
 * was before the import or restore began.
 */

const opened: KithDatabase[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => db.close().catch(() => undefined)));
});

type Storage = Parameters<typeof openDatabase>[0]['storage'];

async function open(storage: Storage, name: string): Promise<KithDatabase> {
  const db = await openDatabase({ storage, name, multiInstance: false, deviceId: 'test-device' });
  opened.push(db);
  return db;
}

/** A journal on its own IndexedDB, with Ada (who the import updates) and an encounter. */
async function journalOnDisk() {
  const indexedDB = new IDBFactory();
  const name = uniqueName();
  const db = await open(fakeStorage(indexedDB), name);
  const { person: ada } = await createPerson(db, { name: 'Ada Lovelace', emails: ['ada@example.org'] });
  await recordEncounter(db, { date: '2026-03-14', title: 'Engine demo', participantIds: [ada.id] });
  const before = await fullSnapshot(db);
  await db.close();
  return { indexedDB, name, before };
}

/** 4,500 new contacts (three chunks of people) and one that updates Ada. */
function bigContactFile() {
  const candidates = Array.from({ length: 4_500 }, (_, i) =>
    contact(i + 1, { emails: [`c${i}@example.org`] }),
  );
  candidates.push(contact(4_501, { name: 'Ada', emails: ['ada@example.org'], role: 'Countess' }));
  return parsedContacts(candidates);
}

async function restart(indexedDB: InstanceType<typeof IDBFactory>, name: string, crashed: KithDatabase) {
  await crashed.close().catch(() => undefined);
  return open(fakeStorage(indexedDB), name);
}

describe('an import interrupted by a crash', () => {
  it('is taken back at the next start, and the person is told once', async () => {
    const { indexedDB, name, before } = await journalOnDisk();
    // Dies writing the second chunk of people: 2,000 new people (and Ada's update) are on disk.
    const faulty = faultyStorage({ indexedDB, budget: 3_000, mode: 'crash' });
    const db = await open(faulty.storage, name);
    const preview = await previewImport(db, bigContactFile());
    await expect(commitImport(db, preview)).rejects.toThrow();
    expect(faulty.state.failures).toBeGreaterThan(0);
    expect(await db.people.count().exec()).toBeGreaterThan(2_000); // half an import, as the crash left it

    const after = await restart(indexedDB, name, db);
    expect(await fullSnapshot(after)).toEqual(before);
    expect(await firstValueFrom(interruptedWrite$(after))).toMatchObject({
      kind: 'import',
      source: 'contacts.vcf',
      outcome: 'undone',
    });
    expect(isSyncHeld(after)).toBe(false);
  });

  it('is taken back even when the crash hits the recovery itself', async () => {
    const { indexedDB, name, before } = await journalOnDisk();
    const first = faultyStorage({ indexedDB, budget: 4_100, mode: 'crash' });
    const db = await open(first.storage, name);
    await expect(commitImport(db, await previewImport(db, bigContactFile()))).rejects.toThrow();
    await db.close().catch(() => undefined);

    // The restart dies too, after taking back one of the two chunks of people written.
    const second = faultyStorage({ indexedDB, budget: 2_001, mode: 'crash' });
    const half = await open(second.storage, name);
    expect(second.state.failures).toBeGreaterThan(0);
    expect(await firstValueFrom(interruptedWrite$(half))).toMatchObject({ outcome: 'pending' });
    expect(isSyncHeld(half)).toBe(true);

    const after = await restart(indexedDB, name, half);
    expect(await fullSnapshot(after)).toEqual(before);
  });
});

describe('a restore interrupted by a crash', () => {
  async function backupOfAnotherJournal(): Promise<string> {
    const source = await open(fakeStorage(), uniqueName());
    await loadSampleJournal(source, { today: '2026-11-26', seed: 3 });
    const text = backupToJson(await createBackup(source));
    await source.close();
    return text;
  }

  it.each(['replace', 'merge'] as const)(
    'leaves the journal as it was (%s), with no encounter pointing at a removed person',
    async (mode) => {
      const { indexedDB, name } = await journalOnDisk();
      const setUp = await open(fakeStorage(indexedDB), name);
      await loadSampleJournal(setUp, { today: '2026-11-20', seed: 9 });
      const someone = (await setUp.people.find().exec()).find((p) => !p.isOwner)!;
      await updatePerson(setUp, someone.id, { role: 'Edited after the backup' });
      const before = await fullSnapshot(setUp);
      await setUp.close();
      const backup = parseBackup(
        mode === 'replace' ? await backupOfAnotherJournal() : backupToJson(await createBackupOf(before)),
      );

      // Room for the people, not for all the encounters.
      const faulty = faultyStorage({
        indexedDB,
        budget: backup.collections.people.length + 5,
        mode: 'crash',
      });
      const db = await open(faulty.storage, name);
      await expect(restoreBackup(db, backup, { mode, fileName: 'kith-backup.json' })).rejects.toThrow();
      expect(faulty.state.failures).toBeGreaterThan(0);

      const after = await restart(indexedDB, name, db);
      expect(await fullSnapshot(after)).toEqual(before);
      expect(await firstValueFrom(interruptedWrite$(after))).toMatchObject({
        kind: 'restore',
        source: 'kith-backup.json',
        mode,
        outcome: 'undone',
      });
    },
  );

  /** A backup of this journal's state, with every person's notes edited later (so merge updates them). */
  async function createBackupOf(state: Awaited<ReturnType<typeof fullSnapshot>>) {
    const db = await open(fakeStorage(), uniqueName());
    const backup = await createBackup(db);
    const later = `${String(Date.now() + 60_000).padStart(15, '0')}@laptop`;
    backup.collections = {
      ...state,
      people: (state.people as Person[]).map((p) => ({
        ...p,
        notes: `${p.notes} (from the laptop)`,
        fieldTimes: { ...p.fieldTimes, notes: later },
      })),
      encounters: [
        ...state.encounters,
        ...(state.encounters as Encounter[]).map((e) => ({
          ...e,
          id: `${e.id}-copy`,
          title: `${e.title} (copy)`,
        })),
      ],
    } as typeof backup.collections;
    return backup;
  }
});

describe('a full disk', () => {
  it('takes back what was written and says so', async () => {
    const { indexedDB, name, before } = await journalOnDisk();
    const faulty = faultyStorage({ indexedDB, budget: 3_000, mode: 'quota' });
    const db = await open(faulty.storage, name);
    const error = await commitImport(db, await previewImport(db, bigContactFile())).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageFullError);
    expect((error as Error).message).toBe(
      'The storage is full (QuotaExceededError) while importing contacts.vcf. The 2,000 documents written ' +
        'before it filled up were taken back, so the journal is as it was. Free some space on this device and try again.',
    );
    expect(await fullSnapshot(db)).toEqual(before);
    expect(isSyncHeld(db)).toBe(false);
  });

  it('when taking back fails too, says how much is left, keeps sync held, and finishes on “Try again”', async () => {
    const { indexedDB, name, before } = await journalOnDisk();
    const faulty = faultyStorage({ indexedDB, budget: 3_000, mode: 'full' });
    const db = await open(faulty.storage, name);
    const holds: number[] = [];
    const watching = syncHolds$(db).subscribe((n) => holds.push(n));
    const error = await commitImport(db, await previewImport(db, bigContactFile())).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RollbackPendingError);
    expect((error as Error).message).toBe(
      'The storage became full while importing contacts.vcf, and 2,000 people already written could not be ' +
        'taken back yet because the storage is still full. Kith will take them back the next time it starts, ' +
        'or when you press “Try again” after freeing some space. Until then sync is paused, so none of it leaves this device.',
    );
    expect(isSyncHeld(db)).toBe(true);
    expect(await firstValueFrom(interruptedWrite$(db))).toMatchObject({
      outcome: 'pending',
      left: { people: 2_000 },
    });

    faulty.free();
    expect(await retryPendingRollback(db)).toMatchObject({ outcome: 'undone' });
    expect(await fullSnapshot(db)).toEqual(before);
    await expect.poll(() => isSyncHeld(db)).toBe(false);
    watching.unsubscribe();
    expect(Math.max(...holds)).toBeGreaterThan(0);
  });
});
