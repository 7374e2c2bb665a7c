import { useEffect } from 'react';
import { usePreferences } from '../db';
import { setThemeSource } from '../platform';
import { cacheTheme } from './themeCache';

/**
 * Applies the theme preference: the stylesheet resolves colours with light-dark() from the root's
 * color-scheme, so 'system' simply follows prefers-color-scheme; the desktop shell is told too,
 * so native menus and dialogs match.
 */
export function ThemeController() {
  const theme = usePreferences()?.theme;
  useEffect(() => {
    if (!theme) return;
    document.documentElement.dataset.theme = theme;
    cacheTheme(theme);
    // Only the native menus and dialogs would keep the other theme: the console is enough.
    setThemeSource(theme).catch((error: unknown) =>
      console.warn(
        `Kith could not tell the desktop shell the theme: ${error instanceof Error ? error.message : String(error)}`,
      ),
    );
  }, [theme]);
  return null;
}
