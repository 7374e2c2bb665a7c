import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { openDatabase, type KithDatabase } from '../../../shared/db';
import type { RxdbVariant } from '../api';
import type { DatasetName } from '../../../shared/sample';
import { openUnvalidated } from './unvalidated';
import {
  assertUntouched,
  collectionsOf,
  type SampleCollectionName,
  type SampleCollections,
} from './datasets';

/**
 * Documents per bulkInsert call. An import writes in batches like this so that progress can be
 * shown and one write never holds the thread for the whole file.
 */
export const IMPORT_BATCH = 1_000;

type Inserter = (docs: object[]) => Promise<{ error: unknown[] }>;

function inserter(db: KithDatabase, name: SampleCollectionName): Inserter {
  return (docs) => (db[name] as unknown as { bulkInsert: Inserter }).bulkInsert(docs);
}

/** Writes every collection in IMPORT_BATCH batches; throws on the first refused document. */
export async function insertAll(
  db: KithDatabase,
  collections: SampleCollections,
  batch = IMPORT_BATCH,
): Promise<void> {
  for (const [name, docs] of Object.entries(collections) as [SampleCollectionName, object[]][]) {
    const insert = inserter(db, name);
    for (let i = 0; i < docs.length; i += batch) {
      const result = await insert(docs.slice(i, i + batch));
      if (result.error.length > 0) {
        throw new Error(
          `${name}: ${result.error.length} documents refused, e.g. ${JSON.stringify(result.error[0]).slice(0, 500)}`,
        );
      }
    }
  }
}

/** The app's database as openDatabase() makes it, or the diagnostic variant without validation. */
function open(dbName: string, validate: boolean): Promise<KithDatabase> {
  return validate
    ? openDatabase({ storage: getRxStorageDexie(), name: dbName, multiInstance: false, deviceId: 'bench' })
    : openUnvalidated(dbName);
}

export async function rxdbInsert(
  dataset: DatasetName,
  dbName: string,
  variant: RxdbVariant = {},
): Promise<number> {
  const collections = collectionsOf(dataset);
  // Opening (schemas, the owner) is not part of the figure: an import starts with the app open.
  const db = await open(dbName, variant.validate ?? true);
  try {
    const start = performance.now();
    await insertAll(db, collections, variant.batch ?? IMPORT_BATCH);
    const ms = performance.now() - start;
    assertUntouched(collections);
    return ms;
  } finally {
    await db.remove();
  }
}
