import { describe, expect, it } from 'vitest';
import {
  createPerson,
  deletePerson,
  loadSampleJournal,
  recordEncounter,
  setPreferences,
  updatePerson,
  type KithDatabase,
} from '../db';
import { writeAllOrNothing } from '../db/bulkWrite';
import { Plan } from '../db/plan';
import { listQuarantined } from '../db/quarantine';
import { BulkWriteBusyError } from '../db/storageErrors';
import { compareStamps } from '../db/fieldTimes';
import { databasesClosedAfterEach, fullSnapshot, snapshot } from '../db/testing';
import { mergeVersions } from '../sync/merge';
import type { Encounter, FollowUp, Person, Tie } from '../domain/entities';
import { backupFileName, backupToJson, createBackup, restoreBackup } from './backup';
import { BackupError, MAX_REJECTED, parseBackup, rejectedPath } from './backupFormat';

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

  it('replace makes a changed journal the backup again, stamping what it changes so that sync keeps it', async () => {
    const db = await journal();
    const { person: ada } = await createPerson(db, { name: 'Ada', role: 'Analyst' });
    const { person: bob } = await createPerson(db, { name: 'Bob', role: 'Builder' });
    const { person: carol } = await createPerson(db, { name: 'Carol' });
    const backup = parseBackup(backupToJson(await createBackup(db)));
    const asBackedUp = await snapshot(db);
    const carolBefore = (await fullSnapshot(db)).people.find((p) => p.id === carol.id);

    // Edited after the backup; the server has these edits too (the newest stamps it has seen).
    await updatePerson(db, ada.id, { role: 'Countess' });
    const serverAda = (await db.people.findOne(ada.id).exec())!.toMutableJSON();
    const bobAsDeleted = (await db.people.findOne(bob.id).exec())!.toMutableJSON();
    await deletePerson(db, bob.id);
    const { person: later } = await createPerson(db, { name: 'Added later' });

    const result = await restoreBackup(db, backup, { mode: 'replace' });
    expect(result).toMatchObject({ created: 1, updated: 1, removed: 1, keptFromJournal: 0 });
    expect(await db.people.findOne(later.id).exec()).toBeNull();
    expect(await snapshot(db)).toEqual(asBackedUp);

    const people = new Map((await fullSnapshot(db)).people.map((p) => [p.id, p as Person]));
    const restoredAda = people.get(ada.id)!;
    const restoreStamp = restoredAda.fieldTimes.role!;
    expect(compareStamps(restoreStamp, serverAda.fieldTimes.role)).toBeGreaterThan(0);
    // Only the field the restore changed is stamped anew.
    expect({ ...restoredAda.fieldTimes, role: '' }).toEqual({ ...ada.fieldTimes, role: '' });
    // Sync's merge with the server's copy keeps the restored role instead of undoing the restore.
    expect(
      mergeVersions('people', { ...serverAda, _deleted: false }, { ...restoredAda, _deleted: false }),
    ).toMatchObject({ role: 'Analyst', _deleted: false });

    // Bob was removed here: his removal was an edit of every field, so every field is stamped, and
    // he stays when the server's removal meets him.
    const restoredBob = people.get(bob.id)!;
    expect(Object.keys(restoredBob.fieldTimes).sort()).toEqual(Object.keys(bob.fieldTimes).sort());
    expect(new Set(Object.values(restoredBob.fieldTimes))).toEqual(new Set([restoreStamp]));
    expect(
      mergeVersions('people', { ...bobAsDeleted, _deleted: true }, { ...restoredBob, _deleted: false }),
    ).toMatchObject({ name: 'Bob', _deleted: false });

    // What the restore did not change keeps its stamps exactly.
    expect(people.get(carol.id)).toEqual(carolBefore);
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
    const adaRoleStamp = (await db.people.findOne(ada.id).exec())!.fieldTimes.role;

    const result = await restoreBackup(db, backup, { mode: 'merge' });
    expect(result).toMatchObject({ created: 1, removed: 0 });
    const stored = (id: string) =>
      db.people
        .findOne(id)
        .exec()
        .then((d) => d!.toMutableJSON());
    // Merging stamps nothing anew: each field keeps the stamp of the side it came from…
    expect((await stored(ada.id)).fieldTimes.role).toBe(adaRoleStamp);
    // …but Bob, removed here, comes back with every field stamped (the removal was an edit of them all).
    const bobBack = await stored(bob.id);
    expect(new Set(Object.values(bobBack.fieldTimes)).size).toBe(1);
    expect(compareStamps(Object.values(bobBack.fieldTimes)[0], adaRoleStamp)).toBeGreaterThan(0);
    const people = new Map((await db.people.find().exec()).map((d) => [d.id, d.toMutableJSON()]));
    expect(people.get(ada.id)?.role).toBe('Countess');
    expect(people.get(ada.id)?.notes).toMatch(
      /^Backup notes\n\n---\nConflicting edit from another device \(test-d\) at .* UTC:\nJournal notes$/,
    );
    expect(people.get(bob.id)?.name).toBe('Bob');
    expect(people.get(carol.id)?.name).toBe('Carol');
  });

  it('reads the journal holding the write lock: an import cannot write between its read and its write', async () => {
    const db = await journal();
    const { person: ada } = await createPerson(db, { name: 'Ada', role: 'Analyst', notes: 'Old notes' });
    const backup = parseBackup(backupToJson(await createBackup(db)));
    const backupAda = backup.collections.people.find((p) => p.id === ada.id)!;
    backupAda.notes = 'Backup notes';
    backupAda.fieldTimes = {
      ...backupAda.fieldTimes,
      notes: `${String(Date.now() + 60_000).padStart(15, '0')}@laptop`,
    };
    const importOf = async (role: string) => {
      const plan = new Plan(db);
      plan.update('people', (await db.people.findOne(ada.id).exec())!.toMutableJSON(), { role });
      return plan.toEntries();
    };
    const edit = await importOf('Imported');

    // The import starts while the restore reads: had it written then, the restore's merge (planned
    // from what it read) would have put Ada's old role back over it while the import said "done".
    const restoring = restoreBackup(db, backup, { mode: 'merge' });
    await expect(
      writeAllOrNothing(db, edit, { description: { kind: 'import', source: 'contacts.vcf' } }),
    ).rejects.toBeInstanceOf(BulkWriteBusyError);
    expect(await restoring).toMatchObject({ updated: 1 });
    expect((await db.people.findOne(ada.id).exec())?.toMutableJSON()).toMatchObject({
      role: 'Analyst',
      notes: expect.stringMatching(/^Backup notes/),
    });

    // And the other way round: a restore started while an import writes is refused before it reads.
    const importing = writeAllOrNothing(db, await importOf('Imported'), {
      description: { kind: 'import', source: 'contacts.vcf' },
    });
    await expect(restoreBackup(db, backup, { mode: 'replace' })).rejects.toBeInstanceOf(BulkWriteBusyError);
    await importing;
    expect((await db.people.findOne(ada.id).exec())?.role).toBe('Imported');
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

  it('sets a bad document aside, naming its collection, place, id and field, and keeps the rest', async () => {
    const db = await fullJournal();
    const backup = JSON.parse(backupToJson(await createBackup(db)));
    const total = backup.collections.encounters.length;
    backup.collections.encounters[3].date = 42;
    backup.collections.encounters[5].date = '2026-02-30'; // the schema allows it; the journal's rules do not
    backup.collections.people.push({ ...backup.collections.people[1], name: 'Second copy' });
    const parsed = parseBackup(JSON.stringify(backup));
    expect(parsed.collections.encounters).toHaveLength(total - 2);
    expect(parsed.rejected.map((r) => [rejectedPath(r), r.issues[0]?.path, r.issues[0]?.message])).toEqual([
      [
        `collections.people[${backup.collections.people.length - 1}] (id “${backup.collections.people[1].id}”)`,
        'id',
        expect.stringMatching(/appears twice in people/),
      ],
      [
        `collections.encounters[3] (id “${backup.collections.encounters[3].id}”)`,
        'date',
        expect.stringMatching(/^Expected type string/),
      ],
      [
        `collections.encounters[5] (id “${backup.collections.encounters[5].id}”)`,
        'date',
        'Date “2026-02-30” is not a real day.',
      ],
    ]);
    expect(parsed.collections.people.find((p) => p.id === backup.collections.people[1].id)?.name).not.toBe(
      'Second copy',
    );
  });

  it('refuses a backup whose owner is damaged, and one with more bad documents than can be set aside', async () => {
    const db = await journal();
    const backup = JSON.parse(backupToJson(await createBackup(db)));
    const owner = backup.collections.people.findIndex((p: { id: string }) => p.id === 'owner');
    backup.collections.people[owner].name = '';
    expect(errorOf(() => parseBackup(JSON.stringify(backup))).message).toBe(
      `This backup cannot be restored. collections.people[${owner}] (id “owner”): The owner (“me”) cannot be restored: name: The person has no name.`,
    );
    backup.collections.people[owner].name = 'Me';
    backup.collections.followups = Array.from({ length: MAX_REJECTED + 1 }, (_, i) => ({ id: `f${i}` }));
    expect(errorOf(() => parseBackup(JSON.stringify(backup))).message).toMatch(
      /^This backup cannot be restored\. 2,001 of its documents cannot be restored, more than the 2,000 Kith can set aside: the file is damaged\. collections\.followups\[0\] \(id “f0”\)/,
    );
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

describe('restoring a backup with documents that cannot be restored', () => {
  /** Every reference in the journal resolves: nothing points at a person, community or encounter that is not there. */
  async function danglingReferences(db: KithDatabase): Promise<string[]> {
    const state = await fullSnapshot(db);
    const has = (list: { id: string }[], id: string) => id === '' || list.some((d) => d.id === id);
    const out: string[] = [];
    for (const e of state.encounters as Encounter[]) {
      for (const id of [...e.participantIds, e.initiatorId])
        if (!has(state.people, id)) out.push(`encounter ${e.id} → ${id}`);
      if (!has(state.communities, e.communityId)) out.push(`encounter ${e.id} → ${e.communityId}`);
    }
    for (const t of state.ties as Tie[])
      for (const id of [t.aId, t.bId]) if (!has(state.people, id)) out.push(`tie ${t.id} → ${id}`);
    for (const f of state.followups as FollowUp[]) {
      if (!has(state.people, f.personId)) out.push(`follow-up ${f.id} → ${f.personId}`);
      if (!has(state.encounters, f.encounterId)) out.push(`follow-up ${f.id} → ${f.encounterId}`);
    }
    return out;
  }

  it('replace restores the valid ones, sets the bad ones aside with what refers to them, and leaves nothing dangling', async () => {
    const source = await fullJournal();
    const backup = JSON.parse(backupToJson(await createBackup(source)));
    const people = backup.collections.people as Person[];
    const encounters = backup.collections.encounters as Encounter[];
    // The person met most often loses their name: they cannot be restored, nor can what needs them.
    const counts = new Map<string, number>();
    for (const e of encounters) for (const id of e.participantIds) counts.set(id, (counts.get(id) ?? 0) + 1);
    const [nameless] = [...counts].sort((a, b) => b[1] - a[1])[0]!;
    const at = people.findIndex((p) => p.id === nameless);
    people[at]!.name = '   ';
    const parsed = parseBackup(JSON.stringify(backup));
    expect(parsed.rejected).toHaveLength(1);

    const db = await journal();
    await createPerson(db, { name: 'Only in this journal' });
    const result = await restoreBackup(db, parsed, { mode: 'replace', fileName: 'kith-backup.json' });

    const needingThem = encounters.filter(
      (e) => e.participantIds.includes(nameless) || e.initiatorId === nameless,
    );
    expect(result.setAsideForReferences).toBeGreaterThanOrEqual(needingThem.length);
    expect(result.setAside).toBe(1 + result.setAsideForReferences);
    expect(await danglingReferences(db)).toEqual([]);
    expect(await db.people.count().exec()).toBe(people.length - 1);
    expect(await db.people.findOne(nameless).exec()).toBeNull();

    const { entries } = await listQuarantined(db);
    expect(entries).toHaveLength(result.setAside);
    expect(entries[0]).toMatchObject({
      source: 'backup',
      collection: 'people',
      docId: nameless,
      reason: 'name: The person has no name.',
      origin: `kith-backup.json, collections.people[${at}] (id “${nameless}”)`,
    });
    const firstEncounter = needingThem[0]!;
    expect(entries.find((e) => e.docId === firstEncounter.id)).toMatchObject({
      collection: 'encounters',
      reason: expect.stringMatching(
        new RegExp(
          `^(participantIds|initiatorId): It refers to person “${nameless}”, which could not be restored either\\.`,
        ),
      ),
      origin: `kith-backup.json, collections.encounters[${encounters.indexOf(firstEncounter)}] (id “${firstEncounter.id}”)`,
    });
  });

  it('replace keeps the journal’s own copy of a document whose backup version is set aside, and what that copy refers to', async () => {
    const db = await journal();
    const { person: ada } = await createPerson(db, { name: 'Ada' });
    const { encounter: coffee } = await recordEncounter(db, {
      date: '2026-03-14',
      title: 'Coffee',
      participantIds: [ada.id],
    });
    const backup = JSON.parse(backupToJson(await createBackup(db)));
    // Made after the backup: Dan, and lunch with him.
    const { person: dan } = await createPerson(db, { name: 'Dan' });
    const { encounter: lunch } = await recordEncounter(db, {
      date: '2026-03-15',
      title: 'Lunch',
      participantIds: [dan.id],
    });
    // The file is damaged: Ada lost her name, and it holds a copy of lunch on a day that does not exist.
    backup.collections.people.find((p: Person) => p.id === ada.id).name = '  ';
    backup.collections.encounters.push({ ...lunch, date: '2026-02-30' });
    const parsed = parseBackup(JSON.stringify(backup));
    expect(parsed.rejected).toHaveLength(2);
    const before = await fullSnapshot(db);

    const result = await restoreBackup(db, parsed, { mode: 'replace', fileName: 'old.json' });
    // Ada and lunch stay as the journal has them, and Dan because lunch is with him; coffee, with
    // Ada, is restored: she is still there.
    expect(result).toMatchObject({ setAside: 2, setAsideForReferences: 0, keptFromJournal: 3, removed: 0 });
    expect(await fullSnapshot(db)).toEqual(before);
    expect((await db.encounters.findOne(coffee.id).exec())?.participantIds).toEqual([ada.id]);
    expect((await listQuarantined(db)).entries.map((e) => e.docId).sort()).toEqual([ada.id, lunch.id].sort());
  });

  it('merge keeps references to people only the journal has, and sets aside those to nobody', async () => {
    const db = await journal();
    const { person: ada } = await createPerson(db, { name: 'Ada' });
    const { person: bob } = await createPerson(db, { name: 'Bob' });
    const backup = JSON.parse(backupToJson(await createBackup(db)));
    backup.collections.people = backup.collections.people.filter((p: Person) => p.id !== ada.id);
    const { encounter } = await recordEncounter(db, { date: '2026-03-14', participantIds: [ada.id, bob.id] });
    backup.collections.encounters = [
      { ...encounter, id: 'from-backup', title: 'With Ada' },
      { ...encounter, id: 'with-a-ghost', participantIds: [bob.id, 'ghost'] },
    ];
    const result = await restoreBackup(db, parseBackup(JSON.stringify(backup)), {
      mode: 'merge',
      fileName: 'old.json',
    });
    expect(result).toMatchObject({ created: 1, setAside: 1, setAsideForReferences: 1 });
    expect((await db.encounters.findOne('from-backup').exec())?.participantIds).toEqual([ada.id, bob.id]);
    expect((await listQuarantined(db)).entries.map((e) => [e.docId, e.reason])).toEqual([
      [
        'with-a-ghost',
        'participantIds: It refers to person “ghost”, which is neither in the backup nor in this journal.',
      ],
    ]);
  });
});
