import { useEffect, useState, type ReactNode } from 'react';
import type { KithDatabase } from '../../shared/db';
import { DbContext } from './DbContext';
import { DatabaseError } from './DatabaseError';
import { DatabaseLoading } from './DatabaseLoading';

type OpenState =
  { status: 'opening' } | { status: 'open'; db: KithDatabase } | { status: 'failed'; error: unknown };

interface Props {
  /** How to open the database; tests pass one on fake-indexeddb (and close it themselves). */
  open: () => Promise<KithDatabase>;
  children: ReactNode;
}

// RxDB refuses a second open of the same database name while the first is alive, and React's
// StrictMode mounts effects twice, so each opener runs exactly once and the database lives as long
// as the page.
const opening = new WeakMap<() => Promise<KithDatabase>, Promise<KithDatabase>>();

function openOnce(open: () => Promise<KithDatabase>): Promise<KithDatabase> {
  let promise = opening.get(open);
  if (!promise) {
    promise = open();
    opening.set(open, promise);
  }
  return promise;
}

/** Opens the journal once and provides it; shows a loading state, or a clear error when opening fails. */
export function DbProvider({ open, children }: Props) {
  const [state, setState] = useState<OpenState>({ status: 'opening' });

  useEffect(() => {
    let current = true;
    openOnce(open).then(
      (db) => current && setState({ status: 'open', db }),
      (error: unknown) => current && setState({ status: 'failed', error }),
    );
    return () => {
      current = false;
    };
  }, [open]);

  if (state.status === 'opening') return <DatabaseLoading />;
  if (state.status === 'failed') return <DatabaseError error={state.error} />;
  return <DbContext.Provider value={state.db}>{children}</DbContext.Provider>;
}
