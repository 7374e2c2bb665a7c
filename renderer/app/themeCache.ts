import type { Theme } from '../../shared/domain/entities';

const KEY = 'kith.theme';

/**
 * The theme lives in the database, which takes a moment to open; a copy in localStorage lets the
 * first frame already use it, so a dark-mode user never sees a light flash at start-up.
 */
export function applyCachedTheme(): void {
  try {
    const theme = localStorage.getItem(KEY);
    if (theme === 'light' || theme === 'dark' || theme === 'system')
      document.documentElement.dataset.theme = theme;
  } catch {
    // Storage can be unavailable (privacy settings); the database's preference applies a moment later.
  }
}

export function cacheTheme(theme: Theme): void {
  try {
    localStorage.setItem(KEY, theme);
  } catch {
    // See above: only the start-up flash is affected.
  }
}
