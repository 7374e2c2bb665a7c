import { z } from 'zod';
import {
  collectionCreators,
  COLLECTION_NAMES,
  type CollectionName,
  type DocByCollection,
} from '../db/collections';
import { checkStoredDocument } from '../db/checkDocument';
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

/**
 * Reads a backup file's text: checks the envelope, migrates documents written under older schema
 * versions and validates every document against its collection's schema, so a restore cannot fail
 * half-way on bad data. Throws BackupError naming the collection, the index, the id and the field.
 */
export function parseBackup(text: string): KithBackup {
  let raw: unknown;
  try {
    raw = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (err) {
    throw new BackupError([{ path: '', message: `The file is not valid JSON (${(err as Error).message}).` }]);
  }
  const head = envelope.safeParse(raw);
  if (!head.success) {
    throw new BackupError(
      head.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
    );
  }
  const b = head.data;
  if (b.version > BACKUP_VERSION) {
    throw new BackupError([
      {
        path: 'version',
        message: `It was written by a newer Kith (backup version ${b.version}; this app reads up to ${BACKUP_VERSION}).`,
      },
    ]);
  }
  const current = currentSchemaVersions();
  const issues: BackupIssue[] = [];
  for (const name of Object.keys(b.collections)) {
    if (!(COLLECTION_NAMES as readonly string[]).includes(name)) {
      issues.push({ path: `collections.${name}`, message: `“${name}” is not a Kith collection.` });
    }
  }
  const collections = {} as Record<CollectionName, unknown[]>;
  for (const name of COLLECTION_NAMES) {
    const docs = b.collections[name] ?? [];
    const from = b.schemaVersions[name] ?? (docs.length === 0 ? current[name] : undefined);
    if (from === undefined) {
      issues.push({ path: `schemaVersions.${name}`, message: `The schema version of ${name} is missing.` });
      continue;
    }
    if (from > current[name]) {
      issues.push({
        path: `schemaVersions.${name}`,
        message: `${name} was written by a newer Kith (schema v${from}; this app reads up to v${current[name]}).`,
      });
      continue;
    }
    const seen = new Set<string>();
    collections[name] = docs.map((doc, i) => {
      const at = `collections.${name}[${i}]`;
      if (!doc || typeof doc !== 'object' || Array.isArray(doc)) {
        issues.push({ path: at, message: 'is not a document.' });
        return doc;
      }
      let d = doc as Record<string, unknown>;
      const id = typeof d.id === 'string' ? d.id : '';
      const label = id ? `${at} (id “${id}”)` : at;
      if (from < current[name]) {
        try {
          d = migrate(name, from, current[name], d);
        } catch (err) {
          issues.push({ path: label, message: `could not be migrated: ${(err as Error).message}.` });
          return d;
        }
      }
      for (const e of checkStoredDocument(name, d))
        issues.push({ path: e.path ? `${label}.${e.path}` : label, message: e.message });
      if (id && seen.has(id))
        issues.push({ path: label, message: `The id “${id}” appears twice in ${name}.` });
      seen.add(id);
      return d;
    });
  }
  const owners = ((collections.people ?? []) as { id?: unknown; isOwner?: unknown }[]).filter(
    (p) => p?.isOwner === true,
  );
  if (issues.length === 0 && (owners.length !== 1 || owners[0]?.id !== OWNER_ID)) {
    issues.push({
      path: 'collections.people',
      message: `A journal has exactly one owner (“me”, id “${OWNER_ID}”); this backup has ${owners.length}.`,
    });
  }
  if (issues.length > 0) throw new BackupError(issues);
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: b.exportedAt,
    app: b.app,
    schemaVersions: current,
    collections: collections as unknown as BackupCollections,
  };
}
