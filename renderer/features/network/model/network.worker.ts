/// <reference lib="webworker" />
import type { ToWorker } from './protocol';
import { readJournal, readPersonIds } from './journalSource';
import { loadSnapshot, saveSnapshot } from './snapshot';
import { createNetworkWorkerCore } from './workerCore';

// The only place the time index lives: the main thread sends the journal and asks; this answers.
const scope = self as unknown as DedicatedWorkerGlobalScope;
const core = createNetworkWorkerCore({
  post: (message, transfer) => scope.postMessage(message, transfer),
  storage: {
    readPersonIds: (source) => readPersonIds(source),
    readJournal: (source, collections) => readJournal(source, collections),
    loadSnapshot: (journal) => loadSnapshot(journal),
    saveSnapshot: (snapshot) => saveSnapshot(snapshot),
  },
});
scope.onmessage = (event: MessageEvent<ToWorker>) => core.handle(event.data);
