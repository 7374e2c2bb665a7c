import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { NetworkScene, Viewport } from './drawNetwork';
import { MAP_FRAME } from './mapFrames';
import { createMapPainter } from './mapPainter';
import type { PaintedFrame, ToPainter } from './paintCore';

/** The browser's Worker, as far as the page's side of the painter uses it. */
class FakeWorker {
  static started: FakeWorker[] = [];
  messages: ToPainter[] = [];
  terminated = false;
  onmessage: ((event: MessageEvent<PaintedFrame>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  constructor() {
    FakeWorker.started.push(this);
  }
  postMessage(message: ToPainter) {
    this.messages.push(message);
  }
  terminate() {
    this.terminated = true;
  }
  /** The worker reports a frame drawn. */
  painted(duration = 4) {
    const start = performance.timeOrigin + performance.now();
    this.onmessage?.({
      data: { type: 'painted', start, duration, drawn: true },
    } as MessageEvent<PaintedFrame>);
  }
}

/** A canvas that can be handed over once, as in Chromium. */
function canvas(): HTMLCanvasElement {
  let handedOver = false;
  return {
    transferControlToOffscreen() {
      if (handedOver) throw new DOMException('Cannot transfer control more than once.', 'InvalidStateError');
      handedOver = true;
      return {} as OffscreenCanvas;
    },
  } as unknown as HTMLCanvasElement;
}

function scene(day: number): NetworkScene {
  return {
    positions: new Float32Array(4),
    appears: new Float64Array(2),
    day,
    tieSource: Uint32Array.from([0]),
    tieTarget: Uint32Array.from([1]),
    tieIsOwner: Uint8Array.from([1]),
    nodeStrength: Float32Array.from([1, 0.5]),
    tieStrength: Float32Array.from([0.5]),
    colourSlot: new Int32Array(2),
    colours: ['#4e79a7'],
    hidden: null,
    minStrength: 0,
    names: ['Me', 'Ada'],
    focus: -1,
    hover: -1,
    path: [],
    theme: { text: '#111', muted: '#777', background: '#fff', accent: '#0a7', tie: '#999' },
  };
}

const view: Viewport = { width: 400, height: 200, dpr: 1, k: 1, x: 0, y: 0 };
const paints = (worker: FakeWorker) =>
  worker.messages.filter((m): m is Extract<ToPainter, { type: 'paint' }> => m.type === 'paint');

describe('the page side of the map painter', () => {
  beforeEach(() => {
    FakeWorker.started = [];
    vi.stubGlobal('Worker', FakeWorker);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    performance.clearMeasures(MAP_FRAME);
  });

  it('hands the canvas over once, even when the view is mounted again on the same canvas', async () => {
    const element = canvas();
    const first = createMapPainter(element);
    first.destroy();
    // React's StrictMode unmounts and mounts again in the same turn.
    const second = createMapPainter(element);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(FakeWorker.started).toHaveLength(1);
    expect(FakeWorker.started[0]?.terminated).toBe(false);

    second.destroy();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(FakeWorker.started[0]?.terminated).toBe(true);
  });

  it('sends only what changed, one frame at a time, and records each frame the worker draws', () => {
    const painter = createMapPainter(canvas());
    const worker = FakeWorker.started[0] as FakeWorker;
    const first = scene(100);
    painter.paint(first, view, false);
    expect(Object.keys(paints(worker)[0]?.patch ?? {})).toEqual(Object.keys(first));

    // While the worker draws, later paints wait and merge: only the latest date is sent.
    const strengths = Float32Array.from([0.2]);
    painter.paint({ ...first, day: 101, tieStrength: strengths }, view, false);
    painter.paint({ ...first, day: 102, tieStrength: strengths }, view, false);
    expect(paints(worker)).toHaveLength(1);

    worker.painted();
    expect(paints(worker)).toHaveLength(2);
    expect(paints(worker)[1]?.patch).toEqual({ day: 102, tieStrength: strengths });
    expect(performance.getEntriesByName(MAP_FRAME)).toHaveLength(1);

    // A drag writes the positions in place: they are sent although the array is the same.
    worker.painted();
    painter.paint({ ...first, day: 102, tieStrength: strengths }, view, true);
    expect(Object.keys(paints(worker)[2]?.patch ?? {})).toEqual(['positions']);
    painter.destroy();
  });
});
