import { afterEach, describe, expect, it } from 'vitest';
import { createPerson, recordEncounter, undoChange, updatePerson, type KithDatabase } from '../db';
import { listQuarantined, quarantinedRaw } from '../db/quarantine';
import { fullSnapshot, openTestDatabase } from '../db/testing';
import { commitImport, ImportCommitError } from './commit';
import { previewImport } from './preview';
import { summarisePreview } from './resolve';
import { contact, event, parsedContacts } from './testing';

let db: KithDatabase;
afterEach(async () => {
  await db?.close();
});

async function people() {
  return (await db.people.find({ sort: [{ name: 'asc' }] }).exec())
    .map((d) => d.toMutableJSON())
    .filter((p) => !p.isOwner);
}

describe('import preview', () => {
  it('finds duplicates by email, phone and similar name, in the journal and in the file, and writes nothing', async () => {
    db = await openTestDatabase();
    const { person: ada } = await createPerson(db, { name: 'Ada Lovelace', emails: ['Ada@Example.org'] });
    const { person: bob } = await createPerson(db, { name: 'Bob Stone', phones: ['+44 20 7946 0000'] });
    const { person: john } = await createPerson(db, { name: 'John Smith' });
    const before = await fullSnapshot(db);

    const preview = await previewImport(
      db,
      parsedContacts([
        contact(1, { name: 'Augusta Ada King', emails: ['ada@example.ORG'] }),
        contact(2, { name: 'Robert Stone', phones: ['020 7946 0000'] }),
        contact(3, { name: 'Smith, John' }),
        contact(4, { name: 'Carol New', emails: ['carol@example.org'] }),
        contact(5, { name: 'Carol N.', emails: ['CAROL@example.org'] }),
      ]),
    );

    expect(await fullSnapshot(db)).toEqual(before);
    const [r1, r2, r3, r4, r5] = preview.people;
    expect(r1?.matches).toEqual([
      { target: { kind: 'person', id: ada.id }, name: 'Ada Lovelace', reasons: ['same-email'] },
    ]);
    expect(r1?.choice).toEqual({ action: 'merge', into: { kind: 'person', id: ada.id } });
    expect(r2?.choice).toEqual({ action: 'merge', into: { kind: 'person', id: bob.id } });
    // A similar name alone is only offered, never merged by default.
    expect(r3?.matches[0]).toMatchObject({
      target: { kind: 'person', id: john.id },
      reasons: ['similar-name'],
    });
    expect(r3?.choice).toEqual({ action: 'create' });
    expect(r4?.choice).toEqual({ action: 'create' });
    expect(r5?.choice).toEqual({ action: 'merge', into: { kind: 'row', key: 'p4' } });
    expect(summarisePreview(preview)).toMatchObject({ create: 2, update: 2, merge: 1, skip: 0 });
    expect(
      summarisePreview(preview, { p3: { action: 'merge', into: { kind: 'person', id: john.id } } }),
    ).toMatchObject({
      create: 1,
      update: 3,
    });
  });

  it('leaves out bad values with a warning and refuses a contact without a name', async () => {
    db = await openTestDatabase();
    const preview = await previewImport(
      db,
      parsedContacts([
        contact(1, { name: 'Dee', emails: ['not an email', 'dee@example.org'], birthday: '1990-02-30' }),
        contact(2, { name: '   ' }),
      ]),
    );
    const [dee, nameless] = preview.people;
    expect(dee?.fields).toMatchObject({ emails: ['dee@example.org'], birthday: '' });
    expect(dee?.warnings.join(' ')).toMatch(/Email “not an email”.*Birthday/);
    expect(nameless).toMatchObject({
      fields: null,
      problem: 'A person needs a name.',
      choice: { action: 'skip' },
    });
  });
});

describe('import commit', () => {
  it('creates, updates without overwriting, merges rows of one file, and undoes as one change', async () => {
    db = await openTestDatabase();
    const { person: ada } = await createPerson(db, {
      name: 'Ada Lovelace',
      emails: ['ada@example.org'],
      role: 'Analyst',
    });
    const before = await fullSnapshot(db);
    const preview = await previewImport(
      db,
      parsedContacts([
        contact(1, {
          name: 'Augusta Ada King',
          emails: ['ADA@example.org', 'ada@home.example'],
          role: 'Countess',
          organisation: 'Analytical Society',
          birthday: '--12-10',
        }),
        contact(2, { name: 'Carol New', emails: ['carol@example.org'], addresses: ['1 High St, Leeds'] }),
        contact(3, {
          name: 'Carol N.',
          emails: ['carol@example.org'],
          phones: ['+1 555 0100 200'],
          notes: 'Met at the fair',
        }),
        contact(4, { name: 'Skipped Person' }),
      ]),
    );
    const progress: string[] = [];
    const result = await commitImport(
      db,
      preview,
      { p4: { action: 'skip' } },
      { onProgress: (p) => progress.push(p.phase) },
    );

    expect(result).toMatchObject({ created: 1, updated: 1, encounters: 0 });
    expect(progress).toContain('writing');
    const [updatedAda, carol] = await people();
    expect(updatedAda).toMatchObject({
      id: ada.id,
      name: 'Ada Lovelace',
      role: 'Analyst',
      organisation: 'Analytical Society',
      aliases: ['Augusta Ada King'],
      emails: ['ada@example.org', 'ada@home.example'],
      birthday: '--12-10',
    });
    expect(carol).toMatchObject({
      name: 'Carol New',
      aliases: ['Carol N.'],
      emails: ['carol@example.org'],
      phones: ['+1 555 0100 200'],
      addresses: ['1 High St, Leeds'],
      notes: 'Met at the fair',
    });

    await undoChange(db, result.change);
    const after = await fullSnapshot(db);
    // Undo restamps what it restores (sync must see the undo as an edit), so compare content.
    const strip = (docs: object[]) => docs.map((d) => ({ ...d, updatedAt: 0, fieldTimes: {} }));
    expect(strip(after.people)).toEqual(strip(before.people));
  });

  it('turns calendar events into encounters with attendees matched by email, new attendees created', async () => {
    db = await openTestDatabase();
    await updatePerson(db, 'owner', { emails: ['me@example.org'] });
    const { person: ada } = await createPerson(db, { name: 'Ada Lovelace', emails: ['ada@example.org'] });
    const { person: bob } = await createPerson(db, { name: 'Bob Stone' });
    await recordEncounter(db, {
      date: '2026-03-11',
      time: '09:00',
      title: 'Standup',
      participantIds: [bob.id],
    });

    const preview = await previewImport(db, {
      format: 'ics',
      people: [],
      problems: [],
      encounters: [
        event(1, {
          title: 'Design review',
          place: 'https://meet.google.com/abc-defg-hij',
          attendees: [
            { name: 'Me', email: 'ME@example.org' },
            { name: 'Ada', email: 'ada@example.org' },
            { name: 'Dan Newman', email: 'dan@example.org' },
          ],
        }),
        event(2, {
          day: '2026-03-12',
          attendees: [
            { name: 'Dan Newman', email: 'dan@example.org' },
            { name: 'Bob Stone', email: '' },
          ],
        }),
        event(3, {
          day: '2026-03-11',
          time: '09:00',
          title: 'Standup',
          attendees: [{ name: 'Bob Stone', email: '' }],
        }),
        event(4, { title: 'Dentist', attendees: [] }),
      ],
    });
    expect(preview.people.map((r) => r.key)).toEqual(['attendee:dan@example.org']);
    expect(preview.encounters.map((e) => e.choice.action)).toEqual(['create', 'create', 'skip', 'skip']);
    expect(preview.encounters[2]?.duplicateOf).not.toBe('');
    expect(preview.encounters[3]?.problem).toMatch(/No attendee other than you/);

    const result = await commitImport(db, preview);
    expect(result).toMatchObject({ created: 1, encounters: 2 });
    const dan = (await people()).find((p) => p.name === 'Dan Newman');
    expect(dan?.emails).toEqual(['dan@example.org']);
    const review = (
      await db.encounters.find({ selector: { title: 'Design review' } }).exec()
    )[0]?.toMutableJSON();
    expect(review).toMatchObject({
      date: '2026-03-10',
      time: '10:00',
      durationMinutes: 60,
      channel: 'video',
    });
    expect(new Set(review?.participantIds)).toEqual(new Set([ada.id, dan?.id]));
    const second = (
      await db.encounters.find({ selector: { date: '2026-03-12' } }).exec()
    )[0]?.toMutableJSON();
    expect(new Set(second?.participantIds)).toEqual(new Set([dan?.id, bob.id]));
  });

  it('writes nothing when a merged person would break a limit, naming the file and record', async () => {
    db = await openTestDatabase();
    await createPerson(db, {
      name: 'Many Mails',
      emails: Array.from({ length: 100 }, (_, i) => `m${i}@example.org`),
    });
    const before = await fullSnapshot(db);
    const preview = await previewImport(
      db,
      parsedContacts([
        contact(1, { name: 'Fine' }),
        contact(7, { name: 'Many', emails: ['m0@example.org', 'extra@example.org'] }),
      ]),
    );
    const error = await commitImport(db, preview).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportCommitError);
    expect((error as ImportCommitError).message).toMatch(
      /contacts\.vcf, record 7: Emails can hold at most 100 entries/,
    );
    expect(await fullSnapshot(db)).toEqual(before);
  });

  it('sets aside what the journal’s own rules would refuse, named by its row, and imports the rest', async () => {
    db = await openTestDatabase();
    const { person: ada } = await createPerson(db, { name: 'Ada', emails: ['ada@example.org'] });
    // Damaged on this device (an old bug, a bad sector): the edit time of her role is not a stamp. The
    // schema lets it through; the rules every document from outside must pass do not.
    await db.people.upsert({ ...ada, fieldTimes: { ...ada.fieldTimes, role: 'yesterday' } });
    const adaBefore = (await db.people.findOne(ada.id).exec())!.toMutableJSON();
    const preview = await previewImport(
      db,
      parsedContacts([
        contact(1, { name: 'New Person' }),
        contact(2, { name: 'Ada', emails: ['ada@example.org'], organisation: 'Engines' }),
      ]),
    );
    const result = await commitImport(db, preview);
    expect(result).toMatchObject({ created: 1, updated: 0, setAside: 1 });
    expect(result.setAsideError).toBeUndefined();
    expect((await people()).map((p) => p.name)).toEqual(['Ada', 'New Person']);
    expect((await db.people.findOne(ada.id).exec())!.toMutableJSON()).toEqual(adaBefore);

    const { entries } = await listQuarantined(db);
    expect(entries).toEqual([
      expect.objectContaining({
        source: 'import',
        collection: 'people',
        docId: ada.id,
        reason: 'fieldTimes.role: The edit time of “role” is damaged.',
        origin: 'contacts.vcf, record 2',
      }),
    ]);
    // What it would have written is kept for “Save a copy”.
    expect(JSON.parse((await quarantinedRaw(db, entries[0]!.key))!)).toMatchObject({
      organisation: 'Engines',
    });
    // The undo takes back only what was written.
    await undoChange(db, result.change);
    expect((await people()).map((p) => p.name)).toEqual(['Ada']);
  });

  it('undoes an import of thousands of contacts in one step', async () => {
    db = await openTestDatabase();
    const before = await fullSnapshot(db);
    const candidates = Array.from({ length: 3_000 }, (_, i) =>
      contact(i + 1, { emails: [`c${i}@example.org`] }),
    );
    const { change, created } = await commitImport(db, await previewImport(db, parsedContacts(candidates)));
    expect(created).toBe(3_000);
    expect(await db.people.count().exec()).toBe(3_001);
    await undoChange(db, change);
    expect(await fullSnapshot(db)).toEqual(before);
  });

  it('leaves the journal exactly as it was when a write fails in the middle of the commit', async () => {
    db = await openTestDatabase();
    const { person: ada } = await createPerson(db, { name: 'Ada Lovelace', emails: ['ada@example.org'] });
    const before = await fullSnapshot(db);
    const candidates = Array.from({ length: 5_000 }, (_, i) =>
      contact(i + 1, { emails: [`c${i}@example.org`] }),
    );
    candidates.push(contact(5_001, { name: 'Ada', emails: ['ada@example.org'], role: 'Countess' }));
    const preview = await previewImport(db, parsedContacts(candidates));
    expect(preview.people[5_000]?.choice).toEqual({ action: 'merge', into: { kind: 'person', id: ada.id } });

    let inserted = 0;
    // The storage refusing the 3,001st new person: two chunks are written by then.
    db.people.preInsert(() => {
      inserted++;
      if (inserted === 3_001) throw new Error('disk full');
    }, false);
    await expect(commitImport(db, preview)).rejects.toThrow('disk full');
    expect(await fullSnapshot(db)).toEqual(before);
  });
});
