import { nativeTheme } from 'electron';
import type { ThemeSource } from '../../shared/ipc';

// The window's colour before the first paint, matching the renderer's light and dark page
// backgrounds, so opening the app never flashes white in dark mode.
export const LIGHT_BACKGROUND = '#ffffff';
export const DARK_BACKGROUND = '#1b1b1f';

export function windowBackgroundColor(): string {
  return nativeTheme.shouldUseDarkColors ? DARK_BACKGROUND : LIGHT_BACKGROUND;
}

/** 'system' follows the OS; the renderer's prefers-color-scheme media queries follow this too. */
export function setThemeSource(theme: ThemeSource): void {
  nativeTheme.themeSource = theme;
}

/** Keeps a window's background in step when the OS (or the user's choice) flips light and dark. */
export function followTheme(window: {
  setBackgroundColor(color: string): void;
  once(event: 'closed', listener: () => void): unknown;
}): void {
  const update = (): void => window.setBackgroundColor(windowBackgroundColor());
  nativeTheme.on('updated', update);
  window.once('closed', () => nativeTheme.off('updated', update));
}
