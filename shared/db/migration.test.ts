import { IDBFactory } from 'fake-indexeddb';
import { createRxDatabase, type RxCollection } from 'rxdb';
import { wrappedValidateKithStorage } from './validator';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type KithDatabase } from './index';
import { peopleSchemaV0, type PersonV0 } from './schemas/history/people-v0';
import { fakeStorage, uniqueName } from './testing';

let db: KithDatabase | undefined;
afterEach(async () => {
  await db?.close();
});

function v0Person(id: string, name: string, email: string, phone: string, createdAt: number): PersonV0 {
  const stamp = `${String(createdAt).padStart(15, '0')}@old-device`;
  return {
    id,
    createdAt,
    updatedAt: createdAt,
    fieldTimes: { name: stamp, email: stamp, phone: stamp, notes: stamp },
    name,
    organisation: 'Acme',
    role: '',
    email,
    phone,
    links: ['https://example.org/' + id],
    tags: ['old'],
    introducedById: '',
    howWeMet: 'At the first meetup',
    notes: `Notes about ${name}`,
    cadenceDays: 30,
    wantToReach: id === 'p2',
    isOwner: false,
    archived: false,
    communityIds: [],
  };
}

describe('people schema migration v0 → v1', () => {
  it('reopens a database written by the first version with every person intact and migrated', async () => {
    const indexedDB = new IDBFactory();
    const name = uniqueName('kith-migration');
    const old = [
      v0Person('p1', 'Ada', 'ada@example.org', '+44 1', 1_700_000_000_000),
      v0Person('p2', 'Bob', '', '', 1_700_000_100_000),
      v0Person('p3', 'Carol', '  carol@example.org ', '555', 1_700_000_200_000),
    ];

    // The first release: only a people collection, at version 0.
    const first = await createRxDatabase<{ people: RxCollection<PersonV0> }>({
      name,
      storage: wrappedValidateKithStorage({ storage: fakeStorage(indexedDB) }),
      multiInstance: false,
    });
    await first.addCollections({ people: { schema: peopleSchemaV0 } });
    await first.people.bulkInsert(old);
    await first.close();

    db = await openDatabase({
      storage: fakeStorage(indexedDB),
      name,
      multiInstance: false,
      deviceId: 'new-device',
    });
    const people = (await db.people.find({ sort: [{ id: 'asc' }] }).exec()).map((d) => d.toMutableJSON());

    expect(people.filter((p) => !p.isOwner)).toEqual(
      old.map(({ email, phone, fieldTimes, ...rest }) => ({
        ...rest,
        aliases: [],
        emails: email.trim() ? [email.trim()] : [],
        phones: phone ? [phone] : [],
        fieldTimes: {
          name: fieldTimes.name,
          notes: fieldTimes.notes,
          emails: fieldTimes.email,
          phones: fieldTimes.phone,
          aliases: `${String(rest.createdAt).padStart(15, '0')}@migration`,
        },
      })),
    );
    // The owner did not exist in v0; the current code adds it.
    expect(people.find((p) => p.isOwner)?.name).toBe('Me');
    // Indexes of the new version work on migrated data.
    expect((await db.people.find({ selector: { name: 'Carol' } }).exec()).map((d) => d.id)).toEqual(['p3']);
  });
});
