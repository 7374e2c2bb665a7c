import { randomLcg } from 'd3-random';
/**
 * Convergence fuzz: seeded random inserts, edits and deletes on three replicas, with random
 * disconnects, server outages and restarts, on devices whose clocks disagree by minutes. At the end every replica holds the same documents, and
 * no write is lost beyond the delete rule (shared/sync/merge.ts):
 * - every field's newest edit is in the final document (a free text contains it);
 * - a free-text edit is either in the final text or was replaced by someone who had seen it;
 * - a document is gone only if some device deleted a version holding every edit made to it.
 * Short in CI (60 steps, seed 20261126; a random seed elsewhere; printed); long on demand:
 *   KITH_FUZZ_SEED=123 KITH_FUZZ_STEPS=2000 npx vitest run --project unit test/unit/sync/fuzz.test.ts
 * KITH_FUZZ_PASSPHRASE=… runs it encrypted; KITH_FUZZ_TRACE=/tmp/fuzz.log writes every step and,
 * while replicas differ, the differing documents as stored on each replica and on the server.
 * Long runs (2026-12-07, after 0ef97df): seeds 1–1,000 all passed plain, seeds 1–200 encrypted.
 */
import { appendFileSync } from 'node:fs';
import { afterAll, expect, it } from 'vitest';
import { personDocument } from '../../../shared/db/documents';
import { compareStamps } from '../../../shared/db/fieldTimes';
import { FREE_TEXT_FIELDS } from '../../../shared/sync/merge';
import { startCouchServer, type TestCouch } from '../../support/couchServer';
import { FUZZ_COLLECTIONS, Replica, type AnyDoc, type FuzzCollection } from './replicas';

// CI replays one known seed so a submission is judged on its code, not on the draw; elsewhere every
// run explores a new seed (printed, to replay a failure). KITH_FUZZ_SEEDS=1000 runs that many seeds
// in a row, from the first one.
const FIRST_SEED = Number(
  process.env.KITH_FUZZ_SEED ?? (process.env.CI ? 20261126 : Math.floor(Math.random() * 2 ** 31)),
);
const SEEDS = Number(process.env.KITH_FUZZ_SEEDS ?? 1);
const STEPS = Number(process.env.KITH_FUZZ_STEPS ?? 60);
const PASSPHRASE = process.env.KITH_FUZZ_PASSPHRASE;

interface Edit {
  collection: FuzzCollection;
  id: string;
  field: string;
  value: unknown;
  stamp: string;
  prevValue: unknown;
}
interface Removal {
  collection: FuzzCollection;
  id: string;
  fieldTimes: Record<string, string>;
}

const EDITABLE: Record<FuzzCollection, string[]> = {
  people: ['name', 'role', 'notes', 'howWeMet', 'tags', 'cadenceDays'],
  communities: ['name', 'notes', 'tags'],
};

// One run's state: a fresh server, replicas and history per seed.
let SEED = FIRST_SEED;
let couch = null as unknown as TestCouch;
let replicas: Replica[] = [];
let rand = randomLcg(SEED);
const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
let edits: Edit[] = [];
let removals: Removal[] = [];
let counter = 0;

async function setUp(seed: number): Promise<TestCouch> {
  SEED = seed;
  rand = randomLcg(seed);
  edits = [];
  removals = [];
  counter = 0;
  console.log(
    `sync fuzz: KITH_FUZZ_SEED=${seed} KITH_FUZZ_STEPS=${STEPS}${PASSPHRASE ? ' (encrypted)' : ''}`,
  );
  const server = await startCouchServer();
  couch = server;
  // Clocks that disagree, as real devices' do: r2 runs five minutes slow, r3 half a minute fast.
  replicas = (
    [
      ['r1', 0],
      ['r2', -300_000],
      ['r3', 30_000],
    ] as const
  ).map(([n, skew]) => new Replica(n, server.transport(), PASSPHRASE, skew));
  for (const r of replicas) {
    await r.open();
    r.startSync();
  }
  return server;
}

async function tearDown(): Promise<void> {
  for (const r of replicas.splice(0)) await r.close();
  await couch?.close();
  couch = null as unknown as TestCouch;
}

afterAll(tearDown);

function valueFor(field: string): unknown {
  counter += 1;
  if (field === 'tags') return [`tag${counter}`];
  if (field === 'cadenceDays') return counter % 365;
  // Unique and never a substring of another value, so "the text contains it" means something.
  return `«${field} ${counter}»`;
}

async function insert(r: Replica): Promise<void> {
  const collection: FuzzCollection = pick(FUZZ_COLLECTIONS);
  const { ms, stamp } = r.stamp();
  counter += 1;
  const id = `${collection}-${counter}`;
  // From the app's own blank documents, so a schema change elsewhere does not break the fuzz.
  const base =
    collection === 'people'
      ? personDocument(
          id,
          { name: valueFor('name') as string, notes: valueFor('notes') as string },
          { ms, stamp },
        )
      : { name: valueFor('name'), kind: 'club', notes: valueFor('notes'), tags: [] };
  const {
    id: _i,
    createdAt: _c,
    updatedAt: _u,
    fieldTimes: _f,
    ...content
  } = base as Record<string, unknown>;
  const fieldTimes = Object.fromEntries(Object.keys(content).map((f) => [f, stamp]));
  if (TRACE) appendFileSync(TRACE, `  insert ${collection} ${id}\n`);
  await r
    .collection(collection)
    .insert({ id, createdAt: ms, updatedAt: ms, fieldTimes, ...content } as AnyDoc);
  if (TRACE) appendFileSync(TRACE, `  inserted\n`);
  for (const [field, value] of Object.entries(content))
    edits.push({ collection, id, field, value, stamp, prevValue: undefined });
}

async function edit(r: Replica): Promise<void> {
  const collection: FuzzCollection = pick(FUZZ_COLLECTIONS);
  const docs = await r.collection(collection).find().exec();
  if (docs.length === 0) return insert(r);
  const doc = pick(docs);
  const field = pick(EDITABLE[collection]);
  const value = valueFor(field);
  let recorded: Edit | null = null;
  await doc.incrementalModify((data) => {
    // Deleted by a pull since it was picked: the app cannot edit a deleted document either.
    if ((data as { _deleted?: boolean })._deleted) {
      recorded = null;
      return data;
    }
    const { ms, stamp } = r.stamp();
    recorded = { collection, id: data.id, field, value, stamp, prevValue: data[field] };
    return { ...data, [field]: value, updatedAt: ms, fieldTimes: { ...data.fieldTimes, [field]: stamp } };
  });
  if (recorded) {
    edits.push(recorded);
    const e = recorded as Edit;
    if (TRACE)
      appendFileSync(TRACE, `  edit ${r.name} ${e.id} ${e.field}=${JSON.stringify(e.value)} ${e.stamp}\n`);
  }
}

async function remove(r: Replica): Promise<void> {
  const collection: FuzzCollection = pick(FUZZ_COLLECTIONS);
  const docs = await r.collection(collection).find().exec();
  if (docs.length === 0) return;
  const removed = await pick(docs).incrementalRemove();
  if (TRACE) appendFileSync(TRACE, `  remove ${r.name} ${removed.primary}\n`);
  removals.push({
    collection,
    id: removed.primary,
    fieldTimes: { ...(removed.toMutableJSON(true) as AnyDoc).fieldTimes },
  });
}

const TRACE = process.env.KITH_FUZZ_TRACE;

async function step(i: number): Promise<void> {
  const r = pick(replicas);
  const roll = rand();
  if (TRACE) appendFileSync(TRACE, `${i} ${r.name} ${roll.toFixed(3)} open=${!!r.db} sync=${!!r.session}\n`);
  if (!r.db) {
    await r.open();
    r.startSync();
  } else if (roll < 0.25) await insert(r);
  else if (roll < 0.65) await edit(r);
  else if (roll < 0.75) await remove(r);
  else if (roll < 0.82) {
    if (r.session) await r.stopSync();
    else r.startSync();
  } else if (roll < 0.87) await r.close();
  else if (roll < 0.92) {
    if (rand() < 0.5) await couch.pause();
    else await couch.resume().catch(() => undefined);
  }
  if (TRACE) appendFileSync(TRACE, `  sleeping\n`);
  await new Promise((res) => setTimeout(res, Math.floor(rand() * 40)));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

async function converge(): Promise<Record<FuzzCollection, AnyDoc[]>> {
  if (TRACE) appendFileSync(TRACE, `converging\n`);
  await couch.resume().catch(() => undefined);
  if (TRACE) appendFileSync(TRACE, `resumed\n`);
  for (const r of replicas) {
    if (!r.db) await r.open();
    r.startSync();
    r.session!.retry();
  }
  if (TRACE) appendFileSync(TRACE, `started\n`);
  if (TRACE) {
    const timer = setInterval(
      () =>
        appendFileSync(TRACE, `tick ${replicas.map((r) => JSON.stringify(r.session?.status())).join(' ')}\n`),
      1000,
    );
    timer.unref();
  }
  const end = Date.now() + 60_000;
  for (;;) {
    const settled = await Promise.race([
      Promise.all(replicas.map((r) => r.session!.awaitInSync())).then(() => true),
      new Promise<false>((res) => setTimeout(() => res(false), 5_000)),
    ]);
    if (!settled) {
      const statuses = replicas.map((r) => `${r.name}: ${JSON.stringify(r.session!.status())}`).join('; ');
      if (Date.now() > end) throw new Error(`replicas never got in sync (seed ${SEED}): ${statuses}`);
      console.log(`sync fuzz: still waiting: ${statuses}`);
      if (TRACE) appendFileSync(TRACE, `waiting: ${statuses}\n`);
      continue;
    }
    const states = await Promise.all(replicas.map((r) => r.state()));
    const json = states.map((s) => JSON.stringify(sortKeys(s)));
    if (json.every((j) => j === json[0])) return states[0]!;
    if (TRACE) {
      for (const c of FUZZ_COLLECTIONS) {
        const ids = new Set(states.flatMap((st) => st[c].map((d) => d.id)));
        for (const id of ids) {
          const versions = states.map((st) =>
            JSON.stringify(sortKeys(st[c].find((d) => d.id === id) ?? null)),
          );
          if (versions.some((v) => v !== versions[0])) {
            appendFileSync(TRACE, `differs ${c} ${id}:\n  ${versions.join('\n  ')}\n`);
            for (const r of replicas) {
              const [stored] = await r.collection(c).storageInstance.findDocumentsById([id], true);
              appendFileSync(TRACE, `  stored on ${r.name}: ${JSON.stringify(stored)}\n`);
            }
            const raw = (await couch.rawDocs()).find((d) => d._id === `${c}:${id}`);
            appendFileSync(TRACE, `  server: ${JSON.stringify(raw)}\n`);
          }
        }
      }
    }
    if (Date.now() > end) {
      expect(states[1], `replicas differ (seed ${SEED})`).toEqual(states[0]);
      expect(states[2], `replicas differ (seed ${SEED})`).toEqual(states[0]);
    }
    await new Promise((res) => setTimeout(res, 200));
  }
}

async function run(): Promise<void> {
  for (let i = 0; i < STEPS; i++) await step(i);
  const final = await converge();
  const problems: string[] = [];
  const docs = new Map<string, AnyDoc>();
  for (const c of FUZZ_COLLECTIONS) for (const d of final[c]) docs.set(`${c}:${d.id}`, d);
  const byField = new Map<string, Edit[]>();
  for (const e of edits) {
    const key = `${e.collection}:${e.id}:${e.field}`;
    byField.set(key, [...(byField.get(key) ?? []), e]);
  }
  for (const [key, list] of byField) {
    const [collection, id, field] = key.split(':') as [FuzzCollection, string, string];
    const doc = docs.get(`${collection}:${id}`);
    if (!doc) {
      const newest = list.reduce((a, b) => (compareStamps(a.stamp, b.stamp) >= 0 ? a : b));
      const allowed = removals.some(
        (r) =>
          r.collection === collection && r.id === id && compareStamps(r.fieldTimes[field], newest.stamp) >= 0,
      );
      if (!allowed)
        problems.push(
          `${collection} ${id} is gone, but its ${field} edit ${newest.stamp} was never seen by a delete`,
        );
      continue;
    }
    const isText = FREE_TEXT_FIELDS[collection][field] !== undefined;
    const newest = list.reduce((a, b) => (compareStamps(a.stamp, b.stamp) >= 0 ? a : b));
    const finalValue = doc[field];
    if (compareStamps(doc.fieldTimes[field], newest.stamp) < 0)
      problems.push(`${key}: final stamp older than ${newest.stamp}`);
    if (isText) {
      for (const e of list) {
        if (e.value === '' || (finalValue as string).includes(e.value as string)) continue;
        const replaced = list.some(
          (o) => o !== e && typeof o.prevValue === 'string' && o.prevValue.includes(e.value as string),
        );
        if (!replaced)
          problems.push(`${key}: text ${String(e.value)} lost (final ${JSON.stringify(finalValue)})`);
      }
    } else if (JSON.stringify(finalValue) !== JSON.stringify(newest.value)) {
      problems.push(
        `${key}: newest edit ${JSON.stringify(newest.value)} lost (final ${JSON.stringify(finalValue)})`,
      );
    }
  }
  console.log(
    `sync fuzz: ${edits.length} field writes, ${removals.length} deletes, ${docs.size} documents at the end`,
  );
  expect(problems, `seed ${SEED}`).toEqual([]);
}

for (let k = 0; k < SEEDS; k++) {
  const seed = FIRST_SEED + k;
  it(`three replicas converge without losing a write (seed ${seed})`, async () => {
    await setUp(seed);
    try {
      await run();
    } finally {
      await tearDown();
    }
  }, 600_000);
}
