import { quadtree, type Quadtree, type QuadtreeLeaf } from 'd3-quadtree';

/**
 * Finds the node under the pointer among the drawn ones, in world coordinates. Built once per change
 * of positions or visibility (a few ms for thousands of nodes), then each lookup is a quadtree search.
 */
export class NodeFinder {
  private readonly tree: Quadtree<number>;
  private readonly maxRadius: number;

  constructor(
    private readonly positions: Float32Array,
    private readonly radii: Float32Array,
    drawn: (index: number) => boolean,
  ) {
    const indexes: number[] = [];
    let max = 0;
    for (let i = 0; i < radii.length; i++) {
      const x = positions[i * 2] as number;
      if (!drawn(i) || Number.isNaN(x)) continue;
      indexes.push(i);
      max = Math.max(max, radii[i] as number);
    }
    this.maxRadius = max;
    this.tree = quadtree<number>()
      .x((i) => positions[i * 2] as number)
      .y((i) => positions[i * 2 + 1] as number)
      .addAll(indexes);
  }

  /** The node whose disc (widened by `slack` world units) contains the point, nearest first; -1 if none. */
  find(x: number, y: number, slack: number): number {
    let best = -1;
    let bestDistance = Infinity;
    const reach = this.maxRadius + slack;
    this.tree.visit((node, x0, y0, x1, y1) => {
      if (x0 > x + reach || x1 < x - reach || y0 > y + reach || y1 < y - reach) return true;
      if (!node.length) {
        for (
          let leaf: QuadtreeLeaf<number> | undefined = node as QuadtreeLeaf<number>;
          leaf;
          leaf = leaf.next
        ) {
          const i = leaf.data;
          const d = Math.hypot(
            (this.positions[i * 2] as number) - x,
            (this.positions[i * 2 + 1] as number) - y,
          );
          if (d <= (this.radii[i] as number) + slack && d < bestDistance) {
            best = i;
            bestDistance = d;
          }
        }
      }
      return false;
    });
    return best;
  }
}
