import { describe, expect, it } from 'vitest';
import {
  createPerson,
  deletePerson,
  loadSampleJournal,
  setPreferences,
  updatePerson,
  type KithDatabase,
} from '../db';
import { databasesClosedAfterEach, fullSnapshot } from '../db/testing';
import { backupFileName, backupToJson, createBackup, restoreBackup } from './backup';
import { BackupError, parseBackup } from './backupFormat';

const journal = databasesClosedAfterEach();

const PHOTO =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

async function fullJournal(): Promise<KithDatabase> {
  const db = await journal();
  await loadSampleJournal(db, { today: '2026-11-26', seed: 7 });
  await createPerson(db, {
    name: 'Zoë “Quotes” O’Brien, Jr.',
    addresses: ['1 High St\nLeeds LS1 1AA'],
    birthday: '--02-29',
    photo: PHOTO,
    notes: '<script>alert(1)</script> and **markdown**',
  });
  await setPreferences(db, { theme: 'dark' });
  return db;
}

function errorOf(fn: () => unknown): BackupError {
  try {
    fn();
  } catch (err) {
    if (err instanceof BackupError) return err;
    throw err;
  }
  throw new Error('expected a BackupError');
}

describe('backup', () => {
  it('round-trips: backup, restore into an empty journal, identical to the last stamp', async () => {
    const original = await fullJournal();
    const text = backupToJson(
      await createBackup(original, { app: 'Kith test', now: new Date('2026-11-26T21:00:00Z') }),
    );
    const backup = parseBackup(text);
    expect(backup).toMatchObject({
      format: 'kith-backup',
      version: 1,
      app: 'Kith test',
      exportedAt: '2026-11-26T21:00:00.000Z',
    });
    expect(backup.schemaVersions.people).toBe(2);

    const fresh = await journal();
    const result = await restoreBackup(fresh, backup, { mode: 'replace' });
    expect(await fullSnapshot(fresh)).toEqual(await fullSnapshot(original));
    expect(result.created).toBeGreaterThan(80);

    // Restoring the same backup again changes nothing.
    expect(await restoreBackup(fresh, backup, { mode: 'replace' })).toMatchObject({
      created: 0,
      updated: 0,
      removed: 0,
    });
    expect(backupFileName(new Date(2026, 10, 26, 22, 5))).toBe('kith-backup-2026-11-26-2205.json');
  });

  it('replace makes a changed journal exactly the backup again', async () => {
    const db = await fullJournal();
    const before = await fullSnapshot(db);
    const backup = parseBackup(backupToJson(await createBackup(db)));
    const extra = await createPerson(db, { name: 'Added later' });
    const someone = before.people.find((p) => !('isOwner' in p && p.isOwner)) as { id: string };
    await updatePerson(db, someone.id, { role: 'Changed later' });
    await deletePerson(db, before.people.find((p) => p.id !== someone.id && p.id !== 'owner')!.id);

    const result = await restoreBackup(db, backup, { mode: 'replace' });
    expect(result.removed).toBe(1);
    expect(await db.people.findOne(extra.person.id).exec()).toBeNull();
    expect(await fullSnapshot(db)).toEqual(before);
  });

  it('merge keeps newer edits on either side, field by field, and never loses journal text', async () => {
    const db = await journal();
    const { person: ada } = await createPerson(db, { name: 'Ada', role: 'Analyst', notes: 'Old notes' });
    const { person: bob } = await createPerson(db, { name: 'Bob' });
    const backup = parseBackup(backupToJson(await createBackup(db)));

    await updatePerson(db, ada.id, { role: 'Countess' }); // newer in the journal
    await deletePerson(db, bob.id); // gone from the journal, still in the backup
    const { person: carol } = await createPerson(db, { name: 'Carol' }); // only in the journal
    // The backup's copy of Ada gets a newer notes edit than the journal's.
    const backupAda = backup.collections.people.find((p) => p.id === ada.id)!;
    backupAda.notes = 'Backup notes';
    backupAda.fieldTimes = {
      ...backupAda.fieldTimes,
      notes: `${String(Date.now() + 60_000).padStart(15, '0')}@laptop`,
    };
    await updatePerson(db, ada.id, { notes: 'Journal notes' });

    const result = await restoreBackup(db, backup, { mode: 'merge' });
    expect(result).toMatchObject({ created: 1, removed: 0 });
    const people = new Map((await db.people.find().exec()).map((d) => [d.id, d.toMutableJSON()]));
    expect(people.get(ada.id)?.role).toBe('Countess');
    expect(people.get(ada.id)?.notes).toMatch(
      /^Backup notes\n\n---\nConflicting edit from another device \(test-d\) at .* UTC:\nJournal notes$/,
    );
    expect(people.get(bob.id)?.name).toBe('Bob');
    expect(people.get(carol.id)?.name).toBe('Carol');
  });

  it('leaves the journal exactly as it was when a write fails in the middle of a restore', async () => {
    const source = await fullJournal();
    const backup = parseBackup(backupToJson(await createBackup(source)));
    const db = await journal();
    await createPerson(db, { name: 'Only here' });
    await setPreferences(db, { theme: 'light' });
    const before = await fullSnapshot(db);

    let inserted = 0;
    db.encounters.preInsert(() => {
      if (++inserted === 30) throw new Error('quota exceeded');
    }, false);
    await expect(restoreBackup(db, backup, { mode: 'replace' })).rejects.toThrow('quota exceeded');
    expect(await fullSnapshot(db)).toEqual(before);
  });
});

describe('parseBackup', () => {
  it('names what is wrong: not JSON, another format, a newer version', () => {
    expect(errorOf(() => parseBackup('{"format": "kith-backup", ')).message).toMatch(/not valid JSON/);
    expect(errorOf(() => parseBackup('{"format": "other"}')).message).toMatch(/not a Kith backup/);
    expect(
      errorOf(() =>
        parseBackup(
          JSON.stringify({
            format: 'kith-backup',
            version: 2,
            exportedAt: '',
            schemaVersions: {},
            collections: {},
          }),
        ),
      ).message,
    ).toMatch(/newer Kith \(backup version 2/);
  });

  it('names the collection, index, id and field of a bad document, and refuses duplicates', async () => {
    const db = await fullJournal();
    const backup = JSON.parse(backupToJson(await createBackup(db)));
    backup.collections.encounters[3].date = 42;
    backup.collections.people.push({ ...backup.collections.people[1] });
    const error = errorOf(() => parseBackup(JSON.stringify(backup)));
    const id = backup.collections.encounters[3].id;
    expect(error.message).toContain(`collections.encounters[3] (id “${id}”).date:`);
    expect(error.message).toMatch(/appears twice in people/);
  });

  it('migrates people written under schema version 1', async () => {
    const db = await journal();
    const { person } = await createPerson(db, { name: 'Old Timer', emails: ['old@example.org'] });
    const backup = JSON.parse(backupToJson(await createBackup(db)));
    backup.schemaVersions.people = 1;
    for (const p of backup.collections.people) {
      delete p.addresses;
      delete p.birthday;
      delete p.photo;
    }
    const parsed = parseBackup(JSON.stringify(backup));
    expect(parsed.collections.people.find((p) => p.id === person.id)).toMatchObject({
      name: 'Old Timer',
      emails: ['old@example.org'],
      addresses: [],
      birthday: '',
      photo: '',
    });
  });
});
