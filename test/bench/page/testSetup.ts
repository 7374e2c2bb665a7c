import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { openDatabase, setAside, type CollectionName, type SetAside } from '../../../shared/db';
import { openUnvalidated } from './unvalidated';

/**
 * Set-up for the end-to-end tests of Data health, on the app's own database (same origin and name),
 * while the app is not open. Not figures: the bench page is simply where code with database access
 * runs on the app's origin.
 */

/**
 * Writes documents as a damaged journal, another device or an old backup could have left them:
 * straight into the collections, past the app's forms and without the schema validator.
 */
export async function writePastValidation(
  dbName: string,
  docs: Partial<Record<CollectionName, Record<string, unknown>[]>>,
): Promise<void> {
  const db = await openUnvalidated(dbName);
  try {
    for (const [collection, list] of Object.entries(docs)) {
      const result = await (
        db[collection as CollectionName] as unknown as {
          bulkInsert(d: unknown[]): Promise<{ error: unknown[] }>;
        }
      ).bulkInsert(list);
      if (result.error.length > 0)
        throw new Error(`Could not write ${collection}: ${JSON.stringify(result.error[0])}`);
    }
  } finally {
    await db.close();
  }
}

/** Sets documents aside in the app's database, as sync or a restore would. */
export async function setAsideInApp(dbName: string, items: SetAside[]): Promise<void> {
  const db = await openDatabase({ storage: getRxStorageDexie(), name: dbName, multiInstance: false });
  try {
    await setAside(db, items);
  } finally {
    await db.close();
  }
}
