import type { KithDatabase } from './collections';

/**
 * One bulk write (an import, a restore, or taking back an interrupted one) at a time per journal,
 * across every window that has it open. Without it, a second browser tab opening the journal while
 * the first is in the middle of an import would take that import's intent record for a crash's and
 * roll it back under it.
 *
 * The renderer passes a lock built on the Web Locks API (held by a tab until it finishes or dies, so
 * a tab closed mid-import frees it); elsewhere (node tests, the bench) one process is all there is,
 * and an in-process lock per database suffices.
 */
export interface WriteLock {
  /** Runs `task` holding the lock, or returns `{ ran: false }` at once when someone else holds it. */
  tryRun<T>(task: () => Promise<T>): Promise<{ ran: true; value: T } | { ran: false }>;
  /** Waits for the lock, then runs `task` holding it. */
  run<T>(task: () => Promise<T>): Promise<T>;
}

/** Builds the lock for the database named `name` (the IndexedDB name prefix). */
export type WriteLockFactory = (name: string) => WriteLock;

/** A lock inside this JavaScript realm only: a queue of tasks, and a flag for tryRun. */
export function inProcessWriteLock(): WriteLock {
  let tail: Promise<unknown> = Promise.resolve();
  /** Tasks running or waiting. */
  let busy = 0;
  const run = <T>(task: () => Promise<T>): Promise<T> => {
    busy++;
    const next = tail.then(task).finally(() => busy--);
    tail = next.catch(() => undefined);
    return next;
  };
  return {
    run,
    async tryRun(task) {
      if (busy > 0) return { ran: false };
      return { ran: true, value: await run(task) };
    },
  };
}

const locks = new WeakMap<KithDatabase, WriteLock>();

export function setWriteLock(db: KithDatabase, lock: WriteLock): void {
  locks.set(db, lock);
}

export function writeLockOf(db: KithDatabase): WriteLock {
  let lock = locks.get(db);
  if (!lock) {
    lock = inProcessWriteLock();
    locks.set(db, lock);
  }
  return lock;
}
