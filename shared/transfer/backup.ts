import type { ChangeEntry } from '../db/change';
import { COLLECTION_NAMES, type CollectionName, type Doc, type KithDatabase } from '../db/collections';
import { sameValue } from '../db/fieldTimes';
import { mergeVersions } from '../sync/merge';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  currentSchemaVersions,
  type BackupCollections,
  type KithBackup,
} from './backupFormat';
import { writeAllOrNothing, type ProgressCallback } from './bulkWrite';

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

/**
 * Restores a parsed backup (see parseBackup), all or nothing: 'merge' keeps what the journal has and
 * adds or updates from the backup field by field; 'replace' makes the journal exactly the backup
 * (documents it lacks are removed). A failed write puts everything back and rethrows.
 */
export async function restoreBackup(
  db: KithDatabase,
  backup: KithBackup,
  options: { mode: RestoreMode; onProgress?: ProgressCallback },
): Promise<RestoreResult> {
  const entries: ChangeEntry[] = [];
  const result: RestoreResult = { created: 0, updated: 0, removed: 0, unchanged: 0 };
  let read = 0;
  for (const collection of COLLECTION_NAMES) {
    const current = new Map((await readCollection(db, collection)).map((d) => [d.id, d]));
    options.onProgress?.({ phase: 'reading', done: ++read, total: COLLECTION_NAMES.length });
    const incoming = backup.collections[collection] as Doc[];
    const kept = new Set<string>();
    for (const doc of incoming) {
      kept.add(doc.id);
      const before = current.get(doc.id) ?? null;
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
      for (const [id, before] of current) {
        if (kept.has(id)) continue;
        entries.push({ collection, id, before, after: null });
        result.removed++;
      }
    }
  }
  await writeAllOrNothing(db, entries, options.onProgress);
  return result;
}
