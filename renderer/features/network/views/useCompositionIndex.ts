import { useEffect, useState } from 'react';
import type { Encounter } from '../../../../shared/domain/entities';
import { yieldToBrowser } from '../../../ui/yieldToBrowser';
import { compositionIndexBuilder, type CompositionIndex } from './compositionIndex';

/** Well under the 50 ms that makes a long task, with room for React and painting in the same frame. */
const SLICE_MS = 12;

/** Per journal list: the hooks hand out a new array only when an encounter changes. */
const built = new WeakMap<readonly Encounter[], { ownerId: string; index: CompositionIndex }>();

/**
 * The composition chart's index, built a slice at a time so that a heavy journal never holds the
 * main thread for long. Until the first build is done it is null; after a change to the journal the
 * previous index stays on screen until the new one is ready.
 */
export function useCompositionIndex(
  encounters: readonly Encounter[],
  ownerId: string,
): CompositionIndex | null {
  const cached = built.get(encounters);
  const ready = cached?.ownerId === ownerId ? cached.index : null;
  const [latest, setLatest] = useState<CompositionIndex | null>(ready);

  useEffect(() => {
    if (ready) return;
    let cancelled = false;
    void (async () => {
      // Setting up the builder (a date-ordered copy of the journal) is tens of milliseconds on a heavy
      // journal: give it a task of its own rather than adding it to the commit that mounted the chart.
      await yieldToBrowser();
      if (cancelled) return;
      const builder = compositionIndexBuilder(encounters, ownerId);
      await yieldToBrowser();
      for (;;) {
        if (cancelled) return;
        const index = builder.step(performance.now() + SLICE_MS);
        if (index) {
          built.set(encounters, { ownerId, index });
          setLatest(index);
          return;
        }
        await yieldToBrowser();
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [encounters, ownerId, ready]);

  return ready ?? latest;
}
