import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { encounter, on, OWNER, person } from '../../../../shared/network/testing';
import type { Person } from '../../../../shared/domain/entities';
import type { JournalSource } from './journalSource';
import { clearSnapshots, loadSnapshot, saveSnapshot, snapshotForJournal, type MapSnapshot } from './snapshot';
import { driveCore, isBuilt, isLayout } from './testing';
import type { WorkerStorage } from './workerCore';
import type { FromWorker, ToWorker } from './protocol';
import { NetworkClient } from './client';

const people = [
  person(OWNER, { name: 'Me' }),
  person('ana', { name: 'Ana' }),
  person('ben', { name: 'Ben' }),
];
const encounters = [0, 30, 60, 90].map((d) => encounter(d, ['ana', 'ben']));
const TODAY = on(200);
const where = (database: string) => ({ database, booleans: ['_deleted'] });
const SOURCE: JournalSource = {
  people: where('rxdb-dexie-kith--2--people'),
  encounters: where('rxdb-dexie-kith--0--encounters'),
  ties: where('rxdb-dexie-kith--0--ties'),
  communities: where('rxdb-dexie-kith--0--communities'),
};
const JOURNAL = SOURCE.people.database;

/** The browser's storage as the worker sees it: the journal as it is now, and the kept maps. */
function storageWith(journal: { people: Person[] }) {
  const kept = new Map<string, MapSnapshot>();
  const storage: WorkerStorage = {
    readPersonIds: async () => new Set(journal.people.map((p) => p.id)),
    // The page sends the rest (see open): here, as in the app, the worker reads only the ties.
    readJournal: async (_source, collections) => (collections.includes('ties') ? { ties: [] } : {}),
    loadSnapshot: async (key) => kept.get(key) ?? null,
    saveSnapshot: async (snapshot) => void kept.set(snapshot.journal, snapshot),
  };
  return { storage, kept };
}

async function until(check: () => boolean) {
  while (!check()) await new Promise((resolve) => setTimeout(resolve, 5));
}

/** Opens the map in a new worker (a new page or app) reading from `storage`; resolves once settled fresh. */
async function open(storage: WorkerStorage, journal: { people: Person[] } = { people }) {
  const core = driveCore({ storage });
  sendJournal(core.send, 1, journal.people);
  await core.next((m): m is FromWorker => isLayout(m) && m.settled && !m.stale);
  return core.messages;
}

/** What the page sends: everyone and the encounters in a chunk, the ties to be read by the worker. */
function sendJournal(send: (message: ToWorker) => void, generation: number, everyone: Person[]) {
  send({ type: 'journal-begin', generation });
  send({ type: 'journal-read', generation, source: SOURCE, collections: ['ties'] });
  send({ type: 'journal-chunk', generation, chunk: { people: everyone, encounters } });
  send({ type: 'journal-end', generation, today: TODAY, day: TODAY });
}

describe('the map kept between openings', () => {
  it('keeps the settled map of today, and shows it first on the next opening, marked stale, then the fresh one', async () => {
    const { storage, kept } = storageWith({ people });
    const first = await open(storage);
    expect(first.filter(isBuilt).map((b) => b.staleSince)).toEqual([undefined]);
    await until(() => kept.has(JOURNAL));
    const snapshot = kept.get(JOURNAL) as MapSnapshot;
    expect(snapshot.day).toBe(TODAY);
    expect(snapshot.built.nodes.map((n) => n.name).sort()).toEqual(['Ana', 'Ben', 'Me']);
    const settled = first.filter(isLayout).find((l) => l.settled);
    expect(snapshot.positions).toHaveLength(settled?.positions.length ?? -1);

    const again = await open(storage);
    const builds = again.filter(isBuilt);
    expect(builds.map((b) => b.staleSince)).toEqual([snapshot.savedAt, undefined]);
    // The kept picture comes whole, before any fresh message: facts, then settled places.
    const keptLayout = again.findIndex((m) => isLayout(m) && m.stale === true);
    expect(keptLayout).toBeGreaterThan(again.indexOf(builds[0] as FromWorker));
    expect(keptLayout).toBeLessThan(again.indexOf(builds[1] as FromWorker));
    expect(again.some((m) => m.type === 'analysis' && m.day === TODAY)).toBe(true);
  });

  it('never shows a kept map with someone deleted since: the map is then built as on a first opening', async () => {
    const journal = { people };
    const { storage, kept } = storageWith(journal);
    await open(storage);
    await until(() => kept.has(JOURNAL));
    journal.people = people.filter((p) => p.id !== 'ben');
    const again = await open(storage, journal);
    expect(again.filter(isBuilt).map((b) => b.staleSince)).toEqual([undefined]);
    expect(again.filter(isBuilt)[0]?.nodes.map((n) => n.name)).not.toContain('Ben');
  });

  it('says so when it cannot read the journal itself (the page then sends it)', async () => {
    const { storage } = storageWith({ people });
    const core = driveCore({
      storage: { ...storage, readJournal: () => Promise.reject(new Error('no storage')) },
    });
    sendJournal(core.send, 3, people);
    const failed = await core.next((m): m is FromWorker => m.type === 'read-failed');
    expect(failed).toMatchObject({ generation: 3, message: 'no storage' });
  });
});

describe('the page while the kept map shows', () => {
  it('shows the kept map at once as stale, keeps it whole until the fresh model has its analysis, then replaces it', async () => {
    const { storage, kept } = storageWith({ people });
    await open(storage);
    await until(() => kept.has(JOURNAL));
    const messages = await open(storage);
    let deliver: (message: FromWorker) => void = () => {};
    const client = new NetworkClient(
      () => ({ post: () => {}, listen: (l) => void (deliver = l), terminate: () => {} }),
      TODAY,
    );
    client.setJournal({ people, encounters }, TODAY, undefined, { source: SOURCE, collections: ['ties'] });
    const seen: { stale: boolean; named: number }[] = [];
    for (const message of messages) {
      deliver(message);
      const state = client.getSnapshot();
      if (state.analysedDay === null) continue;
      seen.push({ stale: state.staleSince !== null, named: state.nodes.filter((n) => n.visible).length });
    }
    // From the first picture on, the map always has its people: stale first, then fresh.
    expect(seen[0]).toEqual({ stale: true, named: 3 });
    expect(seen.every((s) => s.named === 3)).toBe(true);
    expect(seen.at(-1)?.stale).toBe(false);
    expect(client.getSnapshot().progress).toBeNull();
    client.dispose();
  });
});

describe('snapshotForJournal', () => {
  const snapshot = {
    journal: 'a',
    built: { nodes: [{ id: OWNER }, { id: 'ana' }] },
  } as unknown as MapSnapshot;
  it('shows a snapshot of this journal whose people are all still in it', () => {
    expect(snapshotForJournal(snapshot, 'a', new Set([OWNER, 'ana', 'ben']))).toBe(snapshot);
  });
  it('never one with someone deleted since, nor one of another journal', () => {
    expect(snapshotForJournal(snapshot, 'a', new Set([OWNER]))).toBeNull();
    expect(snapshotForJournal(snapshot, 'b', new Set([OWNER, 'ana']))).toBeNull();
    expect(snapshotForJournal(null, 'a', new Set([OWNER, 'ana']))).toBeNull();
  });
});

describe('the kept map in IndexedDB', () => {
  it('comes back as it was kept, typed arrays included, and is gone once cleared', async () => {
    const indexedDB = new IDBFactory();
    const positions = Float32Array.from([0, 0, 10, -5]);
    const snapshot = { journal: 'j', savedAt: 1, day: TODAY, positions } as unknown as MapSnapshot;
    expect(await loadSnapshot('j', indexedDB)).toBeNull();
    await saveSnapshot(snapshot, indexedDB);
    const back = await loadSnapshot('j', indexedDB);
    expect(back?.positions).toEqual(positions);
    expect(back?.day).toBe(TODAY);
    await clearSnapshots(indexedDB);
    expect(await loadSnapshot('j', indexedDB)).toBeNull();
  });
});
