import type { ChangeEntry } from '../db/change';
import { COLLECTION_NAMES, type CollectionName, type Doc, type KithDatabase } from '../db/collections';
import { sameValue } from '../db/fieldTimes';
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
import { writeAllOrNothing, type ProgressCallback } from './bulkWrite';
import { unresolvedReferences, type Unresolved } from './backupReferences';

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

/**
 * Restores a parsed backup (see parseBackup), all or nothing, also across a crash (see
 * writeAllOrNothing): 'merge' keeps what the journal has and adds or updates from the backup field by
 * field; 'replace' makes the journal exactly the backup (documents it lacks are removed). Documents
 * parseBackup rejected, and those that refer to a document the journal will not have (see
 * ./backupReferences), are set aside after the write, never written. A failed write puts everything
 * back and rethrows.
 */
export async function restoreBackup(
  db: KithDatabase,
  backup: KithBackup | ParsedBackup,
  options: RestoreOptions,
): Promise<RestoreResult> {
  const fileName = options.fileName ?? 'the backup';
  const rejected = 'rejected' in backup ? backup.rejected : [];
  const current = byCollection(() => new Map<string, Doc>());
  let read = 0;
  for (const collection of COLLECTION_NAMES) {
    for (const d of await readCollection(db, collection)) current[collection].set(d.id, d);
    options.onProgress?.({ phase: 'reading', done: ++read, total: COLLECTION_NAMES.length });
  }
  const setAsideIds = byCollection(() => new Set<string>());
  for (const r of rejected) if (r.id) setAsideIds[r.collection].add(r.id);
  const incoming = backup.collections as unknown as Record<CollectionName, Doc[]>;
  const unresolved = unresolvedReferences({
    incoming,
    setAside: setAsideIds,
    kept:
      options.mode === 'merge'
        ? Object.fromEntries(COLLECTION_NAMES.map((c) => [c, new Set(current[c].keys())]))
        : {},
  });
  const left = byCollection(() => new Set<string>());
  for (const u of unresolved) left[u.collection].add(u.id);

  const entries: ChangeEntry[] = [];
  const result: RestoreResult = {
    created: 0,
    updated: 0,
    removed: 0,
    unchanged: 0,
    setAside: rejected.length + unresolved.length,
    setAsideForReferences: unresolved.length,
  };
  const restored = byCollection((): string[] => []);
  for (const collection of COLLECTION_NAMES) {
    const kept = new Set<string>();
    for (const doc of incoming[collection]) {
      if (left[collection].has(doc.id)) continue;
      kept.add(doc.id);
      restored[collection].push(doc.id);
      const before = current[collection].get(doc.id) ?? null;
      const after = before === null || options.mode === 'replace' ? doc : merged(collection, before, doc);
      if (before !== null && sameValue(before, after)) {
        result.unchanged++;
        continue;
      }
      entries.push({ collection, id: doc.id, before, after });
      if (before === null) result.created++;
      else result.updated++;
    }
    if (options.mode === 'replace') {
      for (const [id, before] of current[collection]) {
        if (kept.has(id)) continue;
        entries.push({ collection, id, before, after: null });
        result.removed++;
      }
    }
  }
  await writeAllOrNothing(db, entries, {
    onProgress: options.onProgress,
    description: { kind: 'restore', source: fileName, mode: options.mode },
  });
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
