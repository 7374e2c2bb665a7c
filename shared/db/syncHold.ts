import { BehaviorSubject, distinctUntilChanged, map, type Observable } from 'rxjs';
import type { KithDatabase } from './collections';

/**
 * Holds on sync, per database: while an import or a restore is being written (or an interrupted one
 * is still being taken back), the journal is half-way between two states and none of it may leave
 * the device. The sync session watches `syncHolds$(db)` and pauses its push while the count is above
 * zero; it pushes the final state once the count is back at zero.
 *
 *   const release = holdSync(db, 'import');   // before the first write
 *   try { …write… } finally { release(); }      // release() is idempotent
 */

const holds = new WeakMap<KithDatabase, BehaviorSubject<number>>();

function counter(db: KithDatabase): BehaviorSubject<number> {
  let subject = holds.get(db);
  if (!subject) {
    subject = new BehaviorSubject(0);
    holds.set(db, subject);
  }
  return subject;
}

/** Pauses sync's push until the returned function is called (once; later calls do nothing). */
export function holdSync(db: KithDatabase): () => void {
  const subject = counter(db);
  subject.next(subject.value + 1);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    subject.next(Math.max(0, subject.value - 1));
  };
}

/** How many holds are on sync now; emits the current count on subscribe, then every change. */
export function syncHolds$(db: KithDatabase): Observable<number> {
  return counter(db).pipe(distinctUntilChanged());
}

/** True while some bulk write (or an unfinished rollback) holds sync. */
export function syncHeld$(db: KithDatabase): Observable<boolean> {
  return syncHolds$(db).pipe(
    map((n) => n > 0),
    distinctUntilChanged(),
  );
}

export function isSyncHeld(db: KithDatabase): boolean {
  return counter(db).value > 0;
}
