/**
 * performance.now() exists in browsers, workers and Node, but shared/ has neither DOM nor node
 * types, so it is reached through a narrow typed view of globalThis (as db/ids.ts does for crypto).
 */
export function now(): number {
  return (globalThis as unknown as { performance: { now(): number } }).performance.now();
}
