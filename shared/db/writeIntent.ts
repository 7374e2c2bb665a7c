import { COLLECTION_NAMES, type CollectionName, type Doc, type KithDatabase } from './collections';
import { newId } from './ids';
import type { WriteDescription } from './storageErrors';

/**
 * The write-ahead record of a bulk write (an import or a restore), kept in RxDB local documents: this
 * device's own, never replicated, not in backups, and not one of the 13 collections. IndexedDB has no
 * transaction across RxDB's collections, so this record is what makes a bulk write all or nothing
 * across a crash: whatever a kill -9, a power cut or a closed tab leaves of it is taken back at the
 * next start, from the record.
 *
 * Layout: one header (`bulk-write-intent`) written before the first document, then, before each
 * batch of documents is written (up to 2,000, in one or more collections), that batch's undo
 * (`bulk-write-intent:<n>`: the header's id and, per collection, the ids the batch creates and the
 * documents it changes or removes as they were). The same local documents serve every write, and a
 * cleared one is overwritten with nothing rather than removed: RxDB keeps a removed document's last
 * data in its tombstone, which would keep every undo — a whole journal after a Replace — for ever. Each local document is one IndexedDB
 * transaction committed before the chunk it covers, so after a crash every written chunk has its undo
 * on disk. The header's `state` turns to 'committed' after the last chunk: that one write is the
 * commit point. Then the undo chunks and the header are removed (a crash in between leaves a
 * committed record, which the next start only clears).
 */

export interface IntentHeader extends WriteDescription {
  id: string;
  /** ms since the epoch. */
  startedAt: number;
  /** Documents the write was to touch. */
  total: number;
  state: 'writing' | 'committed';
  /**
   * The latest stamp the write leaves in the journal (a record from before it was kept has none). A
   * document stored with a later stamp was edited after the write began, so taking the write back
   * leaves it as it is: a record that outlives its rollback (clearing it failed on a full disk) must
   * not undo, at the next start, what was edited since.
   */
  planStamp?: string;
}

/** What takes one chunk back: created documents are removed, the others put back as they were. */
export interface UndoChunk {
  collection: CollectionName;
  created: string[];
  before: Doc[];
}

export const INTENT_HEADER_ID = 'bulk-write-intent';
const chunkId = (n: number) => `${INTENT_HEADER_ID}:${n}`;

interface StoredBatch {
  /** The header this batch belongs to ('' once cleared). */
  intentId: string;
  parts: UndoChunk[];
}

type LocalData<T> = { toJSON(): { data: T } };

async function readLocal<T>(db: KithDatabase, id: string): Promise<T | null> {
  const doc = (await db.getLocal(id)) as LocalData<T> | null;
  return doc ? doc.toJSON().data : null;
}

async function removeLocal(db: KithDatabase, id: string): Promise<void> {
  const doc = await db.getLocal(id);
  await doc?.remove();
}

function isHeader(value: unknown): value is IntentHeader {
  const h = value as Partial<IntentHeader> | null;
  return (
    !!h &&
    typeof h.id === 'string' &&
    (h.kind === 'import' || h.kind === 'restore') &&
    (h.state === 'writing' || h.state === 'committed') &&
    (h.planStamp === undefined || typeof h.planStamp === 'string')
  );
}

/** The record a bulk write left, if any; a damaged header reads as none. */
export async function readIntent(db: KithDatabase): Promise<IntentHeader | null> {
  const header = await readLocal<unknown>(db, INTENT_HEADER_ID);
  return isHeader(header) ? header : null;
}

/**
 * Writes the header of a new record. Callers hold the write lock and have taken back any record left
 * before (takeBackLeftover), so whatever is still there is damaged and is overwritten.
 */
export async function beginIntent(
  db: KithDatabase,
  description: WriteDescription,
  total: number,
  planStamp?: string,
): Promise<IntentHeader> {
  const header: IntentHeader = {
    ...description,
    id: newId(),
    startedAt: Date.now(),
    total,
    state: 'writing',
    ...(planStamp === undefined ? {} : { planStamp }),
  };
  await db.upsertLocal(INTENT_HEADER_ID, header);
  return header;
}

/** Writes the undo of the n-th batch, before the batch itself is written. */
export async function appendUndo(
  db: KithDatabase,
  header: IntentHeader,
  n: number,
  parts: UndoChunk[],
): Promise<void> {
  await db.upsertLocal<StoredBatch>(chunkId(n), { intentId: header.id, parts });
}

/** A part as it must be to be taken back; a damaged one (a bad sector, an old bug) is left out. */
function isUndoChunk(part: unknown): part is UndoChunk {
  const p = part as Partial<UndoChunk> | null;
  return (
    !!p &&
    (COLLECTION_NAMES as readonly unknown[]).includes(p.collection) &&
    Array.isArray(p.created) &&
    p.created.every((id) => typeof id === 'string') &&
    Array.isArray(p.before) &&
    p.before.every((doc) => !!doc && typeof doc === 'object' && typeof doc.id === 'string')
  );
}

async function readBatch(db: KithDatabase, header: IntentHeader, n: number): Promise<UndoChunk[] | null> {
  const batch = await readLocal<Partial<StoredBatch>>(db, chunkId(n));
  if (!batch || batch.intentId !== header.id) return null;
  return Array.isArray(batch.parts) ? batch.parts.filter(isUndoChunk) : [];
}

/** The undo of every batch, in the order they were written. */
export async function readUndo(db: KithDatabase, header: IntentHeader): Promise<UndoChunk[]> {
  const chunks: UndoChunk[] = [];
  for (let n = 0; ; n++) {
    const parts = await readBatch(db, header, n);
    if (!parts) return chunks;
    chunks.push(...parts);
  }
}

/** The commit point: from here on, the write stands. */
export async function markCommitted(db: KithDatabase, header: IntentHeader): Promise<void> {
  await db.upsertLocal(INTENT_HEADER_ID, { ...header, state: 'committed' });
}

/**
 * Clears the record, the last batch first and the header last, so a crash part-way leaves a readable
 * prefix. `batches`: how many there are, when the caller knows (else they are counted).
 */
export async function clearIntent(db: KithDatabase, header: IntentHeader, batches?: number): Promise<void> {
  let count = batches ?? 0;
  if (batches === undefined) while (await readBatch(db, header, count)) count++;
  for (let n = count - 1; n >= 0; n--)
    await db.upsertLocal<StoredBatch>(chunkId(n), { intentId: '', parts: [] });
  await removeLocal(db, INTENT_HEADER_ID);
}
