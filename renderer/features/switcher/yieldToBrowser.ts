interface SchedulerWithYield {
  yield(): Promise<void>;
}

/**
 * Lets input and paint run between slices. scheduler.yield() (Chromium) resumes first in line;
 * a MessageChannel message is the fallback, because nested setTimeout(0) is clamped to 4 ms and
 * would more than halve the build's share of the main thread.
 */
export function yieldToBrowser(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Partial<SchedulerWithYield> }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  if (typeof MessageChannel === 'undefined') return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
