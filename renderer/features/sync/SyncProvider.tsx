import { useEffect, useMemo, type ReactNode } from 'react';
import { changePassphrase, restoreKeyDoc, startSync, type CryptoLike } from '../../../shared/sync';
import { useDb } from '../../db';
import { defaultDeviceName, loadSyncSettings, saveSyncSettings, syncTransport } from '../../platform';
import { SyncContext } from './syncContext';
import { SyncController, type SyncControllerDeps } from './syncController';

const LAST_SYNCED_KEY = 'kith.sync.lastSyncedAt';

const appDeps: SyncControllerDeps = {
  loadSettings: loadSyncSettings,
  saveSettings: saveSyncSettings,
  transport: syncTransport,
  crypto: globalThis.crypto as unknown as CryptoLike,
  startSync,
  changePassphrase,
  restoreKeyDoc,
  defaultDeviceName,
};

function storedLastSyncedAt(): number | null {
  const value = Number(localStorage.getItem(LAST_SYNCED_KEY));
  return Number.isFinite(value) && value > 0 ? value : null;
}

/**
 * Runs sync for the open journal from this device's settings, for as long as the app is open
 * (also while the window is hidden: a desktop journal keeps syncing). Tests pass their own deps.
 */
export function SyncProvider({
  children,
  deps = appDeps,
}: {
  children: ReactNode;
  deps?: SyncControllerDeps;
}) {
  const db = useDb();
  const controller = useMemo(() => new SyncController(db, deps, storedLastSyncedAt()), [db, deps]);

  useEffect(() => {
    // The last time in sync is device-local, and worth showing after a restart while offline.
    const subscription = controller.state$.subscribe(({ lastSyncedAt }) => {
      if (lastSyncedAt !== null) localStorage.setItem(LAST_SYNCED_KEY, String(lastSyncedAt));
    });
    // Not awaited: the journal shows at once and sync catches up behind it (init() never rejects; a
    // failure is the sync status).
    void controller.init();
    return () => {
      subscription.unsubscribe();
      // The journal is closing or changing: nobody is left to tell but the console. Nothing is lost:
      // what this session did not push, the next one does.
      controller
        .dispose()
        .catch((error: unknown) =>
          console.warn(
            `Sync did not stop cleanly: ${error instanceof Error ? error.message : String(error)}`,
          ),
        );
    };
  }, [controller]);

  return <SyncContext.Provider value={controller}>{children}</SyncContext.Provider>;
}
