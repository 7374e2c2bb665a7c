import { useContext, useEffect, useMemo, useSyncExternalStore } from 'react';
import type { DayString } from '../../../../shared/domain/entities';
import { NetworkContext } from './context';
import type { NetworkModel, SeriesOptions } from './types';

/** The network model (see /work/team/network-api.md): data at the chosen date, and requests to the worker. */
export function useNetworkModel(): NetworkModel {
  const context = useContext(NetworkContext);
  if (!context)
    throw new Error('useNetworkModel() needs a NetworkModelProvider above it (AppProviders mounts one).');
  const { client, activate } = context;
  useEffect(() => activate(), [activate]);
  const state = useSyncExternalStore(client.subscribe, client.getSnapshot);
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
