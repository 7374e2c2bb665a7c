import type { Page } from 'playwright-core';
import { openMap, pageNow, scrubEnd } from './mapProbes';
import { longestTask, startTaskTrace } from './taskTrace';

/** Key presses while scrubbing; mostly a month at a time so the map really changes. */
const SCRUB_KEYS = Array.from({ length: 120 }, (_, i) => (i % 3 === 2 ? 'ArrowLeft' : 'PageDown'));
/** One frame at 60 Hz between presses, as a hand on the slider would move it. */
const PRESS_GAP_MS = 16;
/** Long enough for the last frame and the analysis after the slider stops (~150 ms). */
const SETTLE_AFTER_SCRUB_MS = 600;

/**
 * Network map figures for one load, on a page already showing the loaded journal: opens the map
 * (the model's worker starts then), waits for the layout to settle, then scrubs the time slider.
 */
export async function measureMap(page: Page, add: (name: string, value: number) => void): Promise<void> {
  const trace = await startTaskTrace(page);
  const opened = await page.evaluate(openMap);
  add('layoutSettle', opened.ms);
  add('layoutCompute', opened.computeMs);
  add('layoutOpen', opened.settledAt - opened.start);

  const slider = page.getByRole('slider', { name: 'Date' });
  await slider.focus();
  const from = await page.evaluate(pageNow);
  for (const key of SCRUB_KEYS) {
    await page.keyboard.press(key);
    await page.waitForTimeout(PRESS_GAP_MS);
  }
  await page.waitForTimeout(SETTLE_AFTER_SCRUB_MS);
  const scrub = await page.evaluate(scrubEnd, from);
  if (scrub.frames.length === 0) throw new Error('Scrubbing the time slider drew no map frames.');
  for (const ms of scrub.frames) add('mapFrame', ms);
  add('scrubFrames', scrub.frames.length);

  const tasks = await trace.stop();
  add('layoutLongTask', longestTask(tasks, opened.start, opened.settledAt));
  // The layout's own window: the settled mark minus the worker's time (clocks differ, ms do not).
  add('layoutWindowLongTask', longestTask(tasks, opened.settledAt - opened.ms, opened.settledAt));
  add('scrubLongTask', longestTask(tasks, from, scrub.end));
}
