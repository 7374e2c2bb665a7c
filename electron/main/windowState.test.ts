import { EventEmitter } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  DEFAULT_WINDOW_STATE,
  isReachable,
  loadWindowState,
  SAVE_DELAY_MS,
  saveWindowState,
  trackWindowState,
} from './windowState';

const laptop = [{ x: 0, y: 0, width: 1440, height: 875 }];
// A second monitor to the left of the main one, as macOS and Windows place it.
const twoScreens = [...laptop, { x: -1920, y: 0, width: 1920, height: 1050 }];

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kith-window-'));
  file = join(dir, 'window-state.json');
});
afterEach(() => {
  vi.useRealTimers();
  rmSync(dir, { recursive: true, force: true });
});

describe('restoring the window', () => {
  it('reopens where and as big as it was', () => {
    saveWindowState(file, { x: 200, y: 120, width: 1000, height: 700, isMaximized: true });
    expect(loadWindowState(file, laptop)).toEqual({
      x: 200,
      y: 120,
      width: 1000,
      height: 700,
      isMaximized: true,
    });
  });

  it('reopens on a second screen while that screen is there', () => {
    saveWindowState(file, { x: -1500, y: 100, width: 1000, height: 700, isMaximized: false });
    expect(loadWindowState(file, twoScreens)).toMatchObject({ x: -1500, y: 100 });
  });

  it('falls back to the default size, centred, when that screen is gone', () => {
    saveWindowState(file, { x: -1500, y: 100, width: 1000, height: 700, isMaximized: false });
    expect(loadWindowState(file, laptop)).toEqual(DEFAULT_WINDOW_STATE);
  });

  it.each([
    ['far right', { x: 5000, y: 100 }],
    ['above the screen (title bar unreachable)', { x: 100, y: -300 }],
    ['only a sliver showing at the right edge', { x: 1400, y: 100 }],
    ['below the screen', { x: 100, y: 860 }],
  ])('falls back to the default when it would open %s', (_where, position) => {
    saveWindowState(file, { ...position, width: 1000, height: 700, isMaximized: false });
    expect(loadWindowState(file, laptop)).toEqual(DEFAULT_WINDOW_STATE);
  });

  it.each([
    ['no file yet', null],
    ['corrupt JSON', '{"x": 1,'],
    ['a wrong shape', JSON.stringify({ x: 'left', y: 0, width: 800, height: 600, isMaximized: false })],
    ['a size below the minimum', JSON.stringify({ x: 0, y: 0, width: 10, height: 10, isMaximized: false })],
  ])('uses the default size with %s', (_case, content) => {
    if (content !== null) writeFileSync(file, content);
    expect(loadWindowState(file, laptop)).toEqual(DEFAULT_WINDOW_STATE);
  });

  it('counts a window as reachable when its title bar is on a screen, even if it overhangs', () => {
    expect(isReachable({ x: 1000, y: 500, width: 1000, height: 700 }, laptop)).toBe(true);
    expect(isReachable({ x: 1390, y: 500, width: 1000, height: 700 }, laptop)).toBe(false);
  });
});

class FakeWindow extends EventEmitter {
  bounds = { x: 10, y: 20, width: 900, height: 600 };
  maximized = false;
  getNormalBounds(): typeof this.bounds {
    return { ...this.bounds };
  }
  isMaximized(): boolean {
    return this.maximized;
  }
}

describe('remembering the window', () => {
  const saved = (): unknown => JSON.parse(readFileSync(file, 'utf8'));

  it('saves once moves and resizes settle, not on every event', () => {
    vi.useFakeTimers();
    const window = new FakeWindow();
    trackWindowState(window, file);
    for (let x = 0; x < 50; x += 1) {
      window.bounds = { ...window.bounds, x };
      window.emit('move');
      vi.advanceTimersByTime(10);
    }
    expect(existsSync(file)).toBe(false);
    window.bounds = { ...window.bounds, width: 1000 };
    window.emit('resize');
    vi.advanceTimersByTime(SAVE_DELAY_MS);
    expect(saved()).toEqual({ x: 49, y: 20, width: 1000, height: 600, isMaximized: false });
  });

  it('saves at once when the window closes, with whether it was maximised', () => {
    const window = new FakeWindow();
    trackWindowState(window, file);
    window.maximized = true;
    window.emit('close');
    expect(saved()).toEqual({ x: 10, y: 20, width: 900, height: 600, isMaximized: true });
    expect(existsSync(`${file}.tmp`)).toBe(false);
  });

  it('does not interrupt the user when the file cannot be written', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const window = new FakeWindow();
    trackWindowState(window, join(dir, 'missing-folder', 'window-state.json'));
    expect(() => window.emit('close')).not.toThrow();
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('Could not save the window position'));
    warn.mockRestore();
  });
});
