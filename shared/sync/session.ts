import type { Observable } from 'rxjs';
import type { CollectionName } from '../db/collections';
import type { CryptoLike } from './cryptoLike';
import type { DeviceNameLookup } from './merge';
import type { SyncStatus } from './status';
import type { SyncTransport } from './transport';

export interface SyncOptions {
  transport: SyncTransport;
  crypto: CryptoLike;
  /** With a passphrase every document leaves the device encrypted; without, in plain JSON. */
  passphrase?: string;
  /** Keep pulling changes as they happen (long-poll); default true. */
  live?: boolean;
  /** Documents per pull/push request; default 500. */
  batchSize?: number;
  /** First retry delay after a failure, doubling up to 30 s; default 1,000 ms. */
  retryMs?: number;
  /**
   * Only one tab/window of a multi-instance database syncs (RxDB leader election); default true.
   * Tests with several databases in one process pass false.
   */
  waitForLeadership?: boolean;
  /**
   * The collections to sync; default all. The open RxDB core allows 13 open collections per
   * process, so tests with three replicas sync a database that holds only some of them.
   */
  collections?: readonly CollectionName[];
  /**
   * Names a device in the note kept with a conflicting edit ("Conflicting edit from Laptop at …"),
   * from the journal's device directory; asked at each merge. Without it, or for a device it does
   * not know, the note says "another device (<start of its id>)".
   */
  deviceName?: DeviceNameLookup;
}

export interface SyncSession {
  readonly status$: Observable<SyncStatus>;
  status(): SyncStatus;
  /** Documents from a newer Kith version, kept on the server but not applied here until Kith is updated. */
  readonly waitingFromNewerVersion$: Observable<number>;
  /** Try now instead of waiting for the next retry. */
  retry(): void;
  /** Resolves when everything known is pushed and pulled (never while offline: do not block start-up on it). */
  awaitInSync(): Promise<void>;
  /** Stops every replication and the live feed; the session cannot be restarted (start a new one). */
  stop(): Promise<void>;
}
