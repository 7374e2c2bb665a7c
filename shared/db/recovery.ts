import { BehaviorSubject, type Observable } from 'rxjs';
import type { CollectionName, Doc, KithDatabase } from './collections';
import { compareStamps, sameValue } from './fieldTimes';
import { RollbackPendingError, type WriteDescription } from './storageErrors';
import { localDocumentChanges$ } from './localChanges';
import { holdSync } from './syncHold';
import {
  clearIntent,
  INTENT_HEADER_ID,
  readIntent,
  readUndo,
  type IntentHeader,
  type UndoChunk,
} from './writeIntent';
import { writeLockOf } from './writeLock';

/**
 * Taking back what an interrupted bulk write left (./writeIntent), and telling the person once.
 *
 * At open (openDatabase calls recoverInterruptedWrite before anything reads the journal) a record
 * still in 'writing' state is rolled back from its undo chunks and removed; a committed one is only
 * removed. Rolling back is idempotent (documents already as they were are left alone), so a crash
 * during recovery is recovered again at the next start. When the rollback cannot finish (the storage
 * is still full) the record stays, sync stays held, and the notice says what is left.
 */

export interface InterruptedWrite extends WriteDescription {
  startedAt: number;
  /**
   * 'undone': taken back, the journal is as it was before; 'pending': part of it is still there;
   * 'restored': the browser lost the journal's storage during the write, and the journal was put
   * back from the copy kept before it (./safetyCopy); 'kept': every document of it had been written,
   * only its commit mark was missing, so the journal is as after it (see landedWhole).
   */
  outcome: 'undone' | 'pending' | 'restored' | 'kept';
  /** What is still in the journal while pending, by collection. */
  left: Partial<Record<CollectionName, number>>;
  /** Restored: the documents put back. */
  restored?: number;
}

const NOTICE_ID = 'bulk-write-notice';

interface WriteResult {
  error: { status: number }[];
}
type RollbackCollection = {
  findByIds(ids: string[]): { exec(): Promise<Map<string, { toMutableJSON(): Doc }>> };
  bulkUpsert(docs: Doc[]): Promise<WriteResult>;
  bulkRemove(ids: string[]): Promise<WriteResult>;
};

/** Whether some field of `doc` was stamped after `stamp`. */
function editedAfter(doc: Doc, stamp: string | undefined): boolean {
  if (stamp === undefined) return false;
  return Object.values(doc.fieldTimes ?? {}).some((t) => compareStamps(t, stamp) > 0);
}

/**
 * Puts every document of the chunks back as it was (created ones removed), the last chunk first,
 * touching only documents that differ; keeps going past failures. A document with a field stamped
 * after `planStamp` (the write's, see IntentHeader) was edited since the write and is left as it is:
 * taking the write back must not take that edit with it. Returns what is still not back, by
 * collection ({} when everything is).
 */
export async function rollBackChunks(
  db: KithDatabase,
  chunks: readonly UndoChunk[],
  planStamp?: string,
): Promise<Partial<Record<CollectionName, number>>> {
  const left: Partial<Record<CollectionName, number>> = {};
  const count = (collection: CollectionName, n: number) => {
    if (n > 0) left[collection] = (left[collection] ?? 0) + n;
  };
  for (const chunk of [...chunks].reverse()) {
    const c = db[chunk.collection] as unknown as RollbackCollection;
    let current: Map<string, { toMutableJSON(): Doc }>;
    try {
      current = await c.findByIds([...chunk.created, ...chunk.before.map((d) => d.id)]).exec();
    } catch {
      count(chunk.collection, chunk.created.length + chunk.before.length);
      continue;
    }
    const edited = (id: string) => {
      const now = current.get(id);
      return !!now && editedAfter(now.toMutableJSON(), planStamp);
    };
    const toRemove = chunk.created.filter((id) => current.has(id) && !edited(id));
    const toRestore = chunk.before.filter((doc) => {
      const now = current.get(doc.id);
      return !now || (!sameValue(now.toMutableJSON(), doc) && !edited(doc.id));
    });
    if (toRemove.length > 0) {
      try {
        const { error } = await c.bulkRemove(toRemove);
        count(chunk.collection, error.filter((e) => e.status !== 404).length);
      } catch {
        count(chunk.collection, toRemove.length);
      }
    }
    if (toRestore.length > 0) {
      try {
        const { error } = await c.bulkUpsert(toRestore.map((d) => ({ ...d })));
        count(chunk.collection, error.length);
      } catch {
        count(chunk.collection, toRestore.length);
      }
    }
  }
  return left;
}

const notices = new WeakMap<KithDatabase, BehaviorSubject<InterruptedWrite | null>>();

function noticeSubject(db: KithDatabase): BehaviorSubject<InterruptedWrite | null> {
  let subject = notices.get(db);
  if (!subject) {
    subject = new BehaviorSubject<InterruptedWrite | null>(null);
    notices.set(db, subject);
  }
  return subject;
}

function describe(header: IntentHeader): WriteDescription {
  return { kind: header.kind, source: header.source, ...(header.mode ? { mode: header.mode } : {}) };
}

async function tell(db: KithDatabase, notice: InterruptedWrite): Promise<void> {
  noticeSubject(db).next(notice);
  // Kept until the person dismisses it, so closing Kith before reading it does not lose it. A full
  // storage may refuse even this: the record itself then tells the next start again.
  await db.upsertLocal(NOTICE_ID, notice).catch(() => undefined);
}

/** The journal was put back from the copy kept before `description`'s write: told once, like an undone write. */
export function tellRestoredFromCopy(
  db: KithDatabase,
  description: WriteDescription,
  startedAt: number,
  restored: number,
): Promise<void> {
  return tell(db, { ...description, startedAt, outcome: 'restored', left: {}, restored });
}

/** A bulk write in this session failed and could not be taken back (called by writeAllOrNothing). */
export function markRollbackPending(
  db: KithDatabase,
  header: IntentHeader,
  left: Partial<Record<CollectionName, number>>,
): void {
  noticeSubject(db).next({ ...describe(header), startedAt: header.startedAt, outcome: 'pending', left });
}

/**
 * Whether a write whose record still says 'writing' had in fact landed whole: the undo of every one of
 * its `total` documents was recorded (each batch's undo goes to disk before the batch), every document
 * it created is there, and every one it changed or removed is no longer as it was. Such a write only
 * missed its commit mark — a crash in the moment between its last batch and the mark, or a mark the
 * disk lost while the documents it covers were kept — and by then sync may have pushed part of it to
 * the person's other devices (the fault suite's device-kill-push saw 834 pushed people taken back).
 * Taking it back would lose an import the person was told had finished; keeping it leaves the journal
 * exactly as after, which all-or-nothing allows as well as before.
 */
async function landedWhole(
  db: KithDatabase,
  header: IntentHeader,
  chunks: readonly UndoChunk[],
): Promise<boolean> {
  const recorded = chunks.reduce((n, c) => n + c.created.length + c.before.length, 0);
  if (recorded !== header.total) return false;
  for (const chunk of chunks) {
    const c = db[chunk.collection] as unknown as RollbackCollection;
    const current = await c.findByIds([...chunk.created, ...chunk.before.map((d) => d.id)]).exec();
    if (!chunk.created.every((id) => current.has(id))) return false;
    const unchanged = (doc: Doc) => {
      const now = current.get(doc.id);
      return !!now && sameValue(now.toMutableJSON(), doc);
    };
    if (chunk.before.some(unchanged)) return false;
  }
  return true;
}

/** Finishes what a record left: null when there was nothing to take back. Call holding the write lock. */
async function finish(db: KithDatabase): Promise<InterruptedWrite | null> {
  const header = await readIntent(db);
  if (!header) return null;
  if (header.state === 'committed') {
    await clearIntent(db, header).catch(() => undefined);
    return null;
  }
  const undo = await readUndo(db, header);
  const base = { ...describe(header), startedAt: header.startedAt };
  if (await landedWhole(db, header, undo).catch(() => false)) {
    await clearIntent(db, header).catch(() => undefined);
    const kept: InterruptedWrite = { ...base, outcome: 'kept', left: {} };
    await tell(db, kept);
    return kept;
  }
  const left = await rollBackChunks(db, undo, header.planStamp);
  if (Object.keys(left).length > 0) {
    const pending: InterruptedWrite = { ...base, outcome: 'pending', left };
    noticeSubject(db).next(pending);
    return pending;
  }
  await clearIntent(db, header).catch(() => undefined);
  const undone: InterruptedWrite = { ...base, outcome: 'undone', left: {} };
  await tell(db, undone);
  return undone;
}

/**
 * Before a new bulk write (holding the lock): an interrupted one is finished first, and if it cannot
 * be, the new one is refused with the same truthful message.
 */
export async function takeBackLeftover(db: KithDatabase): Promise<void> {
  const outcome = await finish(db);
  if (outcome?.outcome === 'pending') throw new RollbackPendingError(outcome, outcome.left);
}

/** "Try again": takes back what is left of an interrupted write (waiting for another window's write). */
export function retryPendingRollback(db: KithDatabase): Promise<InterruptedWrite | null> {
  return writeLockOf(db).run(() => finish(db));
}

/**
 * While a record in 'writing' state is on disk — this window's write, another window's, or one
 * waiting to be taken back — sync is held: none of a half-written import may leave the device.
 * Local documents are shared by every window of the journal, so this follows the others' writes too.
 */
function holdSyncWhileRecorded(db: KithDatabase): (writing: boolean) => void {
  let release: (() => void) | null = null;
  const update = (writing: boolean) => {
    if (writing && !release) release = holdSync(db);
    if (!writing && release) {
      release();
      release = null;
    }
  };
  const subscription = localDocumentChanges$<{ state?: string }>(db, INTENT_HEADER_ID).subscribe((header) =>
    update(header?.state === 'writing'),
  );
  db.onClose.push(() => {
    subscription.unsubscribe();
    update(false);
  });
  return update;
}

/**
 * At open: takes back whatever a crash left, before the journal is shown. When another window holds
 * the lock (it is writing right now) its record is not a crash's: this window waits for the lock in
 * the background and looks again then (the other window may have been closed mid-write).
 */
export async function recoverInterruptedWrite(db: KithDatabase): Promise<void> {
  const saved = (await db.getLocal(NOTICE_ID))?.toJSON() as { data?: InterruptedWrite } | undefined;
  if (saved?.data) noticeSubject(db).next(saved.data);
  const hold = holdSyncWhileRecorded(db);
  // Held at once, not when the live query first answers: sync may start right after open.
  hold((await readIntent(db))?.state === 'writing');
  const attempt = await writeLockOf(db).tryRun(() => finish(db).catch(() => null));
  if (!attempt.ran) void writeLockOf(db).run(() => finish(db).catch(() => null));
}

/** The notice for the person: an interrupted write that was undone, or one still being taken back. */
export function interruptedWrite$(db: KithDatabase): Observable<InterruptedWrite | null> {
  return noticeSubject(db).asObservable();
}

/** The person has read an "undone" notice. */
export async function dismissInterruptedWrite(db: KithDatabase): Promise<void> {
  const subject = noticeSubject(db);
  if (subject.value?.outcome !== 'pending') subject.next(null);
  const doc = await db.getLocal(NOTICE_ID);
  await doc?.remove();
}
