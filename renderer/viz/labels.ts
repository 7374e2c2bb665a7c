/** A node that wants a label, in screen pixels. Candidates come in priority order (most important first). */
export interface LabelCandidate {
  index: number;
  x: number;
  y: number;
  /** The node's radius on screen. */
  r: number;
  width: number;
  height: number;
}

export interface PlacedLabel {
  index: number;
  /** Top-left corner of the label's box. */
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface LabelOptions {
  width: number;
  height: number;
  /** At most this many labels (the strongest ties first). */
  max: number;
  /** Empty space kept around each label. */
  padding?: number;
  /** Boxes no label may cover (the drawn nodes), in screen pixels. */
  obstacles?: Iterable<Box>;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

const CELL = 64;

/**
 * Greedy label placement: each candidate, most important first, takes the first of four spots
 * around its node (right, left, below, above) whose box overlaps no label already placed and no
 * obstacle (the nodes) and lies on screen; otherwise it goes unlabelled. A uniform grid of placed boxes keeps each test local,
 * so placing labels for thousands of nodes stays well under a millisecond per hundred.
 */
export function placeLabels(candidates: Iterable<LabelCandidate>, options: LabelOptions): PlacedLabel[] {
  const pad = options.padding ?? 2;
  const columns = Math.max(1, Math.ceil(options.width / CELL));
  const rows = Math.max(1, Math.ceil(options.height / CELL));
  const grid: Box[][] = Array.from({ length: columns * rows }, () => []);
  const placed: PlacedLabel[] = [];

  const cells = (b: Box, visit: (cell: Box[]) => boolean | void): boolean => {
    const c0 = Math.max(0, Math.floor((b.x - pad) / CELL));
    const c1 = Math.min(columns - 1, Math.floor((b.x + b.width + pad) / CELL));
    const r0 = Math.max(0, Math.floor((b.y - pad) / CELL));
    const r1 = Math.min(rows - 1, Math.floor((b.y + b.height + pad) / CELL));
    for (let r = r0; r <= r1; r++)
      for (let c = c0; c <= c1; c++) if (visit(grid[r * columns + c] as PlacedLabel[]) === true) return true;
    return false;
  };
  const collides = (b: Box) =>
    cells(b, (cell) =>
      cell.some(
        (o) =>
          b.x < o.x + o.width + pad &&
          o.x < b.x + b.width + pad &&
          b.y < o.y + o.height + pad &&
          o.y < b.y + b.height + pad,
      ),
    );
  const onScreen = (b: PlacedLabel) =>
    b.x >= 0 && b.y >= 0 && b.x + b.width <= options.width && b.y + b.height <= options.height;

  for (const o of options.obstacles ?? []) cells(o, (cell) => void cell.push(o));

  for (const c of candidates) {
    if (placed.length >= options.max) break;
    const gap = c.r + 3;
    const spots: [number, number][] = [
      [c.x + gap, c.y - c.height / 2],
      [c.x - gap - c.width, c.y - c.height / 2],
      [c.x - c.width / 2, c.y + gap],
      [c.x - c.width / 2, c.y - gap - c.height],
    ];
    for (const [x, y] of spots) {
      const box: PlacedLabel = { index: c.index, x, y, width: c.width, height: c.height };
      if (!onScreen(box) || collides(box)) continue;
      placed.push(box);
      cells(box, (cell) => void cell.push(box));
      break;
    }
  }
  return placed;
}
