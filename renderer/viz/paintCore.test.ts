import { describe, expect, it, vi } from 'vitest';
import type { NetworkScene, Viewport } from './drawNetwork';
import { createPaintCore, type PaintedFrame, type PaintTarget } from './paintCore';

/**
 * A 2D context that records what is drawn (the worker's OffscreenCanvas is a browser API; node has
 * none): every method call is kept by name, text is measured at 6 px a character.
 */
function recordingCanvas(): PaintTarget & { calls: { name: string; args: unknown[] }[] } {
  const calls: { name: string; args: unknown[] }[] = [];
  const ctx = new Proxy({} as Record<string, unknown>, {
    get(target, key: string) {
      if (key in target) return target[key];
      return (...args: unknown[]) => {
        calls.push({ name: key, args });
        return key === 'measureText' ? { width: String(args[0]).length * 6 } : undefined;
      };
    },
    set(target, key: string, value) {
      target[key] = value;
      return true;
    },
  });
  return {
    width: 300,
    height: 150,
    calls,
    getContext: () => ctx as unknown as CanvasRenderingContext2D,
  };
}

/** The owner and three people met on days 10, 20 and 30, in a row, all tied to the owner. */
function scene(): NetworkScene {
  return {
    positions: Float32Array.from([0, 0, 60, 0, 120, 0, 180, 0]),
    appears: Float64Array.from([0, 10, 20, 30]),
    day: 40,
    tieSource: Uint32Array.from([0, 0, 0]),
    tieTarget: Uint32Array.from([1, 2, 3]),
    tieIsOwner: Uint8Array.from([1, 1, 1]),
    nodeStrength: Float32Array.from([1, 0.9, 0.6, 0.3]),
    tieStrength: Float32Array.from([0.9, 0.6, 0.3]),
    colourSlot: new Int32Array(4),
    colours: ['#4e79a7'],
    hidden: null,
    minStrength: 0,
    names: ['Me', 'Ada', 'Bo', 'Cy'],
    focus: -1,
    hover: -1,
    path: [],
    theme: { text: '#111', muted: '#777', background: '#fff', accent: '#0a7', tie: '#999' },
  };
}

const view: Viewport = { width: 400, height: 200, dpr: 2, k: 1, x: 100, y: 100 };
const labels = (canvas: ReturnType<typeof recordingCanvas>) =>
  canvas.calls.filter((c) => c.name === 'fillText').map((c) => c.args[0]);
const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the map painter (the worker that draws the map)', () => {
  it('draws a paint at the device pixel size, and reports the frame once it is free again', async () => {
    const frames: PaintedFrame[] = [];
    const core = createPaintCore((frame) => frames.push(frame));
    const canvas = recordingCanvas();
    core.handle({ type: 'canvas', canvas: canvas as unknown as OffscreenCanvas });
    core.handle({ type: 'paint', patch: scene(), view });

    expect([canvas.width, canvas.height]).toEqual([800, 400]);
    expect(labels(canvas)).toEqual(expect.arrayContaining(['Me', 'Ada', 'Bo', 'Cy']));
    // Rasterising and committing the frame end the task: the frame is reported after it.
    expect(frames).toEqual([]);
    await vi.waitFor(() => expect(frames).toHaveLength(1));
    const [frame] = frames;
    expect(frame?.type).toBe('painted');
    expect(frame?.duration).toBeGreaterThanOrEqual(0);
    // On the clock both threads share, so the page can place it on its own timeline.
    expect(frame?.start).toBeGreaterThanOrEqual(performance.timeOrigin);
    core.close();
  });

  it('keeps what it was sent: a paint with only a new date redraws the same people at that date', async () => {
    const core = createPaintCore(() => {});
    const canvas = recordingCanvas();
    core.handle({ type: 'canvas', canvas: canvas as unknown as OffscreenCanvas });
    core.handle({ type: 'paint', patch: scene(), view });
    await nextTask();
    canvas.calls.length = 0;

    core.handle({ type: 'paint', patch: { day: 15 }, view });
    // On day 15 only Ada has been met.
    expect(labels(canvas).sort()).toEqual(['Ada', 'Me']);
    expect(canvas.width).toBe(800);
    core.close();
  });

  it('answers every paint, even one it could not draw, so the page never waits forever to send the next', async () => {
    const frames: PaintedFrame[] = [];
    const core = createPaintCore((frame) => frames.push(frame));
    core.handle({ type: 'canvas', canvas: { ...recordingCanvas(), getContext: () => null } as never });
    core.handle({ type: 'paint', patch: scene(), view });
    expect(frames.map((f) => f.drawn)).toEqual([false]);

    const failing = recordingCanvas();
    const ctx = failing.getContext('2d') as unknown as Record<string, unknown>;
    ctx.setTransform = () => {
      throw new Error('context lost');
    };
    core.handle({ type: 'canvas', canvas: failing as unknown as OffscreenCanvas });
    expect(() => core.handle({ type: 'paint', patch: {}, view })).toThrow('context lost');
    await vi.waitFor(() => expect(frames.map((f) => f.drawn)).toEqual([false, true]));
    core.close();
  });

  it('resizes the canvas only when the view changed size', async () => {
    const core = createPaintCore(() => {});
    const canvas = recordingCanvas();
    let resized = 0;
    let width = canvas.width;
    Object.defineProperty(canvas, 'width', {
      get: () => width,
      set: (value: number) => {
        resized++;
        width = value;
      },
    });
    core.handle({ type: 'canvas', canvas: canvas as unknown as OffscreenCanvas });
    core.handle({ type: 'paint', patch: scene(), view });
    core.handle({ type: 'paint', patch: { hover: 2 }, view });
    expect(resized).toBe(1);
    core.handle({ type: 'paint', patch: {}, view: { ...view, width: 500 } });
    expect([resized, width]).toEqual([2, 1000]);
    await nextTask();
    core.close();
  });
});
