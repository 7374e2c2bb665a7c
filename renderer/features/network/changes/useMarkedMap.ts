import { useMemo, useState } from 'react';
import type { Colouring } from '../map/colouring';
import type { NodeView } from '../model';
import { dimUnchanged, markColouring, type ChangeMark } from './changeMarks';

/**
 * The map's colours and faint people: the page's own, or while "What changed" shows its marks, the
 * marks' colours with everyone unchanged drawn faintly. `setMarks` is stable.
 */
export function useMarkedMap(
  nodes: readonly NodeView[],
  colours: Colouring,
  hidden: Uint8Array | null,
): {
  colours: Colouring;
  hidden: Uint8Array | null;
  setMarks(marks: ReadonlyMap<string, ChangeMark> | null): void;
} {
  const [marks, setMarks] = useState<ReadonlyMap<string, ChangeMark> | null>(null);
  const shown = useMemo(
    () =>
      marks
        ? { colours: markColouring(nodes, marks), hidden: dimUnchanged(nodes, marks, hidden) }
        : { colours, hidden },
    [marks, nodes, colours, hidden],
  );
  return { ...shown, setMarks };
}
