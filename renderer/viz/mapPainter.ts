import type { NetworkScene, Viewport } from './drawNetwork';
import { recordMapFrame } from './mapFrames';
import { createPaintCore, type PaintedFrame, type ToPainter } from './paintCore';

/** Draws the map's frames onto its canvas. */
export interface MapPainter {
  /**
   * Draws the scene at the viewport (which also sizes the canvas). `positionsMoved` says the
   * positions array was written in place (a drag), which its identity cannot tell.
   */
  paint(scene: NetworkScene, view: Viewport, positionsMoved: boolean): void;
  destroy(): void;
}

/**
 * On a worker when the browser can hand a canvas over (Chromium, Electron), so drawing and
 * rasterising tens of thousands of ties never hold up the page; on the page's thread otherwise
 * (component tests).
 */
export function createMapPainter(canvas: HTMLCanvasElement): MapPainter {
  const canHandOver =
    typeof Worker !== 'undefined' && typeof canvas.transferControlToOffscreen === 'function';
  if (!canHandOver) return new PagePainter(canvas);
  let painter = handedOver.get(canvas);
  if (!painter) {
    painter = new WorkerPainter(canvas);
    handedOver.set(canvas, painter);
  }
  painter.keep();
  return painter;
}

/**
 * A canvas can be handed over only once, and React may unmount and mount the same element again
 * (StrictMode does in development), so its painter outlives one view until the element is gone.
 */
const handedOver = new WeakMap<HTMLCanvasElement, WorkerPainter>();

/** Draws on the page's own thread, with the worker's logic. */
class PagePainter implements MapPainter {
  private readonly core = createPaintCore(({ start, duration, drawn, counts }) => {
    if (drawn) recordMapFrame(start - performance.timeOrigin, duration, counts);
  });

  constructor(canvas: HTMLCanvasElement) {
    this.core.setTarget(canvas);
  }

  paint(scene: NetworkScene, view: Viewport) {
    this.core.paint(scene, view);
  }

  destroy() {
    this.core.close();
  }
}

/**
 * The page's side of the painter worker. Only what changed is sent (a frame while scrubbing sends
 * the new strengths, not the names and ties), and one paint at a time: while the worker draws,
 * later paints merge into one, so a slow frame never leaves a queue of stale ones behind it.
 */
class WorkerPainter implements MapPainter {
  private readonly worker: Worker;
  private sent: Partial<NetworkScene> = {};
  private pending: { patch: Partial<NetworkScene>; view: Viewport } | null = null;
  private drawing = false;
  private closing: ReturnType<typeof setTimeout> | undefined;

  constructor(canvas: HTMLCanvasElement) {
    const offscreen = canvas.transferControlToOffscreen();
    this.worker = new Worker(new URL('./mapPainter.worker.ts', import.meta.url), {
      type: 'module',
      name: 'kith-map-painter',
    });
    this.worker.onmessage = (event: MessageEvent<PaintedFrame>) => {
      const { start, duration, drawn, counts } = event.data;
      if (drawn) recordMapFrame(start - performance.timeOrigin, duration, counts);
      this.drawing = false;
      this.flush();
    };
    this.worker.onerror = (event) => console.error('The map could not be drawn:', event.message);
    this.post({ type: 'canvas', canvas: offscreen }, [offscreen]);
  }

  paint(scene: NetworkScene, view: Viewport, positionsMoved: boolean) {
    const patch: Partial<NetworkScene> = this.pending?.patch ?? {};
    for (const key of Object.keys(scene) as (keyof NetworkScene)[]) {
      if (scene[key] !== this.sent[key] || (key === 'positions' && positionsMoved)) {
        (patch as Record<string, unknown>)[key] = scene[key];
      }
    }
    this.sent = { ...scene };
    this.pending = { patch, view };
    this.flush();
  }

  /** A view uses the painter again: a pending close is called off. */
  keep() {
    clearTimeout(this.closing);
    this.closing = undefined;
  }

  /** Closes the worker unless a view takes the painter again in the same turn. */
  destroy() {
    this.closing = setTimeout(() => this.worker.terminate(), 0);
  }

  private flush() {
    if (this.drawing || !this.pending) return;
    this.drawing = true;
    const { patch, view } = this.pending;
    this.pending = null;
    // Arrays are copied, not transferred: the page keeps its own for hit testing and the hover card.
    this.post({ type: 'paint', patch, view });
  }

  private post(message: ToPainter, transfer: Transferable[] = []) {
    this.worker.postMessage(message, transfer);
  }
}
