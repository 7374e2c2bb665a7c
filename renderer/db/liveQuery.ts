import { useEffect, useState } from 'react';
import type { Observable } from 'rxjs';

/**
 * RxDB keeps one RxDocument per document revision, so a plain copy cached by document instance
 * stays valid and keeps its identity across emissions: React memoisation and list rows only see
 * a new object when that document really changed.
 */
const plainByDocument = new WeakMap<object, unknown>();

interface DocumentLike {
  toJSON(): unknown;
}

export function toPlain<T>(doc: DocumentLike): T {
  let plain = plainByDocument.get(doc);
  if (plain === undefined) {
    plain = doc.toJSON();
    plainByDocument.set(doc, plain);
  }
  return plain as T;
}

export function toPlainList<T>(docs: readonly DocumentLike[]): T[] {
  return docs.map((doc) => toPlain<T>(doc));
}

/** A live value as a view shows it: still loading, there, or failed (with why). */
export type LiveState<T> =
  { status: 'loading' } | { status: 'ready'; value: T } | { status: 'failed'; error: unknown };

const LOADING = { status: 'loading' } as const;

/**
 * Subscribes to an observable while the component is mounted, failures included: a view that must
 * say in place that it could not read something (Settings › Data health) uses this. `source` must be
 * memoised by the caller (deps) or it resubscribes.
 */
export function useLiveState<T>(source: Observable<T> | null): LiveState<T> {
  const [state, setState] = useState<{ source: Observable<T> | null; live: LiveState<T> }>({
    source,
    live: LOADING,
  });
  useEffect(() => {
    if (!source) return;
    const subscription = source.subscribe({
      next: (value) => setState({ source, live: { status: 'ready', value } }),
      error: (error: unknown) => setState({ source, live: { status: 'failed', error } }),
    });
    return () => subscription.unsubscribe();
  }, [source]);
  // A new source means the previous value belongs to another query: report loading, not stale data.
  return state.source === source ? state.live : LOADING;
}

/**
 * Subscribes to an observable while the component is mounted; `undefined` until the first value
 * (i.e. "still loading"). `source` must be memoised by the caller (deps) or it resubscribes.
 * A failure is logged with its cause rather than thrown from nowhere; views whose reader must hear of
 * it use useLiveState.
 */
export function useObservable<T>(source: Observable<T> | null): T | undefined {
  const live = useLiveState(source);
  useEffect(() => {
    if (live.status === 'failed') console.error('Kith could not read part of the journal:', live.error);
  }, [live]);
  return live.status === 'ready' ? live.value : undefined;
}
