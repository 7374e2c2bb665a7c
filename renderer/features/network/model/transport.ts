import type { FromWorker, ToWorker } from './protocol';

/** How the main thread talks to the network worker (or, without workers, to the same code in-process). */
export interface NetworkTransport {
  post(message: ToWorker): void;
  listen(listener: (message: FromWorker) => void): void;
  terminate(): void;
}

export type TransportFactory = () => NetworkTransport;

/** The real thing: a module worker that vite bundles as its own file (CSP worker-src 'self'). */
export function createWorkerTransport(): NetworkTransport {
  const worker = new Worker(new URL('./network.worker.ts', import.meta.url), {
    type: 'module',
    name: 'kith-network',
  });
  return {
    post: (message) => worker.postMessage(message),
    listen: (listener) => {
      worker.onmessage = (event: MessageEvent<FromWorker>) => listener(event.data);
    },
    terminate: () => worker.terminate(),
  };
}

/**
 * The worker's code run on this thread, asynchronously, for environments without Worker (component
 * tests in happy-dom). Loaded on demand so the app bundle does not carry the network core twice.
 */
export function createInProcessTransport(): NetworkTransport {
  let listener: ((message: FromWorker) => void) | null = null;
  let stopped = false;
  const queue: ToWorker[] = [];
  let handle: ((message: ToWorker) => void) | null = null;
  void import('./workerCore').then(({ createNetworkWorkerCore }) => {
    const core = createNetworkWorkerCore({
      post: (message) => setTimeout(() => !stopped && listener?.(message), 0),
    });
    handle = (message) => core.handle(message);
    for (const message of queue.splice(0)) handle(message);
  });
  return {
    post: (message) => {
      if (stopped) return;
      if (handle) {
        const run = handle;
        setTimeout(() => !stopped && run(message), 0);
      } else queue.push(message);
    },
    listen: (l) => {
      listener = l;
    },
    terminate: () => {
      stopped = true;
    },
  };
}

export const defaultTransport: TransportFactory = () =>
  typeof Worker === 'undefined' ? createInProcessTransport() : createWorkerTransport();
