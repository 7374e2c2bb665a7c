/**
 * Sync of the journal with a CouchDB-protocol server (Apache CouchDB, Cloudant, or the embedded
 * `npm run sync-server`), end-to-end encrypted when a passphrase is set. The renderer imports only
 * from here.
 *
 * Use:
 *   const session = startSync(db, { transport, crypto: globalThis.crypto, passphrase });
 *   session.status$.subscribe(showStatus);   // never await anything before the app is shown
 *   ...
 *   await session.stop();
 *
 * - testConnection(transport): for the "Test connection" button; never throws.
 * - ensureDatabase(transport): creates the database if missing (needs admin rights on CouchDB).
 * - changePassphrase(...): stop the session first, re-encrypt, then start a new session with the
 *   new passphrase. Other devices get the "passphrase does not match" error until given the new one.
 *
 * Rules a user would notice:
 * - Concurrent edits merge field by field (newest stamp wins: time, then device id). A free-text
 *   field (notes, how we met, follow-up text) changed on both sides keeps the newer text and appends
 *   the other below "---\nConflicting edit from <device> at <time>:" (shared/sync/merge.ts).
 * - Delete against edit: a delete removes the version the deleting device had seen. An edit that
 *   device had not seen brings the document back, with the edit; otherwise it stays deleted.
 * - Documents from a newer Kith (schema version) are kept on the server, never overwritten and not
 *   applied; waitingFromNewerVersion$ counts them. The updated Kith pulls them again.
 *
 * Differences from team/sync-api.md (on purpose):
 * - SyncOptions.deviceId is not needed: the device id comes from the database (openDatabase), and
 *   the stamps in each document name the device in a "Conflicting edit from …" section.
 * - SyncOptions.waitForLeadership (default true: one tab of a multi-tab browser syncs) and
 *   SyncOptions.collections (default all; tests use fewer, as the open RxDB core allows 13 open
 *   collections per process) were added; batchSize defaults to 500.
 * - A removed document is stored on the server as an envelope holding `_deleted: true` inside the
 *   ciphertext, not as a CouchDB tombstone, so the server cannot even tell which were deleted.
 * - The server also holds `kith-journal` (a random journal id: replication checkpoints belong to one
 *   journal on one server) besides `kith-key`.
 * - SyncRequest.path is already URI-encoded (ids contain ':'); resolve it with new URL(path, dbUrl)
 *   where dbUrl ends with '/'. SyncRequest.signal is the platform AbortSignal, typed minimally.
 * - startSync creates the database if it is missing (ensureDatabase), so the embedded server needs
 *   no set-up; on CouchDB a non-admin user gets a clear error instead.
 */
export type { SyncMethod, SyncRequest, SyncResponse, SyncTransport } from './transport';
export type { CryptoLike, CryptoKeyLike, SubtleCryptoLike } from './cryptoLike';
export type { SyncStatus } from './status';
export type { SyncOptions, SyncSession } from './session';
export { SyncPassphraseError, WRONG_PASSPHRASE_MESSAGE, type SyncAction } from './errors';
export { startSync } from './replicate';
export { testConnection, ensureDatabase, type ConnectionResult } from './connection';
export { changePassphrase, type ChangeResult, type PassphraseProgress } from './passphrase';
export { restoreKeyDoc } from './restoreKey';
