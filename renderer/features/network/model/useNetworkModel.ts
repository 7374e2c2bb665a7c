import { useCallback, useContext, useEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import type { DayString } from '../../../../shared/domain/entities';
import type { LearnedStrength } from '../../../../shared/network';
import type { NetworkClient } from './client';
import { NetworkContext } from './context';
import type { NetworkModel, SeriesOptions } from './types';

/** The network model (see /work/team/network-api.md): data at the chosen date, and requests to the worker. */
export function useNetworkModel(): NetworkModel {
  return useModel(false);
}

/**
 * The model as of its last analysis: like useNetworkModel(), but a move of the slider alone (`day`,
 * 60 times a second while scrubbing) does not re-render the caller, so its `day` may lag behind.
 * For views that show `analysedDay` (the panels below the map): re-rendering them on every slider
 * step held the main thread for seconds on a heavy journal.
 */
export function useNetworkAnalysis(): NetworkModel {
  return useModel(true);
}

function useModel(ignoreDay: boolean): NetworkModel {
  const context = useContext(NetworkContext);
  if (!context)
    throw new Error('useNetworkModel() needs a NetworkModelProvider above it (AppProviders mounts one).');
  const { client, activate } = context;
  useEffect(() => activate(), [activate]);
  const kept = useRef<NetworkState | null>(null);
  const getSnapshot = useCallback(() => {
    const next = client.getSnapshot();
    const previous = kept.current;
    if (ignoreDay && previous && sameButDay(previous, next)) return previous;
    kept.current = next;
    return next;
  }, [client, ignoreDay]);
  const state = useSyncExternalStore(client.subscribe, getSnapshot);
  // Stable functions, so views can depend on them in effects without re-running on every date change.
  const methods = useMemo(
    () => ({
      setDay: client.setDay,
      setHighlight: client.setHighlight,
      frames: client.frames,
      requestPath: (personId: string, day?: DayString) =>
        client.request({ kind: 'path', personId, day: day ?? client.state.day }),
      explain: (personId: string, day?: DayString) =>
        client.request({ kind: 'explain', personId, day: day ?? client.state.day }),
      strengthSeries: (personId: string, options: SeriesOptions = {}) =>
        client.request({ kind: 'series', personId, options }),
      composition: (options: SeriesOptions = {}) => client.request({ kind: 'composition', options }),
    }),
    [client],
  );
  return useMemo(() => ({ ...state, ...methods }), [state, methods]);
}

type NetworkState = ReturnType<NetworkClient['getSnapshot']>;

function sameButDay(a: NetworkState, b: NetworkState): boolean {
  if (a === b) return true;
  const keys = Object.keys(b) as (keyof NetworkState)[];
  if (keys.length !== Object.keys(a).length) return false;
  return keys.every((key) => key === 'day' || Object.is(a[key], b[key]));
}

/**
 * What the owner's ratings taught (fitted in the worker with the time index): undefined until the
 * first build, then the model or null (learning off, too few rated people). Starts the worker, like
 * the other network views: a view over part of the journal (a person's page) needs the model
 * learned from all of it for its numbers to match the map's.
 */
export function useLearnedStrength(): LearnedStrength | null | undefined {
  const context = useContext(NetworkContext);
  if (!context)
    throw new Error('useLearnedStrength() needs a NetworkModelProvider above it (AppProviders mounts one).');
  const { client, activate } = context;
  useEffect(() => activate(), [activate]);
  const getSnapshot = useCallback(
    () => (client.getSnapshot().status === 'ready' ? client.getSnapshot().learned : undefined),
    [client],
  );
  return useSyncExternalStore(client.subscribe, getSnapshot);
}
