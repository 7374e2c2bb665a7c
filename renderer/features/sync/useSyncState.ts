import { useSyncExternalStore } from 'react';
import type { SyncState } from './syncController';
import { useSyncController } from './syncContext';

const NOT_STARTED: SyncState = {
  settings: null,
  status: { state: 'off' },
  waitingFromNewerVersion: 0,
  lastSyncedAt: null,
  refused: 0,
};

/** The controller's current state, re-rendering on each change. */
export function useSyncState(): SyncState {
  const controller = useSyncController();
  return useSyncExternalStore(
    (onChange) => {
      const subscription = controller?.state$.subscribe(onChange);
      return () => subscription?.unsubscribe();
    },
    () => controller?.state$.value ?? NOT_STARTED,
  );
}
