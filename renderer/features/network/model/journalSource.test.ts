import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createCommunity,
  createPerson,
  createTie,
  deletePerson,
  openDatabase,
  recordEncounter,
  setArchived,
  type KithDatabase,
} from '../../../../shared/db';
import { fakeStorage, uniqueName } from '../../../../shared/db/testing';
import { dexieSource } from './dexieSource';
import { readJournal, readPersonIds, type JournalSource } from './journalSource';
import { slimEncounter, slimPerson, slimTie } from './slim';

let db: KithDatabase | undefined;

/** Where the app's provider tells the worker to read: the journal here is on the Dexie storage too. */
function sourceOf(database: KithDatabase): JournalSource {
  const source = dexieSource(database);
  if (!source) throw new Error('The test journal is not kept by the Dexie storage.');
  return source;
}
afterEach(async () => {
  await db?.remove();
  db = undefined;
});

const plain = <T>(docs: { toJSON(): unknown }[]) => docs.map((d) => d.toJSON() as T);
const byId = <T extends { id: string }>(list: T[]) => [...list].sort((a, b) => (a.id < b.id ? -1 : 1));

describe('readJournal (the network worker reads the journal from storage itself)', () => {
  it('reads what RxDB reads, slimmed, without deleted documents or storage fields', async () => {
    const indexedDB = new IDBFactory();
    db = await openDatabase({
      storage: fakeStorage(indexedDB),
      name: uniqueName(),
      multiInstance: false,
      deviceId: 'test-device',
    });
    const { community } = await createCommunity(db, { name: 'Riverside Runners' });
    const ana = (await createPerson(db, { name: 'Ana', notes: 'a long note', communityIds: [community.id] }))
      .person;
    const ben = (await createPerson(db, { name: 'Ben' })).person;
    const gone = (await createPerson(db, { name: 'Gone' })).person;
    await setArchived(db, ben.id, true);
    await createTie(db, { aId: ana.id, bId: ben.id, kind: 'friend', notes: 'met at the club' });
    await recordEncounter(db, {
      date: '2025-03-01',
      participantIds: [ana.id, ben.id],
      communityId: community.id,
      notes: 'ran by the river',
    });
    await deletePerson(db, gone.id);

    const read = (await readJournal(sourceOf(db), undefined, indexedDB)) as Required<
      Awaited<ReturnType<typeof readJournal>>
    >;

    const people = plain<Parameters<typeof slimPerson>[0]>(await db.people.find().exec());
    expect(people.map((p) => p.name).sort()).toEqual(['Ana', 'Ben', 'Me']);
    expect(byId(read.people)).toEqual(byId(people.map(slimPerson)));
    expect(read.people.find((p) => p.id === ben.id)?.archived).toBe(true);
    expect(read.people.find((p) => p.id === ana.id)?.notes).toBe('');
    const encounters = plain<Parameters<typeof slimEncounter>[0]>(await db.encounters.find().exec());
    expect(read.encounters).toEqual(encounters.map(slimEncounter));
    expect(read.ties).toEqual(plain<Parameters<typeof slimTie>[0]>(await db.ties.find().exec()).map(slimTie));
    expect(read.communities).toEqual(plain(await db.communities.find().exec()));
    expect([...(await readPersonIds(sourceOf(db), indexedDB, IDBKeyRange))].sort()).toEqual(
      people.map((p) => p.id).sort(),
    );
    for (const doc of [...read.people, ...read.encounters, ...read.ties, ...read.communities])
      expect(Object.keys(doc).filter((k) => k.startsWith('_'))).toEqual([]);
  });

  it('fails, and leaves no database behind, when a collection was never stored', async () => {
    const indexedDB = new IDBFactory();
    const missing = { database: 'rxdb-dexie-nobody--0--ties', booleans: ['_deleted'] };
    await expect(
      readJournal(
        { people: missing, encounters: missing, ties: missing, communities: missing },
        undefined,
        indexedDB,
      ),
    ).rejects.toThrow();
    expect(await indexedDB.databases()).toEqual([]);
  });
});
