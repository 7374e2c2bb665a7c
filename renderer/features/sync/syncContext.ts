import { createContext, useContext } from 'react';
import type { SyncController } from './syncController';

/** null for the first moment after the journal opens, before the controller exists. */
export const SyncContext = createContext<SyncController | null>(null);

export function useSyncController(): SyncController | null {
  return useContext(SyncContext);
}
