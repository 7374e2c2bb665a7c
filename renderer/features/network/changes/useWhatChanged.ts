import { useContext, useEffect, useState } from 'react';
import type { DayString } from '../../../../shared/domain/entities';
import type { NetworkChanges } from '../../../../shared/network';
import { NetworkContext } from '../model/context';
import type { NetworkModel } from '../model';

export type WhatChanged =
  | { status: 'loading'; changes: NetworkChanges | null }
  | { status: 'ready'; changes: NetworkChanges }
  | { status: 'error'; error: string };

/**
 * What changed from `from` to `to`, computed in the network worker (where the time index lives: a
 * heavy journal's difference costs the main thread nothing). Asked again when the journal is rebuilt
 * (its generation is new with every build); the last answer stays shown while the next one comes.
 */
export function useWhatChanged(
  model: Pick<NetworkModel, 'status' | 'structure'>,
  span: { from: DayString; to: DayString } | null,
): WhatChanged {
  const context = useContext(NetworkContext);
  if (!context) throw new Error('useWhatChanged() needs a NetworkModelProvider above it.');
  const { client } = context;
  const ready = model.status === 'ready' && model.structure !== null;
  const from = span?.from;
  const to = span?.to;
  const key = ready && from && to ? `${model.structure?.generation}:${from}:${to}` : null;
  const [answer, setAnswer] = useState<{
    key: string;
    changes?: NetworkChanges;
    error?: string;
  } | null>(null);
  useEffect(() => {
    if (!key || !from || !to) return;
    let current = true;
    client.request({ kind: 'changes', from, to }).then(
      (changes) => current && setAnswer({ key, changes }),
      (error: unknown) =>
        current && setAnswer({ key, error: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      current = false;
    };
  }, [client, key, from, to]);
  if (answer?.key === key) {
    if (answer.changes) return { status: 'ready', changes: answer.changes };
    return { status: 'error', error: answer.error ?? 'no answer' };
  }
  return { status: 'loading', changes: answer?.changes ?? null };
}
