/**
 * Sync figures, measured in node: two Kith databases syncing through the embedded server (in
 * memory) on loopback, with the same engine and transport as the sync tests. Not wired into the driver: call
 * measureSyncFigures() from it.
 *
 * - "initial sync <dataset> (plain|encrypted)": docs/s from startSync until everything is on the
 *   server (key derivation excluded: it is a fixed ~0.5 s, not a rate), per run;
 * - "initial sync encryption ratio <dataset>": encrypted time / plain time, per run (target < 1.5);
 * - "live propagation <dataset>": ms from an edit on A until B's database holds it (encrypted).
 */
import { webcrypto } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { firstValueFrom, filter } from 'rxjs';
import { openDatabase, type CollectionName, type Doc, type KithDatabase } from '../../shared/db';
import { fakeStorage, uniqueName } from '../../shared/db/testing';
import { startSync, type SyncSession } from '../../shared/sync';
import { startCouchServer, type TestCouch } from '../support/couchServer';
import { summarise, type Figure } from './stats';

export interface SyncBenchInput {
  /** Dataset name for the figure lines. */
  dataset: string;
  /** Documents to sync, per collection (e.g. a generated sample; the owner is created by openDatabase). */
  collections: Partial<Record<CollectionName, Doc[]>>;
  /** Initial-sync runs per variant; default 3. */
  runs?: number;
  /** Live-propagation edits; default 30. */
  edits?: number;
  log?: (message: string) => void;
  /**
   * Local storage of the two devices: 'memory' (default: RxDB's memory storage, so the figure is the
   * sync engine and the server, not a storage emulation) or 'fake-indexeddb' (Dexie on
   * fake-indexeddb, as the tests run; far slower than a browser's IndexedDB at thousands of documents).
   */
  storage?: 'memory' | 'fake-indexeddb';
}

const PASSPHRASE = 'bench passphrase for sync figures';

let storageKind: NonNullable<SyncBenchInput['storage']> = 'memory';

async function device(name: string): Promise<KithDatabase> {
  const storage = storageKind === 'memory' ? getRxStorageMemory() : fakeStorage();
  return openDatabase({ storage, name: uniqueName(name), multiInstance: false, deviceId: name });
}

function sync(db: KithDatabase, couch: TestCouch, database: string, passphrase?: string): SyncSession {
  return startSync(db, {
    transport: couch.transport(database),
    crypto: webcrypto,
    passphrase,
    waitForLeadership: false,
  });
}

async function fill(db: KithDatabase, collections: SyncBenchInput['collections']): Promise<number> {
  let total = 0;
  for (const [name, docs] of Object.entries(collections) as [CollectionName, Doc[]][]) {
    if (docs.length === 0) continue;
    // Copies: RxDB adds _meta/_rev to what it is given, and every run must write the same documents.
    const result = await (
      db[name] as unknown as { bulkInsert(d: Doc[]): Promise<{ error: unknown[] }> }
    ).bulkInsert(docs.map((d) => structuredClone(d)));
    if (result.error.length > 0)
      throw new Error(`Could not insert ${result.error.length} ${name} documents for the bench.`);
    total += docs.length;
  }
  return total;
}

/**
 * A run has been seen to sit idle for good on a loaded machine, never in sync (2026-12-07, both before
 * and after issue 9's speed-up; cause not found yet): fail with the session's status rather than hang.
 */
const STUCK_MS = 15 * 60_000;

async function inSyncOrStuck(session: SyncSession): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stuck = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`not in sync after 15 minutes; status ${JSON.stringify(session.status())}`)),
      STUCK_MS,
    );
  });
  try {
    await Promise.race([session.awaitInSync(), stuck]);
  } finally {
    clearTimeout(timer);
  }
}

/** Seconds from the first replication step (after unlocking) until the server holds everything. */
async function initialSync(
  couch: TestCouch,
  input: SyncBenchInput,
  run: number,
  passphrase?: string,
): Promise<number> {
  const db = await device(`bench-a-${run}`);
  try {
    const total = await fill(db, input.collections);
    const session = sync(db, couch, `initial-${run}-${passphrase ? 'enc' : 'plain'}`, passphrase);
    await firstValueFrom(session.status$.pipe(filter((s) => s.state !== 'connecting')));
    const start = performance.now();
    try {
      await inSyncOrStuck(session);
      return (total + 1) / ((performance.now() - start) / 1000);
    } finally {
      await session.stop();
    }
  } finally {
    await db.close();
  }
}

async function livePropagation(couch: TestCouch, edits: number): Promise<number[]> {
  const a = await device('bench-live-a');
  const b = await device('bench-live-b');
  const sa = sync(a, couch, 'live', PASSPHRASE);
  const sb = sync(b, couch, 'live', PASSPHRASE);
  try {
    await sa.awaitInSync();
    await sb.awaitInSync();
    const times: number[] = [];
    for (let i = 0; i < edits; i++) {
      const text = `live edit ${i} ${Math.random()}`;
      const seen = firstValueFrom(b.people.findOne('owner').$.pipe(filter((d) => d?.notes === text)));
      const start = performance.now();
      await a.people
        .findOne('owner')
        .exec()
        .then((d) => d!.incrementalPatch({ notes: text }));
      await seen;
      times.push(performance.now() - start);
    }
    return times;
  } finally {
    await sa.stop();
    await sb.stop();
    await a.close();
    await b.close();
  }
}

export async function measureSyncFigures(input: SyncBenchInput): Promise<Figure[]> {
  const log = input.log ?? (() => undefined);
  const runs = input.runs ?? 3;
  storageKind = input.storage ?? 'memory';
  const couch = await startCouchServer();
  try {
    const plain: number[] = [];
    const encrypted: number[] = [];
    const ratios: number[] = [];
    for (let run = 0; run < runs; run++) {
      // Alternate which goes first, so both see the same machine state on average.
      const order = run % 2 === 0 ? [false, true] : [true, false];
      const rates: Record<string, number> = {};
      for (const enc of order) {
        rates[String(enc)] = await initialSync(couch, input, run, enc ? PASSPHRASE : undefined);
        log(
          `initial sync run ${run + 1}/${runs} ${enc ? 'encrypted' : 'plain'}: ${Math.round(rates[String(enc)]!)} docs/s`,
        );
      }
      plain.push(rates.false!);
      encrypted.push(rates.true!);
      ratios.push(rates.false! / rates.true!);
    }
    log('live propagation…');
    const live = await livePropagation(couch, input.edits ?? 30);
    return [
      summarise(`initial sync ${input.dataset} (plain)`, input.dataset, 'docs/s', plain),
      summarise(`initial sync ${input.dataset} (encrypted)`, input.dataset, 'docs/s', encrypted),
      summarise(`initial sync encryption ratio ${input.dataset}`, input.dataset, 'x', ratios),
      summarise(`live propagation ${input.dataset}`, input.dataset, 'ms', live),
    ];
  } finally {
    await couch.close();
  }
}
