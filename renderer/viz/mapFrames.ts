import type { DrawnCounts } from './drawNetwork';

/**
 * Map frames measured for the bench: each drawn frame becomes a 'kith:map-frame' performance
 * measure on the page's timeline, wherever it was drawn.
 */
export const MAP_FRAME = 'kith:map-frame';
const MAX_FRAME_MEASURES = 5000;
let measures = 0;

/**
 * Records one frame (page clock, ms) with what it drew; old measures are dropped so a long
 * session does not grow.
 */
export function recordMapFrame(start: number, duration: number, counts?: DrawnCounts): void {
  performance.measure(MAP_FRAME, { start, duration, detail: counts });
  if (++measures > MAX_FRAME_MEASURES) {
    performance.clearMeasures(MAP_FRAME);
    measures = 0;
  }
}
