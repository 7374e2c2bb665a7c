import { useMemo } from 'react';
import { quarantine$, type QuarantineIndex } from '../../shared/db';
import { useDb } from './DbContext';
import { useObservable } from './liveQuery';

/**
 * The documents set aside on this device (shared/db/quarantine), live: `undefined` while loading,
 * then `{ entries, dropped }`. Settings › Data health lists them; the sync status counts the ones
 * refused from the server.
 */
export function useQuarantine(): QuarantineIndex | undefined {
  const db = useDb();
  const source = useMemo(() => quarantine$(db), [db]);
  return useObservable(source);
}
