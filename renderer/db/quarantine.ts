import { useMemo } from 'react';
import { quarantine$, type QuarantineIndex } from '../../shared/db';
import { useDb } from './DbContext';
import { useLiveState, type LiveState } from './liveQuery';

/**
 * The documents set aside on this device (shared/db/quarantine), live: loading, then
 * `{ entries, dropped }`, or failed when the list cannot be read. Settings › Data health lists them
 * (and says so when it cannot); the sync status counts the ones refused from the server.
 */
export function useQuarantine(): LiveState<QuarantineIndex> {
  const db = useDb();
  const source = useMemo(() => quarantine$(db), [db]);
  return useLiveState(source);
}
