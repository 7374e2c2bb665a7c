/// <reference lib="webworker" />
import type { ToWorker } from './protocol';
import { createNetworkWorkerCore } from './workerCore';

// The only place the time index lives: the main thread sends the journal and asks; this answers.
const scope = self as unknown as DedicatedWorkerGlobalScope;
const core = createNetworkWorkerCore({
  post: (message, transfer) => scope.postMessage(message, transfer),
});
scope.onmessage = (event: MessageEvent<ToWorker>) => core.handle(event.data);
