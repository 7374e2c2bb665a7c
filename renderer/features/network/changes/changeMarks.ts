import type { NetworkChanges } from '../../../../shared/network';
import { NEUTRAL } from '../../../viz/palette';
import type { Colouring } from '../map/colouring';
import type { NodeView } from '../model';

/** How a person's tie changed over the span, as the map marks it. */
export type ChangeMark = 'met' | 'faded' | 'grew';

export const MARK_COLOURS: Record<ChangeMark, string> = {
  met: '#59a14f',
  faded: '#e15759',
  grew: '#4e79a7',
};

const ORDER: readonly ChangeMark[] = ['met', 'faded', 'grew'];
const SLOTS = [...ORDER.map((m) => MARK_COLOURS[m]), NEUTRAL];

/** Each changed person's mark: met for the first time, tie faded, tie grew. */
export function changeMarks(changes: NetworkChanges): Map<string, ChangeMark> {
  const marks = new Map<string, ChangeMark>();
  for (const p of changes.met) marks.set(p.personId, 'met');
  for (const t of changes.faded) marks.set(t.personId, 'faded');
  for (const t of changes.grew) marks.set(t.personId, 'grew');
  return marks;
}

/**
 * The map's colours while it shows what changed: new people, faded and grown ties each in their
 * colour, everyone else grey, and the legend to say so. It goes through the map's ordinary colour
 * slots, so the map itself needs no hook of its own.
 */
export function markColouring(nodes: readonly NodeView[], marks: ReadonlyMap<string, ChangeMark>): Colouring {
  const colourSlot = new Int32Array(nodes.length);
  const counts = new Map<ChangeMark, number>();
  nodes.forEach((n, i) => {
    const mark = marks.get(n.id);
    colourSlot[i] = mark ? ORDER.indexOf(mark) : ORDER.length;
    if (mark) counts.set(mark, (counts.get(mark) ?? 0) + 1);
  });
  const labels: Record<ChangeMark, string> = {
    met: 'Met for the first time',
    faded: 'Tie faded',
    grew: 'Tie grew stronger',
  };
  const legend = ORDER.filter((m) => counts.has(m)).map((m) => ({
    label: `${labels[m]} (${counts.get(m)})`,
    colour: MARK_COLOURS[m],
  }));
  legend.push({ label: 'No change', colour: NEUTRAL });
  return { colourSlot, colours: SLOTS, legend, title: 'Colour: what changed' };
}

/**
 * The people to draw faintly while the map shows what changed: everyone the filters hide, and
 * everyone unchanged, so the changed people and their labels stand out.
 */
export function dimUnchanged(
  nodes: readonly NodeView[],
  marks: ReadonlyMap<string, ChangeMark>,
  hidden: Uint8Array | null,
): Uint8Array {
  const out = new Uint8Array(nodes.length);
  nodes.forEach((n, i) => {
    out[i] = !n.isOwner && (hidden?.[i] === 1 || !marks.has(n.id)) ? 1 : 0;
  });
  return out;
}
