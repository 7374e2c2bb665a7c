/**
 * This device's clock and id, per open database: what every write stamps its fields with.
 *
 * A hybrid logical clock: it never repeats or goes back on one device, and it moves past the stamps
 * it sees arrive from other devices, so an edit made here after pulling another device's edit always
 * carries the later stamp, even when this device's wall clock is behind. Without that, a device whose
 * clock runs slow writes edits that look older than what they replace, and the other devices take
 * them for a server's rollback.
 */
import type { KithDatabase } from './collections';
import { makeStamp, parseStamp, type FieldStamp } from './fieldTimes';

export interface Clock {
  /** The next time to stamp a write with, in ms: later than every earlier one and every observed one. */
  (): number;
  /** A stamp from another device arrived: later stamps here are later than it. */
  observe(ms: number): void;
}

/**
 * How far ahead of this device's wall clock an observed stamp may pull the clock. A stamp further
 * ahead (a device whose clock is years off, or a forged one) is not followed: following it would make
 * every later edit on every device carry that future time.
 */
export const MAX_OBSERVED_AHEAD_MS = 24 * 3_600_000;

export function createClock(now: () => number = Date.now): Clock {
  let last = 0;
  const clock = (() => {
    last = Math.max(now(), last + 1);
    return last;
  }) as Clock;
  clock.observe = (ms) => {
    if (Number.isFinite(ms) && ms <= now() + MAX_OBSERVED_AHEAD_MS) last = Math.max(last, ms);
  };
  return clock;
}

export interface DeviceContext {
  deviceId: string;
  clock: Clock;
}

const contexts = new WeakMap<object, DeviceContext>();

/** Set once when a database is opened (openDatabase; test replicas with a skewed clock). */
export function setDeviceContext(db: object, ctx: DeviceContext): void {
  contexts.set(db, ctx);
}

export function deviceContext(db: KithDatabase): DeviceContext {
  const ctx = contexts.get(db);
  if (!ctx) throw new Error('This database was not opened with openDatabase().');
  return ctx;
}

/**
 * A fresh stamp and its millisecond time, for one write. `editing`: the stored documents the write
 * changes; the stamp comes after every stamp on them, even those this clock never saw (stamped by
 * a faster device before this app started, or merged in by another tab), so an edit never looks
 * older than what it replaces, which other devices would refuse as a server's rollback.
 */
export function nextStamp(
  db: KithDatabase,
  editing: readonly (object | null | undefined)[] = [],
): { ms: number; stamp: FieldStamp } {
  const ctx = deviceContext(db);
  const seen = latestStamp(editing);
  if (seen > 0) ctx.clock.observe(seen);
  const ms = ctx.clock();
  return { ms, stamp: makeStamp(ms, ctx.deviceId) };
}

/** The newest stamp time on `docs` that a clock may follow (at most a day ahead of this one); 0 if none. */
export function latestStamp(docs: readonly (object | null | undefined)[]): number {
  let latest = 0;
  for (const doc of docs) {
    const times = (doc as { fieldTimes?: unknown } | null | undefined)?.fieldTimes;
    if (!times || typeof times !== 'object') continue;
    for (const stamp of Object.values(times as Record<string, unknown>)) {
      const ms = typeof stamp === 'string' ? (parseStamp(stamp)?.ms ?? 0) : 0;
      if (ms > latest && ms <= Date.now() + MAX_OBSERVED_AHEAD_MS) latest = ms;
    }
  }
  return latest;
}

/** Documents arrived from another device: this device's next stamps come after theirs. */
export function observeStamps(db: object, docs: readonly object[]): void {
  const clock = contexts.get(db)?.clock;
  if (!clock) return;
  const latest = latestStamp(docs);
  if (latest > 0) clock.observe(latest);
}
