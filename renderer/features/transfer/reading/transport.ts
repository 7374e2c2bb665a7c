import type { FromReader, ToReader } from './protocol';

/** How the page talks to the file reader worker (or, without workers, to the same code on this thread). */
export interface ReaderTransport {
  post(message: ToReader, transfer?: Transferable[]): void;
  /** `onFailure`: the worker itself failed (could not load, ran out of memory); nothing pending will be answered. */
  listen(listener: (message: FromReader) => void, onFailure: (reason: string) => void): void;
  /** Stops the work at once (a worker is terminated mid-parse). */
  terminate(): void;
}

export type ReaderTransportFactory = () => ReaderTransport;

/** The real thing: a module worker that vite bundles as its own file (CSP worker-src 'self'). */
function createWorkerTransport(): ReaderTransport {
  const worker = new Worker(new URL('./reader.worker.ts', import.meta.url), {
    type: 'module',
    name: 'kith-file-reader',
  });
  return {
    post: (message, transfer = []) => worker.postMessage(message, transfer),
    listen: (listener, onFailure) => {
      worker.onmessage = (event: MessageEvent<FromReader>) => listener(event.data);
      worker.onerror = (event: ErrorEvent) => {
        event.preventDefault();
        onFailure(event.message || 'the file reader could not run');
      };
      worker.onmessageerror = () => onFailure('a message from the file reader could not be read');
    },
    terminate: () => worker.terminate(),
  };
}

/**
 * The worker's code on this thread, for environments without Worker (component tests in happy-dom).
 * Loaded on demand so the app bundle does not carry the importers twice.
 */
function createInProcessTransport(): ReaderTransport {
  let listener: ((message: FromReader) => void) | null = null;
  let stopped = false;
  const core = import('./readerCore').then(({ createReaderCore }) =>
    createReaderCore((message) => setTimeout(() => !stopped && listener?.(message), 0)),
  );
  return {
    post: (message) => {
      void core.then((c) => (stopped ? undefined : c.handle(message)));
    },
    listen: (l) => {
      listener = l;
    },
    terminate: () => {
      stopped = true;
    },
  };
}

export const defaultReaderTransport: ReaderTransportFactory = () =>
  typeof Worker === 'undefined' ? createInProcessTransport() : createWorkerTransport();
