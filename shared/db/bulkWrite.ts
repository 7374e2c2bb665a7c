import { byCollection, writeFailure, type ChangeEntry } from './change';
import { nextStamp } from './clock';
import type { CollectionName, Doc, KithDatabase } from './collections';
import { compareStamps, type FieldStamp } from './fieldTimes';
import { markRollbackPending, rollBackChunks, takeBackLeftover } from './recovery';
import { safetyCopyOf, type SafetyCopy } from './safetyCopy';
import {
  isStorageFull,
  NotEnoughRoomError,
  RollbackPendingError,
  SafetyCopyError,
  StorageFullError,
  BulkWriteBusyError,
  type WriteDescription,
} from './storageErrors';
import { holdSync } from './syncHold';
import { appendUndo, beginIntent, clearIntent, markCommitted, type UndoChunk } from './writeIntent';
import { writeLockOf } from './writeLock';

export interface TransferProgress {
  /** 'copying': the journal's safety copy is being kept before the first document is written (./safetyCopy). */
  phase: 'reading' | 'validating' | 'copying' | 'writing';
  done: number;
  total: number;
}

export type ProgressCallback = (progress: TransferProgress) => void;

/**
 * Bytes this origin may still store, or null when unknown. `reserve`: the room the write wants kept
 * free. The renderer's (renderer/db/browserStorage.ts) takes the smaller of the quota estimate and,
 * on the desktop, the OS's free disk bytes, because a quota estimate knows nothing of a disk that is
 * fuller than the quota thinks.
 */
export type StorageRoom = (reserve: number) => Promise<number | null>;

/**
 * Makes everything written so far durable: a write that completes only once it is on the disk itself,
 * not in the OS's cache (the renderer's is a strict-durability IndexedDB transaction; IndexedDB's
 * default, relaxed, may lose a committed write to a power cut). See writeWithIntent for why.
 */
export type FlushToDisk = () => Promise<void>;

interface WriteResult {
  success: { primary?: string }[];
  error: { status: number; documentId: string }[];
}
type BulkCollection = {
  bulkUpsert(docs: Doc[]): Promise<WriteResult>;
  bulkRemove(ids: string[]): Promise<WriteResult>;
};

/** Documents per storage call: big enough to be fast, small enough to report progress smoothly. */
export const WRITE_CHUNK = 2_000;

function collectionOf(db: KithDatabase, name: CollectionName): BulkCollection {
  return db[name] as unknown as BulkCollection;
}

/** RxDB adds its own fields (_meta, _rev…) to the objects it is given; a Change must keep clean ones. */
const copy = (doc: Doc): Doc => ({ ...doc });

const rooms = new WeakMap<KithDatabase, StorageRoom>();

/** How the renderer tells bulk writes what room is left (openDatabase's `storageRoom`). */
export function setStorageRoom(db: KithDatabase, room: StorageRoom | undefined): void {
  if (room) rooms.set(db, room);
}

const flushes = new WeakMap<KithDatabase, FlushToDisk>();

/** How the renderer makes a bulk write's commit durable (openDatabase's `flushToDisk`). */
export function setFlushToDisk(db: KithDatabase, flush: FlushToDisk | undefined): void {
  if (flush) flushes.set(db, flush);
}

/** Sampled: serialising every document of a 100,000-document restore only to weigh it costs too much. */
function estimatedBytes(entries: readonly ChangeEntry[]): number {
  const written = entries.filter((e) => e.after !== null);
  if (written.length === 0) return 0;
  const step = Math.max(1, Math.floor(written.length / 500));
  let chars = 0;
  let sampled = 0;
  for (let i = 0; i < written.length; i += step) {
    chars += JSON.stringify(written[i]?.after).length;
    sampled++;
  }
  return Math.round((chars / sampled) * written.length);
}

/**
 * The room a write wants free: twice the documents' own JSON (a lower bound of what IndexedDB stores
 * for them; its log and compaction write much of it twice), and at least 1 MiB. A browser whose disk
 * fills in the middle of a write can lose the whole IndexedDB store, not just the write (measured by
 * the fault suite's storage-full-import row on a 48 MB disk), so refusing a write that might just
 * have fitted is the safer mistake.
 */
const reserveFor = (needed: number): number => Math.max(2 * needed, 1 << 20);

/** Refuses, before anything is written, a write that the room left cannot take. */
async function checkRoom(
  db: KithDatabase,
  entries: readonly ChangeEntry[],
  description: WriteDescription,
): Promise<void> {
  const room = rooms.get(db);
  if (!room) return;
  const needed = estimatedBytes(entries);
  const reserve = reserveFor(needed);
  const available = await room(reserve).catch(() => null);
  if (available === null) return;
  if (available < reserve) throw new NotEnoughRoomError(description, reserve, available);
}

function undoOf(collection: CollectionName, chunk: readonly ChangeEntry[]): UndoChunk {
  const created: string[] = [];
  const before: Doc[] = [];
  for (const e of chunk) {
    if (e.before === null) created.push(e.id);
    else before.push(e.before);
  }
  return { collection, created, before };
}

/** Writes one chunk; a failed document fails the chunk. */
async function writeChunk(db: KithDatabase, collection: CollectionName, chunk: readonly ChangeEntry[]) {
  const c = collectionOf(db, collection);
  const upserts = chunk.filter((e) => e.after !== null);
  const removals = chunk.filter((e) => e.after === null);
  if (upserts.length > 0) {
    const result = await c.bulkUpsert(upserts.map((e) => copy(e.after as Doc)));
    if (result.error.length > 0) throw writeFailure(collection, result.error);
  }
  if (removals.length > 0) {
    const result = await c.bulkRemove(removals.map((e) => e.id));
    const real = result.error.filter((e) => e.status !== 404);
    if (real.length > 0) throw writeFailure(collection, real);
  }
}

/** Chunks of one collection at a time, upserts before removals (the order the journal was always written in). */
function* chunksOf(entries: readonly ChangeEntry[]): Generator<[CollectionName, ChangeEntry[]]> {
  for (const [collection, group] of byCollection(entries)) {
    const upserts = group.filter((e) => e.after !== null);
    const removals = group.filter((e) => e.after === null);
    for (const list of [upserts, removals]) {
      for (let i = 0; i < list.length; i += WRITE_CHUNK) yield [collection, list.slice(i, i + WRITE_CHUNK)];
    }
  }
}

/** Chunks gathered into batches of up to WRITE_CHUNK entries: one undo record per batch, however many collections. */
function batchesOf(entries: readonly ChangeEntry[]): [CollectionName, ChangeEntry[]][][] {
  const batches: [CollectionName, ChangeEntry[]][][] = [];
  let batch: [CollectionName, ChangeEntry[]][] = [];
  let size = 0;
  for (const chunk of chunksOf(entries)) {
    if (size + chunk[1].length > WRITE_CHUNK && batch.length > 0) {
      batches.push(batch);
      batch = [];
      size = 0;
    }
    batch.push(chunk);
    size += chunk[1].length;
  }
  if (batch.length > 0) batches.push(batch);
  return batches;
}

export interface BulkWriteOptions {
  onProgress?: ProgressCallback;
  /** What the write is, for the intent record and the messages: `{ kind: 'import', source: 'contacts.vcf' }`. */
  description: WriteDescription;
}

/**
 * The latest stamp this write can leave in the journal: later than every stamp it writes (a restore
 * writes a backup's own stamps, which may be ahead of this device's clock) and than the time it
 * starts. Whatever the journal holds with a later stamp was edited after the write began, and taking
 * the write back must leave it alone (see rollBackChunks).
 */
function planStampOf(db: KithDatabase, entries: readonly ChangeEntry[]): FieldStamp {
  const written = entries.flatMap((e) => (e.after ? [e.after] : []));
  // Edits made here from now on come after what this write brings (sync does the same for pulls).
  let latest = nextStamp(db, written).stamp;
  for (const doc of written) {
    for (const stamp of Object.values(doc.fieldTimes ?? {})) {
      if (compareStamps(stamp, latest) > 0) latest = stamp;
    }
  }
  return latest;
}

/** Holding the lock and a hold on sync, with any earlier interrupted write taken back. */
async function writeWithIntent(
  db: KithDatabase,
  entries: readonly ChangeEntry[],
  { onProgress, description }: BulkWriteOptions,
): Promise<void> {
  if (entries.length === 0) return;
  await checkRoom(db, entries, description);
  // A heavy journal's copy takes seconds (measured by `npm run bench -- --only copy`): say so.
  if (safetyCopyOf(db)) onProgress?.({ phase: 'copying', done: 0, total: 1 });
  const copy = await keepSafetyCopy(db, description);
  const total = entries.length;
  onProgress?.({ phase: 'writing', done: 0, total });
  let header;
  try {
    header = await beginIntent(db, description, total, planStampOf(db, entries));
  } catch (err) {
    await settleCopy(db, copy);
    throw isStorageFull(err) ? new StorageFullError(description, 0, { cause: err }) : err;
  }
  const undo: UndoChunk[] = [];
  let batches = 0;
  let done = 0;
  try {
    for (const batch of batchesOf(entries)) {
      const parts = batch.map(([collection, chunk]) => undoOf(collection, chunk));
      await appendUndo(db, header, batches, parts);
      batches++;
      undo.push(...parts);
      for (const [collection, chunk] of batch) {
        await writeChunk(db, collection, chunk);
        done += chunk.length;
        onProgress?.({ phase: 'writing', done, total });
      }
    }
    await markCommitted(db, header);
    // Before sync may push any of it (the hold on sync ends when this returns): a commit mark that a
    // power cut takes while pushed documents stay would have the next start take back what other
    // devices already hold. Best effort: a platform that cannot say keeps its default durability.
    await flushes
      .get(db)?.()
      .catch(() => undefined);
  } catch (err) {
    const left = await rollBackChunks(db, undo, header.planStamp);
    if (Object.keys(left).length > 0) {
      // The record stays; so does the hold on sync, until the rollback is finished.
      // The copy stays too: the storage may be gone, record and all (see ./safetyCopy).
      markRollbackPending(db, header, left);
      await copy?.writeFailed(db).catch(() => undefined);
      throw new RollbackPendingError(description, left, { cause: err });
    }
    // Should this fail (a full disk), the next start rolls back again from the record: the plan's
    // stamp in it keeps that from undoing what was edited in between.
    await clearIntent(db, header, batches).catch(() => undefined);
    await settleCopy(db, copy);
    throw isStorageFull(err) ? new StorageFullError(description, done, { cause: err }) : err;
  }
  // Committed: a failure to clear the record only leaves a committed header, cleared at the next start.
  await clearIntent(db, header, batches).catch(() => undefined);
  await copy?.release().catch(() => undefined);
}

/**
 * After a failed write that left nothing behind: the copy goes, unless the storage went with the
 * write (a browser may drop it on a full disk even while the write's own steps look taken back).
 */
async function settleCopy(db: KithDatabase, copy: SafetyCopy | undefined): Promise<void> {
  if (!copy) return;
  if (await copy.writeFailed(db).catch(() => false)) return;
  await copy.release().catch(() => undefined);
}

/**
 * The journal as it is, kept outside its storage before the write (./safetyCopy): the copy to
 * release when the write ends whole, or undefined when this platform keeps none. A copy that cannot
 * be kept refuses the write before anything is written.
 */
async function keepSafetyCopy(
  db: KithDatabase,
  description: WriteDescription,
): Promise<SafetyCopy | undefined> {
  const copy = safetyCopyOf(db);
  if (!copy) return undefined;
  try {
    return (await copy.keep(db, description)) ? copy : undefined;
  } catch (err) {
    if (isStorageFull(err)) throw new StorageFullError(description, 0, { cause: err });
    throw new SafetyCopyError(description, err);
  }
}

/** What `plan` returns: the entries to write, and what the caller gets back once they are written. */
export interface PlannedWrite<T> {
  entries: readonly ChangeEntry[];
  result: T;
}

/**
 * Reads the journal, plans a bulk write from what it read and writes it, all under the write lock and
 * a hold on sync: no other import or restore can write between the read and the write (its changes
 * would be overwritten by a plan made without them, or the plan's by its), and what is read is the
 * journal after any interrupted write was taken back. `plan` must read what it needs inside.
 *
 * Throws as writeAllOrNothing does; BulkWriteBusyError before `plan` runs.
 */
export async function planAndWriteAllOrNothing<T>(
  db: KithDatabase,
  plan: () => Promise<PlannedWrite<T>>,
  options: BulkWriteOptions,
): Promise<T> {
  const attempt = await writeLockOf(db).tryRun(async () => {
    // An interrupted write not yet taken back goes first: the journal must be whole before another starts.
    await takeBackLeftover(db);
    const release = holdSync(db);
    try {
      const { entries, result } = await plan();
      await writeWithIntent(db, entries, options);
      return result;
    } finally {
      // A record left in 'writing' state keeps sync held by itself (see recovery's holdSyncWhileRecorded).
      release();
    }
  });
  if (!attempt.ran) throw new BulkWriteBusyError();
  return attempt.value;
}

/**
 * Writes every entry's `after` (null: remove), all or nothing, also across a crash: a write-ahead
 * record (./writeIntent) is on disk before each chunk, so what a crash leaves is taken back at the
 * next start (./recovery); a failed write is taken back at once. Sync is held for the whole write
 * (./syncHold), so no half of it leaves the device.
 *
 * Throws NotEnoughRoomError (refused before writing), StorageFullError (the storage filled up;
 * everything was taken back), RollbackPendingError (taking back failed too; the next start finishes
 * it), BulkWriteBusyError (another window is writing), or the storage's own error (taken back).
 */
export async function writeAllOrNothing(
  db: KithDatabase,
  entries: readonly ChangeEntry[],
  options: BulkWriteOptions,
): Promise<void> {
  await planAndWriteAllOrNothing(db, async () => ({ entries, result: undefined }), options);
}
