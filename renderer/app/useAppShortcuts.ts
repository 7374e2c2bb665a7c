import { useEffect } from 'react';
import { useLocation } from 'wouter';
import { useEncounterDialogs } from '../features/encounters';
import { onMenuCommand } from '../platform';
import { hasModKey } from '../ui';
import { paths } from './paths';

/**
 * App-wide shortcuts and their desktop-menu twins: Ctrl/Cmd+N new encounter, Ctrl/Cmd+K find,
 * Ctrl/Cmd+, settings. They work from inside text fields too: none of them means anything to text.
 */
export function useAppShortcuts({ openSwitcher }: { openSwitcher(): void }): void {
  const { newEncounter } = useEncounterDialogs();
  const [, navigate] = useLocation();

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!hasModKey(event) || event.altKey || event.shiftKey) return;
      const key = event.key.toLowerCase();
      if (key === 'n') {
        event.preventDefault();
        newEncounter();
      } else if (key === 'k') {
        event.preventDefault();
        openSwitcher();
      } else if (key === ',') {
        event.preventDefault();
        navigate(paths.settings);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    const unsubscribe = onMenuCommand((command) => {
      if (command === 'new-encounter') newEncounter();
      else if (command === 'find') openSwitcher();
      else if (command === 'preferences') navigate(paths.settings);
    });
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      unsubscribe();
    };
  }, [newEncounter, openSwitcher, navigate]);
}
