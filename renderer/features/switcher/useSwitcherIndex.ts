import { useEffect, useState } from 'react';
import { useCommunities, useEncounters, usePeople } from '../../db';
import { SwitcherIndex } from './searchIndex';

export interface SwitcherIndexState {
  index: SwitcherIndex;
  /** Bumped whenever the index has caught up with the journal; search results depend on it. */
  version: number;
  /** True until the first full build has finished. */
  building: boolean;
}

/**
 * One index for the life of the app. It is built once, in slices, soon after start (so the first
 * Ctrl+K finds everything at once); afterwards it catches up with edits only while the switcher is
 * open, which after a small edit costs a diff, not a rebuild.
 */
export function useSwitcherIndex(open: boolean): SwitcherIndexState {
  const people = usePeople();
  const communities = useCommunities();
  const encounters = useEncounters();
  const [index] = useState(() => new SwitcherIndex());
  const [version, setVersion] = useState(0);
  const built = version > 0;

  useEffect(() => {
    if (!people || !communities || !encounters) return;
    if (built && !open) return;
    let cancelled = false;
    void index.syncInSlices(people, communities, encounters).then((finished) => {
      if (!finished || cancelled) return;
      setVersion((v) => v + 1);
    });
    return () => {
      cancelled = true;
    };
  }, [index, open, built, people, communities, encounters]);

  return { index, version, building: !built };
}
