import { drawNetwork, type DrawnCounts, type NetworkScene, type Viewport } from './drawNetwork';

/** From the page to the painter worker. */
export type ToPainter =
  | { type: 'canvas'; canvas: OffscreenCanvas }
  /** What changed since the last paint (arrays are sent only when the page has new ones) and the viewport. */
  | { type: 'paint'; patch: Partial<NetworkScene>; view: Viewport };

/**
 * From the painter worker: a paint is done, and the page may send the next one. `start` is on the
 * shared clock (timeOrigin + now); `drawn` is false when there was nothing to draw on.
 */
export interface PaintedFrame {
  type: 'painted';
  start: number;
  duration: number;
  drawn: boolean;
  /** What the frame drew (when drawn). */
  counts?: DrawnCounts;
}

/** What the painter needs of a canvas (an OffscreenCanvas in the worker, a fake in tests). */
export interface PaintTarget {
  width: number;
  height: number;
  getContext(kind: '2d'): OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D | null;
}

/**
 * The painter's logic, in the worker (or on the page, drawing on its own canvas): keeps the scene
 * sent piece by piece, draws each paint, and reports the frame once the thread is free again (the
 * canvas is rasterised and committed at the end of the drawing task), so the figure counts the
 * whole frame.
 */
export function createPaintCore(post: (message: PaintedFrame) => void, clock = performance) {
  let target: PaintTarget | null = null;
  let scene: Partial<NetworkScene> = {};
  const channel = new MessageChannel();

  function paint(view: Viewport) {
    const width = Math.max(1, Math.round(view.width * view.dpr));
    const height = Math.max(1, Math.round(view.height * view.dpr));
    const start = clock.now();
    const ctx = target?.getContext('2d');
    if (!target || !ctx) {
      post({ type: 'painted', start: clock.timeOrigin + start, duration: 0, drawn: false });
      return;
    }
    // Resizing clears the canvas, so it happens only when the size really changed.
    if (target.width !== width) target.width = width;
    if (target.height !== height) target.height = height;
    let counts: DrawnCounts | undefined;
    try {
      counts = drawNetwork(ctx as CanvasRenderingContext2D, scene as NetworkScene, view);
    } finally {
      // Reported even if drawing failed (the error itself reaches the page as the worker's error),
      // so the page never waits forever to send the next paint.
      afterFrame(channel, () =>
        post({
          type: 'painted',
          start: clock.timeOrigin + start,
          duration: clock.now() - start,
          drawn: true,
          ...(counts ? { counts } : {}),
        }),
      );
    }
  }

  const core = {
    setTarget(canvas: PaintTarget) {
      target = canvas;
    },
    /** Draws what changed since the last paint, at the viewport. */
    paint(patch: Partial<NetworkScene>, view: Viewport) {
      scene = { ...scene, ...patch };
      paint(view);
    },
    handle(message: ToPainter) {
      if (message.type === 'canvas') core.setTarget(message.canvas);
      else core.paint(message.patch, message.view);
    },
    close() {
      channel.port1.close();
    },
  };
  return core;
}

/**
 * Calls `done` once the thread is free after the current task: rasterising the canvas and
 * committing the frame follow the drawing script in the same task, and a message posted now is
 * handled only after them.
 */
function afterFrame(channel: MessageChannel, done: () => void): void {
  channel.port1.onmessage = done;
  channel.port2.postMessage(null);
}
