import { formatDistanceStrict } from 'date-fns';
import type { SyncStatus } from '../../../shared/sync';

export interface StatusText {
  /** The short line always on screen. */
  label: string;
  /** What went wrong, in words (error state only). */
  reason: string | null;
  /** When this device was last in sync; null while sync is off. */
  since: string | null;
  /** Whether "Retry" is offered (the engine retries by itself; this is "try now"). */
  canRetry: boolean;
}

/** "just now" under a minute, then "5 minutes ago", "3 hours ago", "2 days ago". */
export function sinceText(then: number, now: number): string {
  if (now - then < 60_000) return 'just now';
  return formatDistanceStrict(then, now, { addSuffix: true, roundingMethod: 'floor' });
}

function lastInSync(lastSyncedAt: number | null, now: number): string {
  return lastSyncedAt === null
    ? 'Not yet in sync on this device'
    : `Last in sync ${sinceText(lastSyncedAt, now)}`;
}

function changes(pending: number): string {
  return `${pending} ${pending === 1 ? 'change' : 'changes'}`;
}

/** "2 changes from the server were refused": never hidden behind "Synced". */
export function refusedText(refused: number): string {
  return `${refused} ${refused === 1 ? 'change' : 'changes'} from the server ${refused === 1 ? 'was' : 'were'} refused`;
}

/** The words of the status indicator for each state of the engine. */
export function describeStatus(status: SyncStatus, lastSyncedAt: number | null, now: number): StatusText {
  const since = lastInSync(
    'lastSyncedAt' in status ? (status.lastSyncedAt ?? lastSyncedAt) : lastSyncedAt,
    now,
  );
  switch (status.state) {
    case 'off':
      return { label: 'Sync off', reason: null, since: null, canRetry: false };
    case 'connecting':
      return { label: 'Connecting to the sync server…', reason: null, since, canRetry: false };
    case 'syncing':
      if (status.held)
        return {
          label: 'Sync paused',
          reason: 'An import or a restore is being saved; its changes are sent once it is saved whole.',
          since,
          canRetry: false,
        };
      return {
        label: status.pending > 0 ? `Syncing ${changes(status.pending)}…` : 'Syncing…',
        reason: null,
        since,
        canRetry: false,
      };
    case 'synced':
      return { label: 'Synced', reason: null, since, canRetry: false };
    case 'offline':
      return { label: 'Offline — retrying', reason: null, since, canRetry: true };
    case 'error':
      // A passphrase change in progress is not a fault: this device only waits for it.
      return {
        label: status.action === 'finish-change' ? 'Sync paused' : 'Sync error',
        reason: status.message,
        since,
        canRetry: true,
      };
  }
}
