import type { KithDatabase } from './collections';
import type { WriteDescription } from './storageErrors';

/**
 * A copy of the whole journal kept outside the journal's own storage while a bulk write (an import
 * or a restore) runs, for the one failure the write-ahead record (./writeIntent) cannot undo: a
 * browser whose disk fills in the middle of a write may drop the origin's whole IndexedDB store, the
 * record with it (Chromium does: the fault suite's storage-full-import). The renderer keeps the copy
 * in the origin private file system (shared/transfer/safetyCopy.ts, renderer/db/opfsFiles.ts); node
 * and the tests that do not ask for one keep none.
 */
export interface SafetyCopy {
  /**
   * Keeps the journal as it is now, before `description`'s write. False when this platform has
   * nowhere to keep it (the write then goes on without); throws when keeping it failed (no room),
   * and the write is then refused.
   */
  keep(db: KithDatabase, description: WriteDescription): Promise<boolean>;
  /** The write ended with the journal whole (committed, or taken back): the copy is not needed. */
  release(): Promise<void>;
  /**
   * The write failed: if the storage itself is gone, the copy puts the journal back, and this says
   * true. Must not wait for the write lock (the failed write still holds it).
   */
  writeFailed(db: KithDatabase): Promise<boolean>;
  /**
   * At open, after an interrupted write was taken back and before the owner is created: puts back a
   * journal the browser lost during a write, or forgets a copy that is no longer needed.
   */
  recover(db: KithDatabase): Promise<void>;
}

const copies = new WeakMap<KithDatabase, SafetyCopy>();

/** Set by openDatabase once `recover` has run, so putting a lost journal back keeps no copy of the empty one. */
export function setSafetyCopy(db: KithDatabase, copy: SafetyCopy | undefined): void {
  if (copy) copies.set(db, copy);
}

export function safetyCopyOf(db: KithDatabase): SafetyCopy | undefined {
  return copies.get(db);
}
