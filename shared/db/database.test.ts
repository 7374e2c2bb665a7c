import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { createPerson, getOwner, openDatabase, type KithDatabase } from './index';
import { fakeStorage, openTestDatabase, uniqueName } from './testing';

let db: KithDatabase | undefined;
afterEach(async () => {
  await db?.close();
  db = undefined;
});

describe('openDatabase', () => {
  it('creates the six collections and the owner', async () => {
    db = await openTestDatabase();
    expect(Object.keys(db.collections).sort()).toEqual([
      'communities',
      'encounters',
      'followups',
      'people',
      'settings',
      'ties',
    ]);
    expect(await getOwner(db)).toMatchObject({ id: 'owner', name: 'Me', isOwner: true });
  });

  it('keeps data, the owner and the device id across a restart', async () => {
    const indexedDB = new IDBFactory();
    const name = uniqueName();
    db = await openDatabase({ storage: fakeStorage(indexedDB), name, multiInstance: false });
    const { person } = await createPerson(db, { name: 'Ada' });
    const device = person.fieldTimes.name!.split('@')[1];
    expect(device).toMatch(/^[0-9a-f-]{36}$/);
    await db.close();

    db = await openDatabase({ storage: fakeStorage(indexedDB), name, multiInstance: false });
    expect((await db.people.findOne(person.id).exec())?.toMutableJSON()).toEqual(person);
    expect(await db.people.count({ selector: { isOwner: true } }).exec()).toBe(1);
    const { person: bob } = await createPerson(db, { name: 'Bob' });
    expect(bob.fieldTimes.name!.split('@')[1]).toBe(device);
  });

  it('refuses documents that break the schema even when they bypass our validation', async () => {
    db = await openTestDatabase();
    const owner = await getOwner(db);
    await expect(db.people.insert({ ...owner, id: 'x', isOwner: false, cadenceDays: -1 })).rejects.toThrow();
  });
});
