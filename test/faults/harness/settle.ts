import type { Page } from 'playwright-core';
import { syncStatusText } from '../ui';
import type { Operator } from './syncServer';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What settle() reports when the page shows no sync status at all. */
export const NO_STATUS = '(no sync status)';

/**
 * Waits until the device's sync status matches `until` (default: Synced) and neither it nor the
 * server's update sequence has changed for `quietMs`. Returns the status then; throws with the last
 * status seen after `timeoutMs`.
 */
export async function settle(
  page: Page,
  operator: Operator,
  options: { until?: RegExp; quietMs?: number; timeoutMs?: number } = {},
): Promise<string> {
  const until = options.until ?? /^Synced/;
  const quietMs = options.quietMs ?? 2_000;
  const deadline = Date.now() + (options.timeoutMs ?? 120_000);
  let last = '';
  let stableSince = 0;
  for (;;) {
    const status = await syncStatusText(page).catch(() => NO_STATUS);
    const seq = JSON.stringify((await operator.info())?.updateSeq ?? null);
    const state = `${status.replace(/Last in sync .*/, '')}|${seq}`;
    if (until.test(status) && state === last) {
      if (Date.now() - stableSince >= quietMs) return status;
    } else {
      stableSince = Date.now();
    }
    last = state;
    if (Date.now() > deadline) throw new Error(`sync did not settle: the status shows "${status}"`);
    await sleep(250);
  }
}

/** Polls `probe` until it returns a value (not undefined), or throws after `timeoutMs`. */
export async function poll<T>(
  probe: () => Promise<T | undefined>,
  timeoutMs: number,
  what: string,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

/** settle(), as a yes or no. */
export function settles(page: Page, operator: Operator, timeoutMs = 180_000): Promise<boolean> {
  return settle(page, operator, { timeoutMs }).then(
    () => true,
    () => false,
  );
}
