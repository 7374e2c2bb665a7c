import type { SyncAction } from './errors';

/** What the status indicator shows. Times are milliseconds since the epoch. */
export type SyncStatus =
  | { state: 'off' }
  | { state: 'connecting' }
  /**
   * `pending`: changes being pushed or pulled right now. `held`: an import or a restore is being
   * saved, and nothing is sent until it is saved whole.
   */
  | { state: 'syncing'; pending: number; held?: true }
  | { state: 'synced'; lastSyncedAt: number }
  /** The server did not answer; the next attempt is at `retryAt` (or sooner on retry()). */
  | { state: 'offline'; lastSyncedAt: number | null; retryAt: number }
  /**
   * A human reason (wrong passphrase, refused password, missing database ...); retried too.
   * `action`: what the person can do about it besides Retry (restore a deleted key document, finish
   * an interrupted passphrase change).
   */
  | { state: 'error'; message: string; lastSyncedAt: number | null; action?: SyncAction };
