import { useEffect, useState } from 'react';
import { Link } from 'wouter';
import { paths } from '../../app/paths';
import { describeStatus, refusedText } from './statusText';
import { useSyncController } from './syncContext';
import { useSyncState } from './useSyncState';
import './sync.css';

/** Re-renders every `ms` so "Last in sync 5 minutes ago" stays true. */
function useNow(ms: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return now;
}

/**
 * Always on screen in the app's chrome: synced (and when), syncing N changes, offline (retrying),
 * or an error with its reason and a Retry button. A live region, so changes are announced.
 */
export function SyncStatusIndicator() {
  const controller = useSyncController();
  const { status, lastSyncedAt, waitingFromNewerVersion, refused } = useSyncState();
  const now = useNow(30_000);
  const text = describeStatus(status, lastSyncedAt, now);
  const action = status.state === 'error' ? status.action : undefined;
  return (
    <div className={`sync-status sync-status--${status.state}`}>
      <div role="status" aria-label="Sync status" className="sync-status__text">
        <span className="sync-status__label">
          <span className="sync-status__dot" aria-hidden="true" />
          {text.label}
        </span>
        {text.reason && <span className="sync-status__reason">{text.reason}</span>}
        {text.since && <span className="sync-status__since">{text.since}</span>}
        {waitingFromNewerVersion > 0 && (
          <span className="sync-status__reason">
            {waitingFromNewerVersion} {waitingFromNewerVersion === 1 ? 'change' : 'changes'} from a newer Kith
            version {waitingFromNewerVersion === 1 ? 'is' : 'are'} waiting — update Kith
          </span>
        )}
        {refused > 0 && (
          <span className="sync-status__reason">
            {refusedText(refused)} — see <Link href={paths.settings}>Data health</Link>
          </span>
        )}
      </div>
      {action && (
        <Link href={paths.settings} className="sync-status__setup">
          {action === 'restore-key' ? 'Restore the key document' : 'Finish the passphrase change'}
        </Link>
      )}
      {text.canRetry && controller && (
        <button type="button" className="btn btn--sm btn--secondary" onClick={() => controller.retry()}>
          Retry
        </button>
      )}
      {status.state === 'off' && (
        <Link href={paths.settings} className="sync-status__setup">
          Sync settings
        </Link>
      )}
    </div>
  );
}
