/// <reference lib="webworker" />
import type { ToWorker } from './protocol';
import { journalKeeper } from './keptJournal';
import { readJournal, readPersonIds, refreshKept } from './journalSource';
import { loadSnapshot, saveSnapshot } from './snapshot';
import { createNetworkWorkerCore } from './workerCore';

// The only place the time index lives: the main thread sends the journal and asks; this answers.
const scope = self as unknown as DedicatedWorkerGlobalScope;
const keeper = journalKeeper();
const core = createNetworkWorkerCore({
  post: (message, transfer) => scope.postMessage(message, transfer),
  storage: {
    readPersonIds: (source) => readPersonIds(source),
    readJournal: (source, collections) => readJournal(source, collections, indexedDB, keeper),
    loadSnapshot: (journal) => loadSnapshot(journal),
    // Once the map has settled, nothing waits on the worker: the time to keep what it read too.
    saveSnapshot: (snapshot) =>
      saveSnapshot(snapshot).finally(() => keeper.flush((kept) => refreshKept(kept))),
  },
});
scope.onmessage = (event: MessageEvent<ToWorker>) => core.handle(event.data);
