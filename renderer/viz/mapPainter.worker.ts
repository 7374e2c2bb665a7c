/// <reference lib="webworker" />
import { createPaintCore, type ToPainter } from './paintCore';

// The map's canvas, handed over by the page: drawing and rasterising here keep the page's thread
// free for input while the layout runs and while the date is scrubbed.
const scope = self as unknown as DedicatedWorkerGlobalScope;
const core = createPaintCore((message) => scope.postMessage(message));
scope.onmessage = (event: MessageEvent<ToPainter>) => core.handle(event.data);
