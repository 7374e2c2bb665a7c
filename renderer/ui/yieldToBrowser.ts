/**
 * Ends the current task so input, React's own work and painting can run before the next slice.
 * A MessageChannel message queues behind them like any ordinary task. Not scheduler.yield(): its
 * continuation jumps the queue, so React's render of the first results would wait for the whole
 * build. Not nested setTimeout(0) either: it is clamped to 4 ms and would halve the build's pace.
 */
export function yieldToBrowser(): Promise<void> {
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
