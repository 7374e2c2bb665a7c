import type { CollectionName, Doc, KithDatabase } from './collections';
import { nextStamp } from './clock';
import { stampChanges } from './fieldTimes';

export interface ChangeEntry {
  collection: CollectionName;
  id: string;
  /** null: the document was created by this change. */
  before: Doc | null;
  /** null: the document was removed by this change. */
  after: Doc | null;
}

/** One user action, as the list of documents it touched; enough to undo and redo it. */
export interface Change {
  label: string;
  entries: ChangeEntry[];
}

interface Write {
  collection: CollectionName;
  id: string;
  target: Doc | null;
}

// RxDB's collection types differ per collection; these helpers treat them uniformly by id.
interface WriteResult {
  success: { primary: string }[];
  error: { status: number; documentId: string }[];
}
type AnyCollection = {
  findOne(id: string): { exec(): Promise<{ toMutableJSON(): Doc } | null> };
  findByIds(ids: string[]): { exec(): Promise<Map<string, { toMutableJSON(): Doc }>> };
  upsert(doc: Doc): Promise<unknown>;
  bulkUpsert(docs: Doc[]): Promise<WriteResult>;
  bulkRemove(ids: string[]): Promise<WriteResult>;
};

function collectionOf(db: KithDatabase, name: CollectionName): AnyCollection {
  return db[name] as unknown as AnyCollection;
}

export async function readDoc(db: KithDatabase, collection: CollectionName, id: string): Promise<Doc | null> {
  const doc = await collectionOf(db, collection).findOne(id).exec();
  return doc ? doc.toMutableJSON() : null;
}

/** Used only to roll back, one document at a time, so one failure cannot stop the others. */
async function writeDoc(db: KithDatabase, w: Write): Promise<void> {
  const c = collectionOf(db, w.collection);
  if (w.target) {
    await c.upsert(w.target);
    return;
  }
  const { error } = await c.bulkRemove([w.id]);
  if (error.some((e) => e.status !== 404)) throw new Error(`Could not remove ${w.collection} ${w.id}.`);
}

/** 'Could not save 3 people document(s) (first: …, status 409).' */
export function writeFailure(collection: CollectionName, errors: WriteResult['error']): Error {
  const first = errors[0];
  return new Error(
    `Could not save ${errors.length} ${collection} document(s)` +
      (first ? ` (first: ${first.documentId}, status ${first.status}).` : '.'),
  );
}

export function byCollection<T extends { collection: CollectionName }>(
  items: readonly T[],
): Map<CollectionName, T[]> {
  const groups = new Map<CollectionName, T[]>();
  for (const item of items) {
    const group = groups.get(item.collection);
    if (group) group.push(item);
    else groups.set(item.collection, [item]);
  }
  return groups;
}

/**
 * Writes every target, or none: if a write fails, the documents already written are put back as
 * they were and the error is rethrown. Storage has no multi-document transactions, so this
 * compensation is what keeps a change from being half-saved. Writes go in bulk per collection
 * (a sample journal or an import is hundreds of documents).
 */
export async function applyWrites(db: KithDatabase, writes: Write[]): Promise<void> {
  const written: Write[] = [];
  try {
    for (const [collection, group] of byCollection(writes)) {
      const c = collectionOf(db, collection);
      const stored = await c.findByIds(group.map((w) => w.id)).exec();
      const previous = (id: string): Doc | null => stored.get(id)?.toMutableJSON() ?? null;
      const remember = (result: WriteResult) => {
        for (const d of result.success)
          written.push({ collection, id: d.primary, target: previous(d.primary) });
      };

      const upserts = group.flatMap((w) => (w.target ? [w.target] : []));
      if (upserts.length > 0) {
        // bulkUpsert also re-inserts over a removed document's tombstone (RxDB resolves that itself).
        const result = await c.bulkUpsert(upserts);
        remember(result);
        if (result.error.length > 0) throw writeFailure(collection, result.error);
      }
      // Removing what is already gone is the state we wanted, not an error.
      const removals = group.filter((w) => !w.target && stored.has(w.id)).map((w) => w.id);
      if (removals.length > 0) {
        const result = await c.bulkRemove(removals);
        remember(result);
        if (result.error.length > 0) throw writeFailure(collection, result.error);
      }
    }
  } catch (err) {
    for (const undo of written.reverse()) {
      try {
        await writeDoc(db, undo);
      } catch {
        // Keep rolling back the others; the original error is the one worth reporting.
      }
    }
    throw err;
  }
}

/** Writes a planned change (whose `after` documents are already stamped) and returns it. */
export async function commit(db: KithDatabase, label: string, entries: ChangeEntry[]): Promise<Change> {
  await applyWrites(
    db,
    entries.map((e) => ({ collection: e.collection, id: e.id, target: e.after })),
  );
  return { label, entries };
}

/**
 * Restoring an old version is a new edit as far as sync is concerned: fields that differ from what
 * is stored now get fresh stamps, so the restored values win over the edit being undone.
 */
async function restore(db: KithDatabase, entries: ChangeEntry[], pick: 'before' | 'after'): Promise<void> {
  // One read per collection, not per document: an import's change is tens of thousands of entries.
  const stored = new Map<string, Doc>();
  for (const [collection, group] of byCollection(entries.filter((e) => e[pick]))) {
    const found = await collectionOf(db, collection)
      .findByIds(group.map((e) => e.id))
      .exec();
    for (const [id, doc] of found) stored.set(`${collection}/${id}`, doc.toMutableJSON());
  }
  const writes: Write[] = [];
  for (const e of entries) {
    const target = e[pick];
    if (!target) {
      writes.push({ collection: e.collection, id: e.id, target: null });
      continue;
    }
    const current = stored.get(`${e.collection}/${e.id}`) ?? null;
    const { ms, stamp } = nextStamp(db, [current]);
    // A re-inserted document gets every field stamped: its removal was an edit of all of them.
    const fieldTimes = stampChanges(current, target, stamp);
    writes.push({
      collection: e.collection,
      id: e.id,
      target: { ...target, updatedAt: ms, fieldTimes } as Doc,
    });
  }
  await applyWrites(db, writes);
}

export function undoChange(db: KithDatabase, change: Change): Promise<void> {
  return restore(db, [...change.entries].reverse(), 'before');
}

export function redoChange(db: KithDatabase, change: Change): Promise<void> {
  return restore(db, change.entries, 'after');
}
