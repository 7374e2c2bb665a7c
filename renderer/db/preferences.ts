import { useMemo } from 'react';
import type { Preferences } from '../../shared/domain/entities';
import { preferences$ } from '../../shared/db';
import { useDb } from './DbContext';
import { useObservable } from './liveQuery';

export function usePreferences(): Preferences | undefined {
  const db = useDb();
  const source = useMemo(() => preferences$(db), [db]);
  return useObservable(source);
}
