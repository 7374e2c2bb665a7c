import { z } from 'zod';
import {
  collectionCreators,
  COLLECTION_NAMES,
  type CollectionName,
  type DocByCollection,
} from '../db/collections';
import { checkStoredDocument, describeIssues } from '../db/checkDocument';
import { MAX_LISTED } from '../db/quarantine';
import type { ValidationIssue } from '../domain/validation';
import { OWNER_ID } from '../db/ids';
import { migratePersonV0toV1, migratePersonV1toV2 } from '../db/migrations';
import type { PersonV0 } from '../db/schemas/history/people-v0';
import type { PersonV1 } from '../db/schemas/history/people-v1';

export const BACKUP_FORMAT = 'kith-backup';
export const BACKUP_VERSION = 1;

export type BackupCollections = { [K in CollectionName]: DocByCollection[K][] };

/** One JSON file holding the whole journal: every collection, settings included, and its schema versions. */
export interface KithBackup {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  /** ISO 8601 time the backup was written. */
  exportedAt: string;
  /** The app that wrote it, e.g. 'Kith 0.1.0'. */
  app: string;
  /** Schema version of each collection's documents, so a later Kith can migrate them. */
  schemaVersions: Record<CollectionName, number>;
  collections: BackupCollections;
}

export interface BackupIssue {
  /** 'collections.people[12].name', or a top-level field. */
  path: string;
  message: string;
}

/** A backup that cannot be restored. The message names the first problems; `issues` has them all (up to 100). */
export class BackupError extends Error {
  readonly issues: BackupIssue[];

  constructor(issues: BackupIssue[]) {
    const shown = issues.slice(0, 20).map((i) => (i.path ? `${i.path}: ${i.message}` : i.message));
    const more = issues.length > 20 ? ` (and ${issues.length - 20} more)` : '';
    super(`This backup cannot be restored. ${shown.join(' ')}${more}`);
    this.name = 'BackupError';
    this.issues = issues.slice(0, 100);
  }
}

export function currentSchemaVersions(): Record<CollectionName, number> {
  return Object.fromEntries(
    COLLECTION_NAMES.map((name) => [name, collectionCreators[name].schema.version]),
  ) as Record<CollectionName, number>;
}

const envelope = z.object({
  format: z.literal(BACKUP_FORMAT, {
    error: 'This is not a Kith backup (its "format" is not "kith-backup").',
  }),
  version: z
    .number({ error: '"version" must be a number.' })
    .int({ error: '"version" must be a whole number.' }),
  exportedAt: z.string({ error: '"exportedAt" must be a date and time.' }),
  app: z.string({ error: '"app" must be text.' }).default(''),
  schemaVersions: z.record(z.string(), z.number().int().min(0), {
    error: '"schemaVersions" must map each collection to a number.',
  }),
  collections: z.record(z.string(), z.array(z.unknown(), { error: 'must be a list of documents.' }), {
    error: '"collections" must map each collection to a list of documents.',
  }),
});

type Migrate = (doc: Record<string, unknown>) => Record<string, unknown>;

/** Older documents brought to the current schema, the same steps the database runs on open. */
const PEOPLE_STEPS: Record<number, Migrate> = {
  0: (d) => migratePersonV0toV1(d as unknown as PersonV0) as unknown as Record<string, unknown>,
  1: (d) => migratePersonV1toV2(d as unknown as PersonV1) as unknown as Record<string, unknown>,
};

function migrate(collection: CollectionName, from: number, to: number, doc: Record<string, unknown>) {
  let d = doc;
  for (let v = from; v < to; v++) {
    const step = collection === 'people' ? PEOPLE_STEPS[v] : undefined;
    if (!step) throw new Error(`no migration from ${collection} v${v}`);
    d = step(d);
  }
  return d;
}

/** A document of the backup that cannot be restored: set aside (shared/db/quarantine), never written. */
export interface RejectedDocument {
  collection: CollectionName;
  /** Its place in the backup's list. */
  index: number;
  /** Its id ('' when it has none). */
  id: string;
  issues: ValidationIssue[];
  /** The document as it is in the file, for "Save a copy". */
  raw: unknown;
}

/** A backup as read: the documents that can be restored, and those that cannot. */
export interface ParsedBackup extends KithBackup {
  rejected: RejectedDocument[];
}

/**
 * More bad documents than this and the file is not a backup with a few damaged documents but a
 * damaged backup: it is refused whole (the data health list keeps at most this many entries).
 */
export const MAX_REJECTED = MAX_LISTED;

export interface ParseBackupOptions {
  /** Called every 5,000 documents while they are checked. */
  onProgress?: (progress: { phase: 'validating'; done: number; total: number }) => void;
}

function refuse(path: string, message: string): never {
  throw new BackupError([{ path, message }]);
}

/**
 * Reads a backup file's text: checks the envelope, migrates documents written under older schema
 * versions and checks every document against its collection's schema and the journal's rules
 * (checkStoredDocument), so a restore cannot fail half-way on bad data.
 *
 * A file that is not a Kith backup, comes from a newer Kith, cannot be read, or has no valid owner is
 * refused whole (BackupError). A bad document is not: it goes to `rejected` (with its collection,
 * place, id and problems) and the others are restored; so do later copies of an id already seen.
 */
export function parseBackup(text: string, options: ParseBackupOptions = {}): ParsedBackup {
  let raw: unknown;
  try {
    raw = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (err) {
    refuse('', `The file is not valid JSON (${(err as Error).message}).`);
  }
  const head = envelope.safeParse(raw);
  if (!head.success) {
    throw new BackupError(
      head.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
    );
  }
  const b = head.data;
  if (b.version > BACKUP_VERSION) {
    refuse(
      'version',
      `It was written by a newer Kith (backup version ${b.version}; this app reads up to ${BACKUP_VERSION}).`,
    );
  }
  const current = currentSchemaVersions();
  const issues: BackupIssue[] = [];
  for (const name of Object.keys(b.collections)) {
    if (!(COLLECTION_NAMES as readonly string[]).includes(name)) {
      issues.push({ path: `collections.${name}`, message: `“${name}” is not a Kith collection.` });
    }
  }
  for (const name of COLLECTION_NAMES) {
    const docs = b.collections[name] ?? [];
    const from = b.schemaVersions[name] ?? (docs.length === 0 ? current[name] : undefined);
    if (from === undefined) {
      issues.push({ path: `schemaVersions.${name}`, message: `The schema version of ${name} is missing.` });
    } else if (from > current[name]) {
      issues.push({
        path: `schemaVersions.${name}`,
        message: `${name} was written by a newer Kith (schema v${from}; this app reads up to v${current[name]}).`,
      });
    }
  }
  if (issues.length > 0) throw new BackupError(issues);

  const total = COLLECTION_NAMES.reduce((n, name) => n + (b.collections[name]?.length ?? 0), 0);
  let done = 0;
  const collections = {} as Record<CollectionName, unknown[]>;
  const rejected: RejectedDocument[] = [];
  for (const name of COLLECTION_NAMES) {
    const docs = b.collections[name] ?? [];
    const from = b.schemaVersions[name] ?? current[name];
    const seen = new Set<string>();
    const kept: unknown[] = [];
    docs.forEach((doc, index) => {
      if (++done % 5_000 === 0) options.onProgress?.({ phase: 'validating', done, total });
      const reject = (id: string, found: ValidationIssue[]) =>
        rejected.push({ collection: name, index, id, issues: found, raw: doc });
      if (!doc || typeof doc !== 'object' || Array.isArray(doc)) {
        reject('', [{ path: '', message: 'It is not a document.' }]);
        return;
      }
      let d = doc as Record<string, unknown>;
      const id = typeof d.id === 'string' ? d.id : '';
      if (from < current[name]) {
        try {
          d = migrate(name, from, current[name], d);
        } catch (err) {
          reject(id, [{ path: '', message: `It could not be migrated: ${(err as Error).message}.` }]);
          return;
        }
      }
      const found = checkStoredDocument(name, d);
      if (found.length > 0) return reject(id, found);
      if (seen.has(id)) {
        return reject(id, [
          { path: 'id', message: `The id “${id}” appears twice in ${name}; the first was restored.` },
        ]);
      }
      seen.add(id);
      kept.push(d);
    });
    collections[name] = kept;
  }
  options.onProgress?.({ phase: 'validating', done, total });

  const owners = (collections.people as { id?: unknown; isOwner?: unknown }[]).filter(
    (p) => p.isOwner === true,
  );
  if (owners.length !== 1 || owners[0]?.id !== OWNER_ID) {
    const owner = rejected.find((r) => r.collection === 'people' && r.id === OWNER_ID);
    if (owner && owners.length === 0) {
      refuse(rejectedPath(owner), `The owner (“me”) cannot be restored: ${describeIssues(owner.issues)}`);
    }
    refuse(
      'collections.people',
      `A journal has exactly one owner (“me”, id “${OWNER_ID}”); this backup has ${owners.length}.`,
    );
  }
  if (rejected.length > MAX_REJECTED) {
    throw new BackupError([
      {
        path: '',
        message: `${rejected.length.toLocaleString('en-US')} of its documents cannot be restored, more than the ${MAX_REJECTED.toLocaleString('en-US')} Kith can set aside: the file is damaged.`,
      },
      ...rejected.map((r) => ({ path: rejectedPath(r), message: describeIssues(r.issues) })),
    ]);
  }
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: b.exportedAt,
    app: b.app,
    schemaVersions: current,
    collections: collections as unknown as BackupCollections,
    rejected,
  };
}

/** 'collections.people[12] (id “…”)': where a rejected document is in the file. */
export function rejectedPath(r: Pick<RejectedDocument, 'collection' | 'index' | 'id'>): string {
  return `collections.${r.collection}[${r.index}]${r.id ? ` (id “${r.id.slice(0, 80)}”)` : ''}`;
}
