import { scaleSqrt } from 'd3-scale';

/**
 * Sizes shared by the layout (collision radii) and the drawing, so nodes laid out apart are drawn
 * apart. Area, not radius, grows with strength: that is how the eye reads a disc's size.
 */
const radius = scaleSqrt().domain([0, 1]).range([2.5, 13]).clamp(true);

export const OWNER_RADIUS = 15;

export function nodeRadius(strength: number): number {
  return radius(strength);
}

/** Tie width in screen pixels at zoom 1: hairline for weak ties, up to 4 px for the strongest. */
export function tieWidth(strength: number): number {
  return 0.4 + 3.6 * Math.min(1, Math.max(0, strength));
}

/** Tie opacity: weak ties recede so the structure shows through a dense map. */
export function tieAlpha(strength: number): number {
  return 0.08 + 0.6 * Math.sqrt(Math.min(1, Math.max(0, strength)));
}
