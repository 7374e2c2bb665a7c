import { BehaviorSubject } from 'rxjs';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { openDatabase, type KithDatabase, type SafetyCopy, type WriteDescription } from '../../shared/db';
import { fileSafetyCopy, type FileSafetyCopy } from '../../shared/transfer';
import { browserStorageRoom, flushToDisk, webWriteLock } from './browserStorage';
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
    flushToDisk,
    safetyCopy,
  });
}

/** A journal the browser lost and Kith could not put back: the copy, for the person to download. */
export interface UnrestoredJournal {
  description: WriteDescription;
  /** The copy as a backup file's text. */
  text: string;
  problem: string;
}

/** Set when putting a lost journal back failed every time (see putBack); the app then offers the copy. */
export const unrestoredJournal$ = new BehaviorSubject<UnrestoredJournal | null>(null);

const PUT_BACK_TRIES = 8;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Opens the journal again, which puts it back from the copy as it opens. The browser frees the lost
 * storage's disk space some moments after it closes the journal (until then opening fails on the
 * full disk), so it is tried again for about two minutes; putting back is idempotent.
 */
async function putBack(copy: SafetyCopy): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      const restored = await open(copy);
      await restored.close();
      return;
    } catch (err) {
      if (attempt >= PUT_BACK_TRIES) throw err;
      await sleep(Math.min(1_000 * 2 ** attempt, 30_000));
    }
  }
}

/**
 * The app's database: RxDB on IndexedDB (Dexie), in this origin's storage, with a safety copy of the
 * journal kept during imports and restores (shared/db/safetyCopy.ts). Should the browser drop the
 * storage during one (Chromium does when the disk fills up mid-write), the journal is opened again
 * once the failed write has let go of the write lock, put back from the copy as it opens, and the
 * page reloads onto it, where the notice says what happened.
 */
export async function openBrowserDatabase(): Promise<KithDatabase> {
  const copy: FileSafetyCopy = fileSafetyCopy(await opfsFiles(), {
    async onLost(lost) {
      // Taken now: a successful put-back lets the copy go.
      const held = copy.held();
      await webWriteLock(NAME).run(async () => undefined);
      await lost.close().catch(() => undefined);
      try {
        await putBack(copy);
      } catch (err) {
        if (held)
          unrestoredJournal$.next({ ...held, problem: err instanceof Error ? err.message : String(err) });
        return;
      }
      globalThis.location.reload();
    },
  });
  return open(copy);
}
