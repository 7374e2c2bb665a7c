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
    void setThemeSource(theme);
  }, [theme]);
  return null;
}
