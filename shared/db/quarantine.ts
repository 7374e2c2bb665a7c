import { map, Observable } from 'rxjs';
import type { ValidationIssue } from '../domain/validation';
import type { KithDatabase } from './collections';
import { localDocumentChanges$ } from './localChanges';

/**
 * Documents set aside: they arrived from sync, a backup or an import but cannot be stored (they fail
 * the journal's rules, or could not be decrypted or authenticated). They are kept on this device,
 * never applied and never blocking the documents around them, and listed under Settings › Data health
 * with the reason and what to do.
 *
 * Kept in RxDB local documents, which are this device's own (never replicated, not in backups) and do
 * not count against the open core's limit of 13 collections per process: one index document with
 * every entry's summary (what the data health view and the sync status read, live) and one document
 * per entry with what arrived, for "Save a copy".
 */

export type QuarantineSource = 'sync' | 'backup' | 'import';

export interface QuarantinedDocument {
  /** Stable per source, collection and document: a newer bad version replaces the older entry. */
  key: string;
  source: QuarantineSource;
  /** The collection it was meant for, as the source named it. */
  collection: string;
  docId: string;
  /** One sentence: why it was set aside. */
  reason: string;
  issues: ValidationIssue[];
  /** Where it came from: the server's id and revision, a backup's or an import's file name. */
  origin: string;
  /** When it was set aside (ms since the epoch). */
  at: number;
  /** false once its copy was let go to make room for newer ones (see MAX_COPIES_KEPT). */
  copyKept?: boolean;
}

export type SetAside = Omit<QuarantinedDocument, 'key' | 'at' | 'copyKept'> & {
  /** What arrived (a document, or the envelope when it could not be opened), kept for "Save a copy". */
  raw?: unknown;
};

const INDEX_ID = 'quarantine';
/** Entries listed; beyond it the oldest are dropped from the list and counted, so a flood cannot fill the disk. */
export const MAX_LISTED = 2_000;
/** What is kept of one arrival for "Save a copy" (a photo is at most 150,000 characters). */
const MAX_RAW_CHARS = 200_000;
/**
 * Arrivals whose copy is kept: the newest ones. Older entries stay listed with their reason, without
 * the copy, so a flood from a hostile server takes at most about 20 million characters, not 2,000
 * full documents (a disk filled to the last byte can cost the browser its whole journal).
 */
export const MAX_COPIES_KEPT = 100;

interface QuarantineIndex {
  entries: QuarantinedDocument[];
  /** Entries dropped from the list because it was full. */
  dropped: number;
}

const EMPTY: QuarantineIndex = { entries: [], dropped: 0 };

const cut = (text: string, max: number) => (text.length > max ? text.slice(0, max) : text);

export function quarantineKey(source: QuarantineSource, collection: string, docId: string): string {
  // Local document ids are at most 128 characters; a hostile source may send any id.
  return `${source}|${cut(collection, 24)}|${cut(docId, 80)}`;
}

const rawId = (key: string) => `quarantined:${key}`;

/** One write at a time per database: the index is one document, and writers must not race it. */
const queues = new WeakMap<KithDatabase, Promise<unknown>>();

function serially<T>(db: KithDatabase, task: () => Promise<T>): Promise<T> {
  const run = (queues.get(db) ?? Promise.resolve()).then(task, task);
  queues.set(
    db,
    run.catch(() => undefined),
  );
  return run;
}

async function readIndex(db: KithDatabase): Promise<QuarantineIndex> {
  const doc = await db.getLocal<QuarantineIndex>(INDEX_ID);
  return (doc?.toJSON().data as QuarantineIndex | undefined) ?? EMPTY;
}

async function writeIndex(db: KithDatabase, index: QuarantineIndex): Promise<void> {
  await db.upsertLocal<QuarantineIndex>(INDEX_ID, index);
}

function rawText(raw: unknown): string {
  try {
    return cut(typeof raw === 'string' ? raw : (JSON.stringify(raw) ?? ''), MAX_RAW_CHARS);
  } catch {
    return '';
  }
}

/** Sets documents aside; an entry for the same source, collection and id is replaced by the newer one. */
export function setAside(
  db: KithDatabase,
  items: readonly SetAside[],
  now: number = Date.now(),
): Promise<void> {
  if (items.length === 0) return Promise.resolve();
  return serially(db, async () => {
    const index = await readIndex(db);
    const byKey = new Map(index.entries.map((e) => [e.key, e]));
    for (const { raw, ...item } of items) {
      const key = quarantineKey(item.source, item.collection, item.docId);
      byKey.delete(key);
      const text = rawText(raw);
      if (text !== '') await db.upsertLocal(rawId(key), { text });
      else await removeRaw(db, key);
      byKey.set(key, {
        ...item,
        issues: item.issues.slice(0, 20),
        key,
        at: now,
        ...(text === '' ? { copyKept: false } : {}),
      });
    }
    const entries = [...byKey.values()];
    const over = Math.max(0, entries.length - MAX_LISTED);
    for (const gone of entries.slice(0, over)) await removeRaw(db, gone.key);
    const listed = entries.slice(over);
    for (const older of listed.slice(0, Math.max(0, listed.length - MAX_COPIES_KEPT))) {
      if (older.copyKept === false) continue;
      await removeRaw(db, older.key);
      older.copyKept = false;
    }
    await writeIndex(db, { entries: listed, dropped: index.dropped + over });
  });
}

async function removeRaw(db: KithDatabase, key: string): Promise<void> {
  const doc = await db.getLocal(rawId(key));
  if (!doc) return;
  // A removed local document keeps its last data in storage: empty it first, so the room is freed.
  await db.upsertLocal(rawId(key), { text: '' });
  await (await db.getLocal(rawId(key)))?.remove();
}

async function removeWhere(db: KithDatabase, gone: (e: QuarantinedDocument) => boolean): Promise<void> {
  const index = await readIndex(db);
  const removed = index.entries.filter(gone);
  if (removed.length === 0) return;
  for (const e of removed) await removeRaw(db, e.key);
  await writeIndex(db, { ...index, entries: index.entries.filter((e) => !gone(e)) });
}

/** A valid version of these documents arrived from `source`: the bad one it replaced is forgotten. */
export function release(
  db: KithDatabase,
  source: QuarantineSource,
  collection: string,
  docIds: readonly string[],
): Promise<void> {
  if (docIds.length === 0) return Promise.resolve();
  const keys = new Set(docIds.map((id) => quarantineKey(source, collection, id)));
  return serially(db, () => removeWhere(db, (e) => keys.has(e.key)));
}

/** The person chose to discard these entries (the documents themselves were never stored). */
export function discardQuarantined(db: KithDatabase, keys: readonly string[]): Promise<void> {
  const wanted = new Set(keys);
  return serially(db, () => removeWhere(db, (e) => wanted.has(e.key)));
}

/** Empties the list, the count of dropped entries included. */
export function discardAllQuarantined(db: KithDatabase): Promise<void> {
  return serially(db, async () => {
    await removeWhere(db, () => true);
    await writeIndex(db, EMPTY);
  });
}

export function listQuarantined(db: KithDatabase): Promise<QuarantineIndex> {
  return readIndex(db);
}

/**
 * The list, live: the data health view and the sync status follow it (every window of the journal:
 * local documents are shared by them).
 */
export function quarantine$(db: KithDatabase): Observable<QuarantineIndex> {
  const changes = localDocumentChanges$<QuarantineIndex>(db, INDEX_ID).pipe(map((index) => index ?? EMPTY));
  return new Observable<QuarantineIndex>((subscriber) => {
    let changed = false;
    const subscription = changes.subscribe((index) => {
      changed = true;
      subscriber.next(index);
    });
    // The stored list first, unless a change already arrived (it is newer).
    readIndex(db).then(
      (index) => {
        if (!changed) subscriber.next(index);
      },
      // Closing while reading (a window closing, a test ending): nothing more will change. RxDB drops
      // a database's local documents first thing when it closes, and says LD8 ("not activated") for
      // them from then on; Kith always opens with them.
      (error: unknown) =>
        db.closed || (error as { code?: unknown } | null)?.code === 'LD8'
          ? subscriber.complete()
          : subscriber.error(error),
    );
    return () => subscription.unsubscribe();
  });
}

/** What arrived, as JSON text ('' when nothing readable arrived), for "Save a copy". */
export async function quarantinedRaw(db: KithDatabase, key: string): Promise<string | null> {
  const doc = await db.getLocal<{ text: string }>(rawId(key));
  return doc ? ((doc.toJSON().data as { text?: string }).text ?? '') : null;
}

export type { QuarantineIndex };
