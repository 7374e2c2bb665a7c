/**
 * Copies of the journal that a browser keeps before a Replace restore. On the desktop the journal as
 * it was goes to the backup folder; a browser has no folder, so the copy goes into the browser's own
 * storage (a plain IndexedDB database of this origin, beside the journal's), where the restore
 * section lists it with Download and Restore. The newest few are kept.
 */

export interface JournalCopy {
  id: string;
  /** "Journal before replacing it with kith-backup-2026-11-20.json". */
  label: string;
  /** The file name it downloads as. */
  fileName: string;
  /** ms since the epoch. */
  savedAt: number;
  /** Characters of backup JSON. */
  size: number;
  /** Documents in it, all collections together; absent in copies kept before Kith counted them. */
  documents?: number;
}

/** What a new copy is called and holds. */
export interface CopyDetails {
  label: string;
  fileName: string;
  documents: number;
}

const DB_NAME = 'kith-journal-copies';
const META = 'copies';
const CONTENT = 'content';
/** Copies kept; the oldest go first. */
export const KEEP_COPIES = 3;

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed.'));
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error ?? new Error('The browser did not save the copy.'));
    tx.onerror = () => reject(tx.error ?? new Error('The browser did not save the copy.'));
  });
}

export interface JournalCopies {
  /** Keeps `text` (a backup's JSON) as the newest copy; then forgets all but the newest KEEP_COPIES. */
  keep(text: string, details: CopyDetails, now?: number): Promise<JournalCopy>;
  /** Newest first; none in a browser without IndexedDB, which cannot have kept any. */
  list(): Promise<JournalCopy[]>;
  read(id: string): Promise<string | null>;
  remove(id: string): Promise<void>;
}

export function journalCopies(factory: IDBFactory | undefined = globalThis.indexedDB): JournalCopies {
  let opening: Promise<IDBDatabase> | null = null;
  const open = () => {
    if (!factory) return Promise.reject(new Error('This browser has no IndexedDB to keep a copy in.'));
    opening ??= new Promise<IDBDatabase>((resolve, reject) => {
      const req = factory.open(DB_NAME, 1);
      req.onupgradeneeded = () => {
        req.result.createObjectStore(META, { keyPath: 'id' });
        req.result.createObjectStore(CONTENT);
      };
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error ?? new Error('The browser refused to open its storage.'));
    }).catch((err: unknown) => {
      opening = null;
      throw err;
    });
    return opening;
  };

  const list = async () => {
    if (!factory) return [];
    const db = await open();
    const all = await request<JournalCopy[]>(db.transaction(META).objectStore(META).getAll());
    return all.sort((a, b) => b.savedAt - a.savedAt);
  };

  const removeAll = async (ids: string[]) => {
    if (ids.length === 0) return;
    const db = await open();
    const tx = db.transaction([META, CONTENT], 'readwrite');
    for (const id of ids) {
      tx.objectStore(META).delete(id);
      tx.objectStore(CONTENT).delete(id);
    }
    await done(tx);
  };

  return {
    async keep(text, { label, fileName, documents }, now = Date.now()) {
      const db = await open();
      const copy: JournalCopy = {
        id: `${now}-${Math.random().toString(36).slice(2, 8)}`,
        label,
        fileName,
        savedAt: now,
        size: text.length,
        documents,
      };
      // One transaction: the copy is listed only once its content is stored.
      const tx = db.transaction([META, CONTENT], 'readwrite');
      tx.objectStore(CONTENT).put(text, copy.id);
      tx.objectStore(META).put(copy);
      await done(tx);
      await removeAll((await list()).slice(KEEP_COPIES).map((c) => c.id)).catch(() => undefined);
      return copy;
    },
    list,
    async read(id) {
      const db = await open();
      const text = await request<unknown>(db.transaction(CONTENT).objectStore(CONTENT).get(id));
      return typeof text === 'string' ? text : null;
    },
    remove: (id) => removeAll([id]),
  };
}
