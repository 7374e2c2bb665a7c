import type { CDPSession, Page } from 'playwright-core';

/** One main-thread task of the page, on the page's clock (performance.now(), ms). */
export interface PageTask {
  start: number;
  duration: number;
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
}

const CLOCK_MARK = 'kith:bench-clock';

/**
 * Records every task the page's main thread runs, from a Chromium trace. The Long Tasks API only
 * reports tasks over 50 ms, so it cannot say how far under 50 ms the longest task stays; the trace
 * can. Only the timeline's task events and user timing marks are recorded, to keep tracing light.
 */
export async function startTaskTrace(page: Page): Promise<{ stop(): Promise<PageTask[]> }> {
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: ['disabled-by-default-devtools.timeline', 'blink.user_timing'] },
    transferMode: 'ReportEvents',
  });
  // A mark whose page time is known ties the trace's clock to the page's.
  const markedAt = await page.evaluate((name) => performance.mark(name).startTime, CLOCK_MARK);
  return {
    async stop() {
      await finish(cdp);
      await cdp.detach();
      return mainThreadTasks(events, markedAt);
    },
  };
}

async function finish(cdp: CDPSession): Promise<void> {
  const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.end');
  await complete;
}

function mainThreadTasks(events: readonly TraceEvent[], markedAt: number): PageTask[] {
  const mark = events.find((e) => e.name === CLOCK_MARK);
  if (!mark) throw new Error('The trace holds no clock mark: the page was not traced.');
  // The mark is recorded on the page's main thread, which identifies it among the browser's threads.
  return events
    .filter((e) => e.name === 'RunTask' && e.ph === 'X' && e.pid === mark.pid && e.tid === mark.tid)
    .map((e) => ({ start: markedAt + (e.ts - mark.ts) / 1000, duration: (e.dur ?? 0) / 1000 }));
}

/** The longest task overlapping [from, to] (page clock), 0 if none ran. */
export function longestTask(tasks: readonly PageTask[], from: number, to: number): number {
  let longest = 0;
  for (const t of tasks)
    if (t.start < to && t.start + t.duration > from) longest = Math.max(longest, t.duration);
  return longest;
}
