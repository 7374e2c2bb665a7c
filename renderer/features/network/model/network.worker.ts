/// <reference lib="webworker" />
import type { ToWorker } from './protocol';
import { journalKeeper } from './keptJournal';
import { readJournal, readPersonIds, refreshKept, type JournalSource } from './journalSource';
import { loadSnapshot, saveSnapshot } from './snapshot';
import { createNetworkWorkerCore } from './workerCore';

// The only place the time index lives: the main thread sends the journal and asks; this answers.
const scope = self as unknown as DedicatedWorkerGlobalScope;
const keeper = journalKeeper();
let source: JournalSource | null = null;

/**
 * Once the map has settled nothing waits on the worker: the time to keep a copy of the journal for
 * the next opening (./keptJournal), the collections the page sent read here too (whole, the first
 * time), and every copy brought up to date.
 */
async function keepJournal() {
  if (source) await readJournal(source, undefined, indexedDB, keeper).catch(() => undefined);
  await keeper.flush((kept) => refreshKept(kept));
}

const core = createNetworkWorkerCore({
  post: (message, transfer) => scope.postMessage(message, transfer),
  storage: {
    readPersonIds: (from) => readPersonIds(from),
    readJournal: (from, collections) => {
      source = from;
      return readJournal(from, collections, indexedDB, keeper);
    },
    loadSnapshot: (journal) => loadSnapshot(journal),
    saveSnapshot: (snapshot) => saveSnapshot(snapshot).finally(keepJournal),
  },
});
scope.onmessage = (event: MessageEvent<ToWorker>) => core.handle(event.data);
