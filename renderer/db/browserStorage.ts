import type { StorageRoom, WriteLock, WriteLockFactory } from '../../shared/db';
import { inProcessWriteLock } from '../../shared/db';

/**
 * One bulk write per journal across every tab and window of this origin, with the Web Locks API: a
 * lock is held until its task ends or its tab dies (a closed tab or a killed browser frees it), which
 * is exactly "this import is still alive". Where the API is missing (old browsers, component tests),
 * a lock inside this page.
 */
export const webWriteLock: WriteLockFactory = (name) => {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  if (!locks) return inProcessWriteLock();
  const lockName = `kith-bulk-write:${name}`;
  const lock: WriteLock = {
    run: (task) => locks.request(lockName, () => task()),
    async tryRun<T>(task: () => Promise<T>) {
      return locks.request(lockName, { ifAvailable: true }, async (held) =>
        held ? { ran: true as const, value: await task() } : { ran: false as const },
      );
    },
  };
  return lock;
};

/** What this origin may still store; null where the browser does not say. */
export const browserStorageRoom: StorageRoom = async () => {
  const storage = (globalThis.navigator as Navigator | undefined)?.storage;
  if (!storage?.estimate) return null;
  const { quota, usage } = await storage.estimate();
  return quota === undefined || usage === undefined ? null : Math.max(0, quota - usage);
};
