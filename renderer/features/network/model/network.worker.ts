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
 * Keeping reads seconds of rows on a heavy journal: not while the person starts to use the settled
 * map (zooming right after it settled drew frames of 150 ms, not 30, with the keeping beside it).
 */
const KEEP_AFTER_MS = 5_000;
let keepTimer: ReturnType<typeof setTimeout> | undefined;

/**
 * A while after the map has settled nothing waits on the worker: the time to keep a copy of the journal for
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
    saveSnapshot: (snapshot) =>
      saveSnapshot(snapshot).finally(() => {
        clearTimeout(keepTimer);
        keepTimer = setTimeout(() => void keepJournal().catch(() => undefined), KEEP_AFTER_MS);
      }),
  },
});
scope.onmessage = (event: MessageEvent<ToWorker>) => core.handle(event.data);
