import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { openDatabase, type KithDatabase } from '../../shared/db';
import { browserStorageRoom, webWriteLock } from './browserStorage';

/** The app's database: RxDB on IndexedDB (Dexie), in this origin's storage. */
export function openBrowserDatabase(): Promise<KithDatabase> {
  // closeDuplicates: a hot reload during development re-runs this while the old instance is open.
  return openDatabase({
    storage: getRxStorageDexie(),
    closeDuplicates: true,
    writeLock: webWriteLock,
    storageRoom: browserStorageRoom,
  });
}
