import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { openDatabase, type KithDatabase, type SafetyCopy } from '../../shared/db';
import { fileSafetyCopy } from '../../shared/transfer';
import { browserStorageRoom, webWriteLock } from './browserStorage';
import { opfsFiles } from './opfsFiles';

const NAME = 'kith';

function open(safetyCopy: SafetyCopy): Promise<KithDatabase> {
  return openDatabase({
    name: NAME,
    storage: getRxStorageDexie(),
    // A hot reload during development re-runs this while the old instance is open.
    closeDuplicates: true,
    writeLock: webWriteLock,
    storageRoom: browserStorageRoom,
    safetyCopy,
  });
}

/**
 * The app's database: RxDB on IndexedDB (Dexie), in this origin's storage, with a safety copy of the
 * journal kept during imports and restores (shared/db/safetyCopy.ts). Should the browser drop the
 * storage during one (Chromium does when the disk fills up mid-write), the journal is opened again
 * once the failed write has let go of the write lock, put back from the copy as it opens, and the
 * page reloads onto it, where the notice says what happened.
 */
export async function openBrowserDatabase(): Promise<KithDatabase> {
  const copy: SafetyCopy = fileSafetyCopy(await opfsFiles(), {
    async onLost(lost) {
      await webWriteLock(NAME).run(async () => undefined);
      await lost.close().catch(() => undefined);
      const restored = await open(copy);
      await restored.close();
      globalThis.location.reload();
    },
  });
  return open(copy);
}
