import { useMemo } from 'react';
import { strengthSettings$ } from '../../../shared/db';
import type { StrengthSettings } from '../../../shared/network';
import { useDb, useObservable } from '../../db';

/** The user's tie strength settings, live; undefined while they load. */
export function useStrengthSettings(): StrengthSettings | undefined {
  const db = useDb();
  const source = useMemo(() => strengthSettings$(db), [db]);
  return useObservable(source);
}
