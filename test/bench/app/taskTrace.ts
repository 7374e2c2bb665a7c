import type { CDPSession, Page } from 'playwright-core';

/** One main-thread task of the page, on the page's clock (performance.now(), ms). */
export interface PageTask {
  start: number;
  duration: number;
}

interface TraceEvent {
  args?: { data?: { functionName?: string; url?: string; lineNumber?: number; type?: string } };
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
    traceConfig: {
      includedCategories: [
        'disabled-by-default-devtools.timeline',
        'blink.user_timing',
        ...(process.env.KITH_BENCH_DIAG ? ['devtools.timeline'] : []),
      ],
    },
    transferMode: 'ReportEvents',
  });
  // A mark whose page time is known ties the trace's clock to the page's.
  const markedAt = await page.evaluate((name) => performance.mark(name).startTime, CLOCK_MARK);
  return {
    async stop() {
      await finish(cdp);
      await cdp.detach();
      if (process.env.KITH_BENCH_DIAG) diagnose(events, markedAt);
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

/**
 * With KITH_BENCH_DIAG set: every main-thread task over 40 ms, with the longest events inside it
 * (script by function and file, GC, layout, paint), on stderr: where a long task's time went.
 */
function diagnose(events: readonly TraceEvent[], markedAt: number): void {
  const mark = events.find((e) => e.name === CLOCK_MARK);
  if (!mark) return;
  const main = events.filter((e) => e.pid === mark.pid && e.tid === mark.tid && e.ph === 'X');
  const at = (e: TraceEvent) => Math.round(markedAt + (e.ts - mark.ts) / 1000);
  for (const task of main.filter((e) => e.name === 'RunTask' && (e.dur ?? 0) > 40_000)) {
    const inside = main
      .filter(
        (e) => e !== task && e.ts >= task.ts && e.ts < task.ts + (task.dur ?? 0) && (e.dur ?? 0) > 5_000,
      )
      .sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0))
      .slice(0, 6)
      .map(
        (e) =>
          `${e.name}${e.args?.data?.functionName ? ` ${e.args.data.functionName}` : ''}${e.args?.data?.type ? ` ${e.args.data.type}` : ''}${e.args?.data?.url ? ` ${e.args.data.url.split('/').pop()}:${e.args.data.lineNumber}` : ''} ${Math.round((e.dur ?? 0) / 1000)}`,
      );
    process.stderr.write(
      `DIAG task at ${at(task)} ${Math.round((task.dur ?? 0) / 1000)} ms: ${inside.join(' | ')}\n`,
    );
  }
}
