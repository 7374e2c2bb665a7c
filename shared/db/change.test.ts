import { afterEach, describe, expect, it } from 'vitest';
import { applyWrites } from './change';
import { createPerson, deletePerson, getOwner, undoChange, type KithDatabase } from './index';
import { openTestDatabase, snapshot } from './testing';

let db: KithDatabase;
afterEach(async () => {
  await db?.close();
});

describe('writing a change', () => {
  it('puts back what it wrote when a later write fails, so nothing is half-saved', async () => {
    db = await openTestDatabase();
    const { person: ada } = await createPerson(db, { name: 'Ada' });
    const before = await snapshot(db);
    const owner = await getOwner(db);

    // The second document breaks the stored schema (the storage validator refuses it) after the
    // first write (a rename) and a creation have gone through.
    const bad = { ...ada, id: 'bad', cadenceDays: -5 };
    await expect(
      applyWrites(db, [
        { collection: 'people', id: ada.id, target: { ...ada, name: 'Ada Lovelace' } },
        { collection: 'people', id: 'new', target: { ...owner, id: 'new', isOwner: false, name: 'Grace' } },
        { collection: 'people', id: 'bad', target: bad },
      ]),
    ).rejects.toThrow();

    expect(await snapshot(db)).toEqual(before);
  });

  it('re-inserts a document whose id was removed (undo of a delete)', async () => {
    db = await openTestDatabase();
    const { person } = await createPerson(db, { name: 'Ada', tags: ['maths'] });
    const change = await deletePerson(db, person.id);
    expect(await db.people.findOne(person.id).exec()).toBeNull();
    await undoChange(db, change);
    const back = await db.people.findOne(person.id).exec();
    expect(back?.toMutableJSON()).toMatchObject({
      name: 'Ada',
      tags: ['maths'],
      createdAt: person.createdAt,
    });
  });
});
