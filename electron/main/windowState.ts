import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { z } from 'zod';

/** Where and how big the main window was, kept in a small JSON file in userData. */
export interface WindowState {
  x?: number;
  y?: number;
  width: number;
  height: number;
  isMaximized: boolean;
}

export interface Rectangle {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const DEFAULT_WINDOW_STATE: WindowState = { width: 1200, height: 800, isMaximized: false };
export const MIN_WINDOW_SIZE = { width: 640, height: 480 };

const storedState = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(MIN_WINDOW_SIZE.width).max(100_000),
  height: z.number().int().min(MIN_WINDOW_SIZE.height).max(100_000),
  isMaximized: z.boolean(),
});

// The user must be able to grab the title bar: this much of the window's top strip has to lie
// on one display's work area, or the window would open somewhere they cannot reach.
const GRAB_WIDTH = 100;
const GRAB_HEIGHT = 40;

/** True when the top strip of `bounds` lies on one of the displays' work areas. */
export function isReachable(bounds: Rectangle, workAreas: readonly Rectangle[]): boolean {
  return workAreas.some((area) => {
    const overlap = Math.min(bounds.x + bounds.width, area.x + area.width) - Math.max(bounds.x, area.x);
    const topInside = bounds.y >= area.y && bounds.y + GRAB_HEIGHT <= area.y + area.height;
    return topInside && overlap >= Math.min(GRAB_WIDTH, bounds.width);
  });
}

/**
 * The state to open the window with: the saved one when the file is valid and the window would
 * still be reachable on the current displays, otherwise the default size, centred by the OS.
 */
export function loadWindowState(file: string, workAreas: readonly Rectangle[]): WindowState {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return { ...DEFAULT_WINDOW_STATE };
  }
  const saved = storedState.safeParse(parsed);
  if (!saved.success || !isReachable(saved.data, workAreas)) return { ...DEFAULT_WINDOW_STATE };
  return saved.data;
}

/** Written to a temporary file and renamed over the old one, so a crash never leaves half a file. */
export function saveWindowState(file: string, state: Required<WindowState>): void {
  const temporary = `${file}.tmp`;
  writeFileSync(temporary, JSON.stringify(state));
  renameSync(temporary, file);
}

/** The slice of BrowserWindow that state tracking needs. */
export interface TrackedWindow {
  on(event: 'move' | 'resize' | 'close', listener: () => void): unknown;
  getNormalBounds(): Rectangle;
  isMaximized(): boolean;
}

export const SAVE_DELAY_MS = 500;

/**
 * Saves the window's bounds after moves and resizes settle, and at once when it closes. Saving
 * the normal (unmaximised) bounds means un-maximising after a restart lands where the user left it.
 */
export function trackWindowState(window: TrackedWindow, file: string): void {
  let pending: ReturnType<typeof setTimeout> | undefined;
  const save = (): void => {
    clearTimeout(pending);
    pending = undefined;
    try {
      saveWindowState(file, { ...window.getNormalBounds(), isMaximized: window.isMaximized() });
    } catch (error) {
      // Losing the window position is not worth interrupting the user over.
      console.warn(`Could not save the window position to ${file}: ${String(error)}`);
    }
  };
  const saveSoon = (): void => {
    clearTimeout(pending);
    pending = setTimeout(save, SAVE_DELAY_MS);
  };
  window.on('move', saveSoon);
  window.on('resize', saveSoon);
  window.on('close', save);
}
