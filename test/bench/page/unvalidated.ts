import { addRxPlugin, createRxDatabase } from 'rxdb';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import type { KithDatabase } from '../../../shared/db';
import { collectionCreators } from '../../../shared/db/collections';

/**
 * The app's collections on the bare Dexie storage, without the z-schema validator openDatabase()
 * wraps around it. Same stored format, so the app can open it afterwards. For the diagnostic figure
 * and for seeding only: the app itself always validates.
 */
export async function openUnvalidated(
  name: string,
  { localDocuments = false }: { localDocuments?: boolean } = {},
): Promise<KithDatabase> {
  // The people schema has migrations, which need this plugin (adding it twice is a no-op).
  addRxPlugin(RxDBMigrationSchemaPlugin);
  const db: KithDatabase = await createRxDatabase({
    name,
    storage: getRxStorageDexie(),
    multiInstance: false,
    localDocuments,
  });
  try {
    await db.addCollections(collectionCreators);
    return db;
  } catch (err) {
    await db.close();
    throw err;
  }
}
