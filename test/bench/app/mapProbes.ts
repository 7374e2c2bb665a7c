/**
 * Page-side functions for the network map figures (same rules as ./probes.ts: self-contained,
 * they use the helpers installProbes put on `window.__kithProbe`).
 */
import type { MapFrameCounts, ProbeState } from './probes';

export interface MapOpened {
  /** Worker wall time from layout start to settled, and the time in the layout's own ticks. */
  ms: number;
  computeMs: number;
  people: number;
  ties: number;
  /** Page time (performance.now()) when the route was followed, and of the settled mark. */
  start: number;
  settledAt: number;
}

/** Goes to the map from inside the app (the worker starts there) and waits for the layout to settle. */
export async function openMap(): Promise<MapOpened> {
  const probe = window.__kithProbe as ProbeState;
  if (probe.settled) throw new Error('The map had already settled before the bench opened it.');
  const start = performance.now();
  location.hash = '#/network';
  await probe.until(
    () =>
      [...document.querySelectorAll('canvas[role="img"]')].some((c) =>
        /^Network map, \d+ people/.test(c.getAttribute('aria-label') ?? ''),
      ),
    'the network map canvas',
  );
  const settled = await new Promise<NonNullable<ProbeState['settled']>>((resolve, reject) => {
    const deadline = performance.now() + 180_000;
    const check = () => {
      if (probe.settled) resolve(probe.settled);
      else if (performance.now() > deadline)
        reject(new Error('The map layout did not settle within 3 minutes.'));
      else setTimeout(check, 20);
    };
    check();
  });
  return { ...settled.detail, start, settledAt: settled.at };
}

/** performance.now() in the page: the start of a window for scrubEnd. */
export function pageNow(): number {
  return performance.now();
}

/** The map frames drawn since `from`, and the page time now (the end of the window). */
export function scrubEnd(from: number): { frames: number[]; end: number } {
  const probe = window.__kithProbe as ProbeState;
  return {
    frames: probe.mapFrames.filter((f) => f.start >= from).map((f) => f.duration),
    end: performance.now(),
  };
}

export interface MapPictures {
  /** Page time the route was followed. */
  start: number;
  /** End of the first frame with names on it (people or communities): the first readable picture. */
  readable: number;
  /** End of the first frame with names drawn after the layout settled. */
  settled: number;
  /** The settled mark's page time. */
  settledMark: number;
}

/**
 * Goes to the map from inside the app and waits for its first readable picture (a frame that
 * names someone or some community) and for the settled picture (the first such frame after the
 * layout's settled mark).
 */
export async function openMapPictures(): Promise<MapPictures> {
  const probe = window.__kithProbe as ProbeState;
  if (probe.settled) throw new Error('The map had already settled before the bench opened it.');
  const start = performance.now();
  location.hash = '#/network';
  const named = (after: number) =>
    probe.mapFrames.find((f) => f.start >= after && (f.counts?.labels ?? 0) > 0);
  const wait = <T>(check: () => T | undefined, what: string) =>
    new Promise<T>((resolve, reject) => {
      const deadline = performance.now() + 180_000;
      const poll = () => {
        const value = check();
        if (value !== undefined) resolve(value);
        else if (performance.now() > deadline) reject(new Error(`No ${what} within 3 minutes.`));
        else setTimeout(poll, 10);
      };
      poll();
    });
  const first = await wait(() => named(start), 'readable map frame');
  const mark = await wait(() => probe.settled, 'settled layout');
  const settled = await wait(() => named(mark.at), 'readable frame after the layout settled');
  return {
    start,
    readable: first.start + first.duration,
    settled: settled.start + settled.duration,
    settledMark: mark.at,
  };
}

/** What the latest map frame drew (the default view, once nothing moves). */
export function lastFrameCounts(): MapFrameCounts | null {
  const probe = window.__kithProbe as ProbeState;
  return probe.mapFrames.at(-1)?.counts ?? null;
}

/** When each stage of the model's first build began, in ms after `start` (the 'kith:network-stage' marks). */
export function stageStarts(start: number): Record<string, number> {
  const starts: Record<string, number> = {};
  for (const mark of performance.getEntriesByName('kith:network-stage') as PerformanceMark[]) {
    if (mark.startTime >= start) starts[String(mark.detail)] ??= mark.startTime - start;
  }
  // When each collection reached the model's feed (before the first stage).
  for (const mark of performance.getEntriesByName('kith:network-feed') as PerformanceMark[]) {
    if (mark.startTime >= start) starts[`feed ${String(mark.detail)}`] ??= mark.startTime - start;
  }
  return starts;
}
