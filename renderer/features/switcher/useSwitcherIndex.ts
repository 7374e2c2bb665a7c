import { useEffect, useState } from 'react';
import { useCommunities, useEncounters, usePeople } from '../../db';
import { SwitcherIndex } from './searchIndex';

export interface SwitcherIndexState {
  index: SwitcherIndex;
  /** Bumped whenever the index has caught up (first people and communities, then encounters); search results depend on it. */
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
  const [built, setBuilt] = useState(false);

  useEffect(() => {
    if (!people || !communities || !encounters) return;
    if (built && !open) return;
    let cancelled = false;
    const bump = () => !cancelled && setVersion((v) => v + 1);
    const sync = () =>
      void index.syncInSlices(people, communities, encounters, { onNamesReady: bump }).then((finished) => {
        if (!finished || cancelled) return;
        bump();
        setBuilt(true);
      });
    // The first build waits for a quiet moment so it does not compete with the journal's first
    // paint, unless the switcher is already open and waiting for it.
    if (built || open) {
      sync();
      return () => {
        cancelled = true;
      };
    }
    const cancelIdle = whenIdle(sync);
    return () => {
      cancelled = true;
      cancelIdle();
    };
  }, [index, open, built, people, communities, encounters]);

  return { index, version, building: !built };
}

/** Runs `task` when the browser is idle (within 2 s at the latest); returns a cancel function. */
function whenIdle(task: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(task, { timeout: 2000 });
    return () => cancelIdleCallback(handle);
  }
  const handle = setTimeout(task, 200);
  return () => clearTimeout(handle);
}
