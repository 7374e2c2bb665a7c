import { afterEach, describe, expect, it } from 'vitest';
import { ValidationError } from '../domain/validation';
import {
  createFollowUp,
  createPerson,
  createTie,
  deletePerson,
  OWNER_ID,
  recordEncounter,
  redoChange,
  setArchived,
  undoChange,
  updatePerson,
  type KithDatabase,
} from './index';
import { openTestDatabase, snapshot } from './testing';

let db: KithDatabase;
afterEach(async () => {
  await db?.close();
});

describe('people', () => {
  it('creates a person with defaults, timestamps and a stamp on every field', async () => {
    db = await openTestDatabase();
    const { person, change } = await createPerson(db, {
      name: '  Ada Lovelace ',
      emails: ['ada@example.org'],
    });
    expect(person).toMatchObject({ name: 'Ada Lovelace', aliases: [], cadenceDays: 0, isOwner: false });
    expect(person.createdAt).toBe(person.updatedAt);
    expect(Object.keys(person.fieldTimes).sort()).toEqual(
      Object.keys(person)
        .filter((k) => !['id', 'createdAt', 'updatedAt', 'fieldTimes'].includes(k))
        .sort(),
    );
    expect(Object.values(person.fieldTimes)[0]).toMatch(/^\d{15}@test-device$/);
    expect(change.entries).toEqual([{ collection: 'people', id: person.id, before: null, after: person }]);
    expect((await db.people.findOne(person.id).exec())?.toMutableJSON()).toEqual(person);
  });

  it('restamps only the fields an update changed', async () => {
    db = await openTestDatabase();
    const { person } = await createPerson(db, { name: 'Ada', role: 'Analyst' });
    const { person: edited } = await updatePerson(db, person.id, { role: 'Engineer', name: 'Ada' });
    expect(edited.role).toBe('Engineer');
    expect(edited.fieldTimes.role! > person.fieldTimes.role!).toBe(true);
    expect(edited.fieldTimes.name).toBe(person.fieldTimes.name);
    expect(edited.updatedAt).toBeGreaterThan(person.updatedAt);
    expect(edited.createdAt).toBe(person.createdAt);
  });

  it('refuses bad input with a ValidationError and writes nothing', async () => {
    db = await openTestDatabase();
    const before = await snapshot(db);
    await expect(createPerson(db, { name: '', emails: ['nope'] })).rejects.toThrow(ValidationError);
    await expect(createPerson(db, { name: 'Ada', introducedById: 'ghost' })).rejects.toThrow(
      'Introduced by: there is no person with id “ghost”.',
    );
    expect(await snapshot(db)).toEqual(before);
  });

  it('archives and unarchives, undoably', async () => {
    db = await openTestDatabase();
    const { person } = await createPerson(db, { name: 'Ada' });
    const change = await setArchived(db, person.id, true);
    expect((await db.people.findOne(person.id).exec())?.archived).toBe(true);
    await undoChange(db, change);
    expect((await db.people.findOne(person.id).exec())?.archived).toBe(false);
  });

  it('refuses to delete the owner', async () => {
    db = await openTestDatabase();
    await expect(deletePerson(db, OWNER_ID)).rejects.toThrow('You cannot delete yourself');
    expect(await db.people.findOne(OWNER_ID).exec()).not.toBeNull();
  });

  it('delete removes the person everywhere; undo brings every document back exactly; redo removes it again', async () => {
    db = await openTestDatabase();
    const { person: ada } = await createPerson(db, { name: 'Ada' });
    const { person: bob } = await createPerson(db, { name: 'Bob', introducedById: ada.id });
    const { encounter: both } = await recordEncounter(db, {
      date: '2026-03-01',
      participantIds: [ada.id, bob.id],
      initiatorId: ada.id,
    });
    const { encounter: alone } = await recordEncounter(db, { date: '2026-03-02', participantIds: [ada.id] });
    await createTie(db, { aId: ada.id, bId: bob.id, kind: 'friend' });
    await createFollowUp(db, { text: 'Send Ada the paper', personId: ada.id });
    await createFollowUp(db, { text: 'Notes from the solo chat', encounterId: alone.id });
    const before = await snapshot(db);

    const change = await deletePerson(db, ada.id);
    const after = await snapshot(db);
    expect(after.people!.map((p) => (p as { name: string }).name).sort()).toEqual(['Bob', 'Me']);
    expect(
      (after.people!.find((p) => (p as { id: string }).id === bob.id) as { introducedById: string })
        .introducedById,
    ).toBe('');
    expect(after.encounters).toEqual([
      expect.objectContaining({ id: both.id, participantIds: [bob.id], initiatorId: '' }),
    ]);
    expect(after.ties).toEqual([]);
    expect(after.followups).toEqual([]);

    await undoChange(db, change);
    expect(await snapshot(db)).toEqual(before);

    await redoChange(db, change);
    expect(await snapshot(db)).toEqual(after);
  });

  it('undo restamps restored fields so the restored values win a later field-by-field merge', async () => {
    db = await openTestDatabase();
    const { person } = await createPerson(db, { name: 'Ada', role: 'Analyst' });
    const { person: edited, change } = await updatePerson(db, person.id, { role: 'Engineer' });
    await undoChange(db, change);
    const restored = (await db.people.findOne(person.id).exec())!.toMutableJSON();
    expect(restored.role).toBe('Analyst');
    expect(restored.fieldTimes.role! > edited.fieldTimes.role!).toBe(true);
    expect(restored.fieldTimes.name).toBe(edited.fieldTimes.name);
  });
});
