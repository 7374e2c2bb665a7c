import { deviceContext } from '../db/clock';
import { COLLECTION_NAMES, type KithDatabase } from '../db/collections';
import { OWNER_ID } from '../db/ids';
import { tellRestoredFromCopy } from '../db/recovery';
import type { SafetyCopy } from '../db/safetyCopy';
import { BulkWriteBusyError, type WriteDescription } from '../db/storageErrors';
import { readIntent } from '../db/writeIntent';
import { writeLockOf } from '../db/writeLock';
import { backupToJson, createBackup, restoreBackup } from './backup';
import { parseBackup } from './backupFormat';

/**
 * Files outside the journal's own storage, for the copy (renderer/db/opfsFiles.ts: the origin private
 * file system, which Chromium keeps apart from IndexedDB).
 */
export interface CopyFiles {
  /** The file's text; null when there is no such file. */
  read(name: string): Promise<string | null>;
  /** Whole or not at all: a write that fails leaves the file as it was. */
  write(name: string, text: string): Promise<void>;
  /** Nothing happens when there is no such file. */
  remove(name: string): Promise<void>;
}

/** The journal as a backup file's text. */
export const COPY_FILE = 'kith-journal-copy.json';
/** Which write the copy was kept for and on which journal; written after the copy, so it always names a whole one. */
export const MARK_FILE = 'kith-journal-copy.mark.json';

interface Mark {
  /**
   * The device id of the journal the copy was taken from (a local document inside its storage). A
   * store the browser dropped comes back empty, and the journal opened on it makes a new id: a
   * different id at open is how a lost journal is told from one that kept its own record.
   */
  deviceId: string;
  description: WriteDescription;
  /** ms since the epoch. */
  savedAt: number;
  documents: number;
}

function readMark(text: string | null): Mark | null {
  if (text === null) return null;
  try {
    const m = JSON.parse(text) as Partial<Mark>;
    const d = m.description;
    const valid =
      typeof m.deviceId === 'string' &&
      typeof m.savedAt === 'number' &&
      typeof m.documents === 'number' &&
      !!d &&
      (d.kind === 'import' || d.kind === 'restore') &&
      typeof d.source === 'string';
    return valid ? (m as Mark) : null;
  } catch {
    return null;
  }
}

const doing = (d: WriteDescription) =>
  d.kind === 'import' ? `importing ${d.source}` : `restoring ${d.source}`;

export interface SafetyCopyOptions {
  /**
   * The storage was lost during a write, in this session (Chromium drops the origin's IndexedDB
   * and its private files together when the disk fills up mid-write, and closes the journal's
   * connections). Called without waiting, while the failed write still holds the write lock: the
   * renderer opens the journal again (its `recover` puts it back from the copy this object still
   * holds in memory) and reloads the page. Without it, a lost journal is put back at the next open
   * only if the copy's files survived.
   */
  onLost?: (lost: KithDatabase) => Promise<void>;
  now?: () => number;
}

/**
 * Whether the journal's storage is gone: the owner, whom every journal has, cannot be read from the
 * storage itself (not RxDB's caches, which outlive it), or reading fails (a closed connection).
 */
async function storageLost(db: KithDatabase): Promise<boolean> {
  try {
    return (await db.people.storageInstance.findDocumentsById([OWNER_ID], false)).length === 0;
  } catch {
    return true;
  }
}

/**
 * The safety copy (shared/db/safetyCopy.ts): the journal as a backup file, held in memory for the
 * write and kept in `files` (a browser without an origin private file system: memory only).
 *
 * Kept before every import and restore; released when the write ends with the journal whole; kept
 * while part of a failed write could not be taken back yet. A mark whose device id is not the
 * journal's means the storage was lost during the write, and `recover` puts the journal back from
 * the copy (merged into the empty journal: every document as it was, stamps and all) and the person
 * is told once; a mark with the journal's own id means the storage survived, and its own record took
 * back whatever the write left, so the copy goes once no write is still recorded.
 */
export interface FileSafetyCopy extends SafetyCopy {
  /** The copy held for the write under way or just failed, as a backup file's text; null when none. */
  held(): { text: string; description: WriteDescription } | null;
}

export function fileSafetyCopy(files: CopyFiles | null, options: SafetyCopyOptions = {}): FileSafetyCopy {
  const now = options.now ?? Date.now;
  let held: { mark: Mark; text: string } | null = null;
  const release = async () => {
    held = null;
    if (!files) return;
    await files.remove(MARK_FILE);
    await files.remove(COPY_FILE);
  };
  const stored = async (): Promise<{ mark: Mark; text: () => Promise<string | null> } | null> => {
    if (held) {
      const { mark, text } = held;
      return { mark, text: async () => text };
    }
    if (!files) return null;
    const mark = readMark(await files.read(MARK_FILE));
    if (!mark) {
      // A copy without its mark was being written when the tab closed: never a whole one.
      await files.remove(COPY_FILE);
      return null;
    }
    return { mark, text: () => files.read(COPY_FILE) };
  };
  return {
    async keep(db, description) {
      const backup = await createBackup(db, {
        app: `Kith (the journal as it was before ${doing(description)})`,
      });
      const documents = COLLECTION_NAMES.reduce((n, c) => n + backup.collections[c].length, 0);
      const mark: Mark = { deviceId: deviceContext(db).deviceId, description, savedAt: now(), documents };
      const text = backupToJson(backup);
      held = { mark, text };
      if (files) {
        await files.remove(MARK_FILE);
        await files.write(COPY_FILE, text);
        await files.write(MARK_FILE, JSON.stringify(mark));
      }
      return true;
    },
    release,
    held: () => (held ? { text: held.text, description: held.mark.description } : null),
    async writeFailed(db) {
      if (!held || !(await storageLost(db))) return false;
      void options.onLost?.(db).catch(() => undefined);
      return true;
    },
    async recover(db) {
      const copy = await stored();
      if (!copy) return;
      const { mark } = copy;
      if (mark.deviceId === deviceContext(db).deviceId) {
        // Another window may be writing right now (its copy is in use): only a free lock says no one is.
        await writeLockOf(db).tryRun(async () => {
          if (!(await readIntent(db))) await release();
        });
        return;
      }
      const text = await copy.text();
      if (text === null) return release();
      try {
        await restoreBackup(db, parseBackup(text), {
          mode: 'merge',
          fileName: `the copy of the journal kept before ${doing(mark.description)}`,
        });
      } catch (err) {
        // Another window opened on the lost journal at the same moment and is putting it back.
        if (err instanceof BulkWriteBusyError) return;
        throw new Error(
          `The browser lost Kith's stored journal while ${doing(mark.description)}, and putting it back from ` +
            `the copy Kith kept (${mark.documents.toLocaleString('en-US')} documents) failed: ` +
            `${err instanceof Error ? err.message : String(err)} The copy is kept; free some space and reload.`,
          { cause: err },
        );
      }
      await tellRestoredFromCopy(db, mark.description, mark.savedAt, mark.documents);
      await release();
    },
  };
}
