import { useEffect } from 'react';
import { onMenuCommand } from '../../platform';
import { hasModKey, isTextEntry } from '../../ui/keyboard';

/**
 * Ctrl/Cmd+Z undoes and Ctrl/Cmd+Shift+Z (or Ctrl+Y) redoes the last journal change, except while
 * typing in a field: there the browser's own text undo is what the user expects.
 */
export function useUndoShortcuts(undo: () => Promise<void>, redo: () => Promise<void>): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!hasModKey(event) || event.altKey || isTextEntry(event.target)) return;
      const key = event.key.toLowerCase();
      if (key === 'z' && !event.shiftKey) {
        event.preventDefault();
        void undo();
      } else if ((key === 'z' && event.shiftKey) || (key === 'y' && !event.shiftKey)) {
        event.preventDefault();
        void redo();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    // The desktop menu's Undo/Redo arrive as commands; in a text field they edit the text instead.
    const unsubscribe = onMenuCommand((command) => {
      if (command !== 'undo' && command !== 'redo') return;
      if (isTextEntry(document.activeElement)) document.execCommand(command);
      else void (command === 'undo' ? undo() : redo());
    });
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      unsubscribe();
    };
  }, [undo, redo]);
}
