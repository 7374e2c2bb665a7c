import { drawNetwork, type NetworkScene, type Viewport } from './drawNetwork';
import { afterFrame } from './mapFrames';

/** From the page to the painter worker. */
export type ToPainter =
  | { type: 'canvas'; canvas: OffscreenCanvas }
  /** What changed since the last paint (arrays are sent only when the page has new ones) and the viewport. */
  | { type: 'paint'; patch: Partial<NetworkScene>; view: Viewport };

/** From the painter worker: one frame drawn; `start` on the shared clock (timeOrigin + now). */
export interface PaintedFrame {
  type: 'painted';
  start: number;
  duration: number;
}

/** What the painter needs of a canvas (an OffscreenCanvas in the worker, a fake in tests). */
export interface PaintTarget {
  width: number;
  height: number;
  getContext(kind: '2d'): OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D | null;
}

/**
 * The painter worker's logic: keeps the scene the page sent piece by piece, draws each paint, and
 * reports the frame once the worker is free again (the canvas is rasterised and committed at the
 * end of the drawing task), so the figure counts the whole frame as the page's own drawing did.
 */
export function createPaintCore(post: (message: PaintedFrame) => void, clock = performance) {
  let target: PaintTarget | null = null;
  let scene: Partial<NetworkScene> = {};
  const channel = new MessageChannel();

  function paint(view: Viewport) {
    const width = Math.max(1, Math.round(view.width * view.dpr));
    const height = Math.max(1, Math.round(view.height * view.dpr));
    const ctx = target?.getContext('2d');
    if (!target || !ctx) return;
    // Resizing clears the canvas, so it happens only when the size really changed.
    if (target.width !== width) target.width = width;
    if (target.height !== height) target.height = height;
    const start = clock.now();
    drawNetwork(ctx as CanvasRenderingContext2D, scene as NetworkScene, view);
    afterFrame(channel, () =>
      post({ type: 'painted', start: clock.timeOrigin + start, duration: clock.now() - start }),
    );
  }

  return {
    handle(message: ToPainter) {
      if (message.type === 'canvas') {
        target = message.canvas;
        return;
      }
      scene = { ...scene, ...message.patch };
      paint(message.view);
    },
    close() {
      channel.port1.close();
    },
  };
}
