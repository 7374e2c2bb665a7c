import type { ChangeEntry } from '../db/change';
import type { CollectionName, Doc, KithDatabase } from '../db/collections';

export interface TransferProgress {
  phase: 'reading' | 'validating' | 'writing';
  done: number;
  total: number;
}

export type ProgressCallback = (progress: TransferProgress) => void;

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

function groupByCollection(entries: readonly ChangeEntry[]): Map<CollectionName, ChangeEntry[]> {
  const groups = new Map<CollectionName, ChangeEntry[]>();
  for (const e of entries) {
    const group = groups.get(e.collection);
    if (group) group.push(e);
    else groups.set(e.collection, [e]);
  }
  return groups;
}

function failure(collection: CollectionName, errors: WriteResult['error']): Error {
  const first = errors[0];
  return new Error(
    `Could not save ${errors.length} ${collection} document(s)` +
      (first ? ` (first: ${first.documentId}, status ${first.status}).` : '.'),
  );
}

/** Puts every attempted entry back as it was, in bulk; keeps going past failures (best effort). */
async function rollBack(db: KithDatabase, attempted: readonly ChangeEntry[]): Promise<void> {
  for (const [collection, group] of groupByCollection(attempted)) {
    const c = collectionOf(db, collection);
    const created = group.filter((e) => e.before === null).map((e) => e.id);
    const previous = group.flatMap((e) => (e.before ? [e.before] : []));
    for (let i = 0; i < created.length; i += WRITE_CHUNK) {
      // 404s are entries whose write never happened: already as before.
      await c.bulkRemove(created.slice(i, i + WRITE_CHUNK)).catch(() => undefined);
    }
    for (let i = 0; i < previous.length; i += WRITE_CHUNK) {
      await c.bulkUpsert(previous.slice(i, i + WRITE_CHUNK).map(copy)).catch(() => undefined);
    }
  }
}

/**
 * Writes every entry's `after` (null: remove) or, if any write fails, puts back every document it
 * touched, `before` exactly as it was read, and rethrows. Storage has no transactions across
 * documents, so this compensation is what makes an import or a restore all or nothing. Unlike the
 * one-document-at-a-time rollback of shared/db's applyWrites, both ways go in bulk: an import is
 * tens of thousands of documents.
 */
export async function writeAllOrNothing(
  db: KithDatabase,
  entries: readonly ChangeEntry[],
  onProgress?: ProgressCallback,
): Promise<void> {
  const attempted: ChangeEntry[] = [];
  const total = entries.length;
  let done = 0;
  onProgress?.({ phase: 'writing', done, total });
  try {
    for (const [collection, group] of groupByCollection(entries)) {
      const c = collectionOf(db, collection);
      const upserts = group.filter((e) => e.after !== null);
      const removals = group.filter((e) => e.after === null);
      for (let i = 0; i < upserts.length; i += WRITE_CHUNK) {
        const chunk = upserts.slice(i, i + WRITE_CHUNK);
        attempted.push(...chunk);
        const result = await c.bulkUpsert(chunk.map((e) => copy(e.after as Doc)));
        if (result.error.length > 0) throw failure(collection, result.error);
        done += chunk.length;
        onProgress?.({ phase: 'writing', done, total });
      }
      for (let i = 0; i < removals.length; i += WRITE_CHUNK) {
        const chunk = removals.slice(i, i + WRITE_CHUNK);
        attempted.push(...chunk);
        const result = await c.bulkRemove(chunk.map((e) => e.id));
        const real = result.error.filter((e) => e.status !== 404);
        if (real.length > 0) throw failure(collection, real);
        done += chunk.length;
        onProgress?.({ phase: 'writing', done, total });
      }
    }
  } catch (err) {
    await rollBack(db, attempted);
    throw err;
  }
}
