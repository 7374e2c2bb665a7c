import type { ChangeEntry } from '../db/change';
import { nextStamp } from '../db/clock';
import { COLLECTION_NAMES, type CollectionName, type Doc, type KithDatabase } from '../db/collections';
import { sameContent, sameValue, stampChanges } from '../db/fieldTimes';
import { mergeVersions } from '../sync/merge';
import { describeIssues } from '../db/checkDocument';
import { listQuarantined, release, setAside, type SetAside } from '../db/quarantine';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  currentSchemaVersions,
  rejectedPath,
  type BackupCollections,
  type KithBackup,
  type ParsedBackup,
  type RejectedDocument,
} from './backupFormat';
import { planAndWriteAllOrNothing, type PlannedWrite } from '../db/bulkWrite';
import type { ProgressCallback } from './bulkWrite';
import { keptForReferences, unresolvedReferences, type Unresolved } from './backupReferences';

type Readable = { find(): { exec(): Promise<{ toMutableJSON(): unknown }[]> } };

async function readCollection(db: KithDatabase, name: CollectionName): Promise<Doc[]> {
  const docs = await (db[name] as unknown as Readable).find().exec();
  return docs.map((d) => d.toMutableJSON() as Doc).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Every collection of the journal (settings included; the device's own id is not journal data). */
export async function createBackup(
  db: KithDatabase,
  options: { app?: string; now?: Date; onProgress?: ProgressCallback } = {},
): Promise<KithBackup> {
  const collections = {} as Record<CollectionName, Doc[]>;
  let done = 0;
  for (const name of COLLECTION_NAMES) {
    collections[name] = await readCollection(db, name);
    options.onProgress?.({ phase: 'reading', done: ++done, total: COLLECTION_NAMES.length });
  }
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: (options.now ?? new Date()).toISOString(),
    app: options.app ?? 'Kith',
    schemaVersions: currentSchemaVersions(),
    collections: collections as unknown as BackupCollections,
  };
}

/** One document per line inside each collection: diffable, and still one JSON value. */
export function backupToJson(backup: KithBackup): string {
  const { collections, ...head } = backup;
  const parts = COLLECTION_NAMES.map((name) => {
    const docs = collections[name] as Doc[];
    const body = docs.map((d) => `    ${JSON.stringify(d)}`).join(',\n');
    return `    ${JSON.stringify(name)}: [${docs.length ? `\n${body}\n    ` : ''}]`;
  });
  const headJson = JSON.stringify(head, null, 2).replace(/\n}$/, '');
  return `${headJson},\n  "collections": {\n${parts.join(',\n')}\n  }\n}\n`;
}

/** 'kith-backup-2026-11-26-2215.json' (local time), the name the desktop's automatic backups use too. */
export function backupFileName(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `kith-backup-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}.json`;
}

export type RestoreMode = 'merge' | 'replace';

export interface RestoreResult {
  created: number;
  updated: number;
  removed: number;
  unchanged: number;
  /** Documents of the backup that could not be restored and were set aside (see Settings › Data health). */
  setAside: number;
  /** Set aside because they refer to a document the journal will not have (counted in `setAside`). */
  setAsideForReferences: number;
  /**
   * Replace: documents the journal keeps as they are although the backup does not restore them,
   * because the backup's version was set aside (or such a document refers to them): the journal's
   * own copy rather than nothing.
   */
  keptFromJournal: number;
  /** Why the set-aside documents could not be listed under Data health (the restore itself stands). */
  setAsideError?: string;
}

export interface RestoreOptions {
  mode: RestoreMode;
  onProgress?: ProgressCallback;
  /** The backup file's name: named in the data health list and in a crash's notice. */
  fileName?: string;
}

type WithDeleted = Doc & { _deleted: boolean } & Record<string, unknown>;

/**
 * 'merge': every field takes the newer edit by its fieldTimes stamp (sync's own merge, with the
 * backup as the common base, so a journal text that loses to a newer one in the backup is kept
 * below it instead of lost, and an older backup text never comes back as a conflict).
 */
function merged(collection: CollectionName, current: Doc, incoming: Doc): Doc {
  const a = { ...current, _deleted: false } as WithDeleted;
  const b = { ...incoming, _deleted: false } as WithDeleted;
  const { _deleted: _gone, ...doc } = mergeVersions(collection, a, b, b);
  return doc as unknown as Doc;
}

const byCollection = <T>(make: () => T) =>
  Object.fromEntries(COLLECTION_NAMES.map((name) => [name, make()])) as Record<CollectionName, T>;

type StorageOf = {
  storageInstance: { findDocumentsById(ids: string[], withDeleted: boolean): Promise<Doc[]> };
};

/** Which of `ids` this journal once had and removed: their tombstones are still in storage. */
async function removedHere(
  db: KithDatabase,
  collection: CollectionName,
  ids: string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const found = await (db[collection] as unknown as StorageOf).storageInstance.findDocumentsById(ids, true);
  return new Set(found.filter((d) => (d as Doc & { _deleted?: boolean })._deleted).map((d) => d.id));
}

interface Planned {
  result: RestoreResult;
  unresolved: Unresolved[];
  /** The ids written from the backup, by collection. */
  restored: Record<CollectionName, string[]>;
}

/** Reads the journal and plans the restore: called holding the write lock (see restoreBackup). */
async function planRestore(
  db: KithDatabase,
  incoming: Record<CollectionName, Doc[]>,
  rejected: readonly RejectedDocument[],
  options: RestoreOptions,
): Promise<PlannedWrite<Planned>> {
  const { mode } = options;
  const current = byCollection(() => new Map<string, Doc>());
  let read = 0;
  for (const collection of COLLECTION_NAMES) {
    for (const d of await readCollection(db, collection)) current[collection].set(d.id, d);
    options.onProgress?.({ phase: 'reading', done: ++read, total: COLLECTION_NAMES.length });
  }
  const setAsideIds = byCollection(() => new Set<string>());
  for (const r of rejected) if (r.id) setAsideIds[r.collection].add(r.id);
  const unresolved = unresolvedReferences({
    incoming,
    setAside: setAsideIds,
    journal: Object.fromEntries(COLLECTION_NAMES.map((c) => [c, new Set(current[c].keys())])),
    mode,
  });
  const left = byCollection(() => new Set<string>());
  for (const u of unresolved) left[u.collection].add(u.id);

  const restored = byCollection((): string[] => []);
  const restoredIds = byCollection(() => new Set<string>());
  for (const collection of COLLECTION_NAMES) {
    for (const doc of incoming[collection]) {
      if (left[collection].has(doc.id)) continue;
      restored[collection].push(doc.id);
      restoredIds[collection].add(doc.id);
    }
  }
  // Replace: a document whose backup version is set aside stays as the journal has it, rather than
  // being removed because the backup "lacks" it; so does what such a document refers to.
  const kept = byCollection(() => new Set<string>());
  if (mode === 'replace') {
    for (const collection of COLLECTION_NAMES) {
      for (const id of [...setAsideIds[collection], ...left[collection]])
        if (current[collection].has(id) && !restoredIds[collection].has(id)) kept[collection].add(id);
    }
    const extra = keptForReferences(current, kept, restoredIds);
    for (const collection of COLLECTION_NAMES) for (const id of extra[collection]) kept[collection].add(id);
  }

  // A restore is an edit as far as sync is concerned (as undo's is): every field it changes gets a
  // fresh stamp, or the server's newer copy wins the next merge and silently undoes it, and other
  // devices refuse it as a rollback. A document this journal removed comes back with every field
  // stamped (its removal was an edit of all of them); one it never had keeps the backup's stamps.
  const { ms, stamp } = nextStamp(
    db,
    COLLECTION_NAMES.flatMap((c) => [...current[c].values()]),
  );
  const entries: ChangeEntry[] = [];
  const result: RestoreResult = {
    created: 0,
    updated: 0,
    removed: 0,
    unchanged: 0,
    setAside: rejected.length + unresolved.length,
    setAsideForReferences: unresolved.length,
    keptFromJournal: COLLECTION_NAMES.reduce((n, c) => n + kept[c].size, 0),
  };
  for (const collection of COLLECTION_NAMES) {
    const docs = incoming[collection].filter((d) => restoredIds[collection].has(d.id));
    const removed = await removedHere(
      db,
      collection,
      docs.filter((d) => !current[collection].has(d.id)).map((d) => d.id),
    );
    for (const doc of docs) {
      const before = current[collection].get(doc.id) ?? null;
      let after: Doc;
      if (before === null) {
        after = removed.has(doc.id)
          ? ({ ...doc, updatedAt: ms, fieldTimes: stampChanges(null, doc, stamp) } as Doc)
          : doc;
      } else if (mode === 'replace') {
        // Bookkeeping the backup's (when the content is the same too: nothing then needs stamping).
        const changed = !sameContent(before, doc);
        after = {
          ...doc,
          updatedAt: changed ? ms : doc.updatedAt,
          fieldTimes: stampChanges(before, doc, stamp),
        } as Doc;
        if (sameValue(before, after)) {
          result.unchanged++;
          continue;
        }
      } else {
        after = merged(collection, before, doc);
        if (sameValue(before, after)) {
          result.unchanged++;
          continue;
        }
      }
      entries.push({ collection, id: doc.id, before, after });
      if (before === null) result.created++;
      else result.updated++;
    }
    if (mode === 'replace') {
      for (const [id, before] of current[collection]) {
        if (restoredIds[collection].has(id) || kept[collection].has(id)) continue;
        entries.push({ collection, id, before, after: null });
        result.removed++;
      }
    }
  }
  return { entries, result: { result, unresolved, restored } };
}

/**
 * Restores a parsed backup (see parseBackup), all or nothing, also across a crash (see
 * writeAllOrNothing): 'merge' keeps what the journal has and adds or updates from the backup field by
 * field; 'replace' makes the journal the backup (documents it lacks are removed, changed fields are
 * stamped anew so that the restore wins over what sync holds). Documents parseBackup rejected, and
 * those that refer to a document the journal will not have (see ./backupReferences), are set aside
 * after the write, never written; replacing, the journal keeps its own copy of those. The journal is
 * read, the restore planned and written holding the write lock, so no other import or restore slips
 * in between. A failed write puts everything back and rethrows.
 */
export async function restoreBackup(
  db: KithDatabase,
  backup: KithBackup | ParsedBackup,
  options: RestoreOptions,
): Promise<RestoreResult> {
  const fileName = options.fileName ?? 'the backup';
  const rejected = 'rejected' in backup ? backup.rejected : [];
  const incoming = backup.collections as unknown as Record<CollectionName, Doc[]>;
  const { result, unresolved, restored } = await planAndWriteAllOrNothing(
    db,
    () => planRestore(db, incoming, rejected, options),
    {
      onProgress: options.onProgress,
      description: { kind: 'restore', source: fileName, mode: options.mode },
    },
  );
  try {
    await setAsideFromBackup(db, fileName, rejected, unresolved, incoming);
    // A valid version of a document set aside from an earlier backup arrived: its entry goes.
    if ((await listQuarantined(db)).entries.some((e) => e.source === 'backup')) {
      for (const collection of COLLECTION_NAMES)
        await release(db, 'backup', collection, restored[collection]);
    }
  } catch (err) {
    // The journal is restored; only the list of what was left out could not be written (a full disk).
    result.setAsideError = err instanceof Error ? err.message : String(err);
  }
  return result;
}

/** Into the data health list: each with the reason, the file and its place in it, and what it held. */
async function setAsideFromBackup(
  db: KithDatabase,
  fileName: string,
  rejected: readonly RejectedDocument[],
  unresolved: readonly Unresolved[],
  incoming: Record<CollectionName, Doc[]>,
): Promise<void> {
  const items: SetAside[] = rejected.map((r) => ({
    source: 'backup',
    collection: r.collection,
    docId: r.id || `#${r.index}`,
    reason: describeIssues(r.issues),
    issues: r.issues,
    origin: `${fileName}, ${rejectedPath(r)}`,
    raw: r.raw,
  }));
  const places = new Map<string, number>();
  for (const u of unresolved) places.set(`${u.collection}/${u.id}`, -1);
  for (const collection of COLLECTION_NAMES) {
    incoming[collection].forEach((d, i) => {
      const key = `${collection}/${d.id}`;
      if (places.get(key) === -1) places.set(key, i);
    });
  }
  for (const u of unresolved) {
    const index = places.get(`${u.collection}/${u.id}`) ?? -1;
    items.push({
      source: 'backup',
      collection: u.collection,
      docId: u.id,
      reason: describeIssues(u.issues),
      issues: u.issues,
      origin: `${fileName}, ${rejectedPath({ collection: u.collection, index, id: u.id })}`,
      raw: incoming[u.collection][index],
    });
  }
  await setAside(db, items);
}
