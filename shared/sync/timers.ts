/** setTimeout exists in browsers and node alike; shared/ compiles without either's types. */
interface TimerGlobals {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}
const g = globalThis as unknown as TimerGlobals;

export const setTimer = (callback: () => void, ms: number): unknown => g.setTimeout(callback, ms);
export const clearTimer = (handle: unknown): void => g.clearTimeout(handle);
export const sleep = (ms: number): Promise<void> => new Promise((resolve) => g.setTimeout(resolve, ms));
