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

/**
 * Subscribes to an observable while the component is mounted; `undefined` until the first value
 * (i.e. "still loading"). `source` must be memoised by the caller (deps) or it resubscribes.
 */
export function useObservable<T>(source: Observable<T> | null): T | undefined {
  const [state, setState] = useState<{ source: Observable<T> | null; value: T | undefined }>({
    source,
    value: undefined,
  });
  useEffect(() => {
    if (!source) return;
    const subscription = source.subscribe((value) => setState({ source, value }));
    return () => subscription.unsubscribe();
  }, [source]);
  // A new source means the previous value belongs to another query: report loading, not stale data.
  return state.source === source ? state.value : undefined;
}
