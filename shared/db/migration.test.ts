import { IDBFactory } from 'fake-indexeddb';
import { createRxDatabase, type RxCollection } from 'rxdb';
import { wrappedValidateKithStorage } from './validator';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type KithDatabase } from './index';
import type { Person } from '../domain/entities';
import { peopleSchemaV0, type PersonV0 } from './schemas/history/people-v0';
import { peopleSchemaV1, type PersonV1 } from './schemas/history/people-v1';
import { updatePerson } from './people';
import { fakeStorage, uniqueName } from './testing';

let db: KithDatabase | undefined;
afterEach(async () => {
  await db?.close();
});

/**
 * Opens, with this version of Kith, the journal an older version left in `indexedDB`, and reads its
 * people (the database is closed after the test).
 */
async function openUpgraded(
  indexedDB: InstanceType<typeof IDBFactory>,
  name: string,
): Promise<{ journal: KithDatabase; people: Person[] }> {
  const journal = await openDatabase({
    storage: fakeStorage(indexedDB),
    name,
    multiInstance: false,
    deviceId: 'new-device',
  });
  db = journal;
  const people = (await journal.people.find({ sort: [{ id: 'asc' }] }).exec()).map((d) => d.toMutableJSON());
  return { journal, people };
}

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

    const { journal, people } = await openUpgraded(indexedDB, name);

    expect(people.filter((p) => !p.isOwner)).toEqual(
      old.map(({ email, phone, fieldTimes, ...rest }) => ({
        ...rest,
        aliases: [],
        emails: email.trim() ? [email.trim()] : [],
        phones: phone ? [phone] : [],
        // v2's fields, added blank by the next step of the same migration.
        addresses: [],
        birthday: '',
        photo: '',
        fieldTimes: {
          name: fieldTimes.name,
          notes: fieldTimes.notes,
          emails: fieldTimes.email,
          phones: fieldTimes.phone,
          aliases: `${String(rest.createdAt).padStart(15, '0')}@migration`,
          addresses: `${String(rest.createdAt).padStart(15, '0')}@migration`,
          birthday: `${String(rest.createdAt).padStart(15, '0')}@migration`,
          photo: `${String(rest.createdAt).padStart(15, '0')}@migration`,
        },
      })),
    );
    // The owner did not exist in v0; the current code adds it.
    expect(people.find((p) => p.isOwner)?.name).toBe('Me');
    // Indexes of the new version work on migrated data.
    expect((await journal.people.find({ selector: { name: 'Carol' } }).exec()).map((d) => d.id)).toEqual([
      'p3',
    ]);
  });
});

function v1Person(id: string, name: string, createdAt: number): PersonV1 {
  const stamp = `${String(createdAt).padStart(15, '0')}@v1-device`;
  return {
    id,
    createdAt,
    updatedAt: createdAt + 5,
    fieldTimes: { name: stamp, emails: stamp, aliases: stamp },
    name,
    aliases: [`${name} the elder`],
    organisation: 'Acme',
    role: 'Engineer',
    emails: [`${id}@example.org`, `${id}@home.example`],
    phones: ['+44 20 7946 0000'],
    links: [],
    tags: ['v1'],
    introducedById: '',
    howWeMet: 'Conference',
    notes: `Notes about ${name}`,
    cadenceDays: 14,
    wantToReach: false,
    isOwner: false,
    archived: id === 'q2',
    communityIds: [],
  };
}

describe('people schema migration v1 → v2', () => {
  it('reopens a version-1 database with every person intact and blank addresses, birthday and photo', async () => {
    const indexedDB = new IDBFactory();
    const name = uniqueName('kith-migration-v1');
    const old = [v1Person('q1', 'Dora', 1_710_000_000_000), v1Person('q2', 'Eve', 1_710_000_500_000)];

    const previous = await createRxDatabase<{ people: RxCollection<PersonV1> }>({
      name,
      storage: wrappedValidateKithStorage({ storage: fakeStorage(indexedDB) }),
      multiInstance: false,
    });
    // RxDB wants a strategy per version step even for a fresh collection; v1 had v0's, never run here.
    await previous.addCollections({
      people: { schema: peopleSchemaV1, migrationStrategies: { 1: (d: PersonV1) => d } },
    });
    await previous.people.bulkInsert(old);
    await previous.close();

    const { journal, people } = await openUpgraded(indexedDB, name);
    const origin = (p: PersonV1) => `${String(p.createdAt).padStart(15, '0')}@migration`;
    expect(people.filter((p) => !p.isOwner)).toEqual(
      old.map((p) => ({
        ...p,
        addresses: [],
        birthday: '',
        photo: '',
        fieldTimes: { ...p.fieldTimes, addresses: origin(p), birthday: origin(p), photo: origin(p) },
      })),
    );
    // A migrated person takes the new fields like any other.
    const { person } = await updatePerson(journal, 'q1', {
      birthday: '--04-12',
      addresses: ['1 High St, Leeds'],
    });
    expect(person).toMatchObject({
      birthday: '--04-12',
      addresses: ['1 High St, Leeds'],
      emails: old[0]?.emails,
    });
  });
});
