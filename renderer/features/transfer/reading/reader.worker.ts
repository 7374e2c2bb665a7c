/// <reference lib="webworker" />
import type { ToReader } from './protocol';
import { createReaderCore } from './readerCore';

// Decoding and parsing a large file take seconds: here, never on the page's main thread.
const scope = self as unknown as DedicatedWorkerGlobalScope;
const core = createReaderCore((message) => scope.postMessage(message));
scope.onmessage = (event: MessageEvent<ToReader>) => void core.handle(event.data);
