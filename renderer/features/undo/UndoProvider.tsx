import { useCallback, useMemo, useState, type ReactNode } from 'react';
import type { Change } from '../../../shared/db';
import { useDb } from '../../db';
import { useToast, type ToastInput } from '../../ui';
import { UndoContext, type UndoApi } from './undoContext';
import { UndoHistory } from './UndoHistory';
import { useUndoShortcuts } from './useUndoShortcuts';

export function UndoProvider({ children }: { children: ReactNode }) {
  const db = useDb();
  const toast = useToast();
  const [sizes, setSizes] = useState({ undo: 0, redo: 0 });

  const [history] = useState(() => {
    // One undo toast at a time: its button always means "undo the latest change".
    const notify = (t: ToastInput) => toast.show({ ...t, group: 'undo' });
    const created: UndoHistory = new UndoHistory(db, {
      changed: setSizes,
      stepped: (direction, change) =>
        notify({
          message: `${direction === 'undo' ? 'Undone' : 'Redone'}: ${change.label}`,
          action:
            direction === 'undo'
              ? { label: 'Redo', onAction: () => void created.step('redo') }
              : { label: 'Undo', onAction: () => void created.step('undo') },
        }),
      failed: (direction, change, error) =>
        notify({
          tone: 'error',
          message: `Could not ${direction} “${change.label}”: ${error instanceof Error ? error.message : String(error)}`,
        }),
    });
    return created;
  });

  const undo = useCallback(() => history.step('undo'), [history]);
  const redo = useCallback(() => history.step('redo'), [history]);
  const record = useCallback(
    (change: Change, options?: { toast?: boolean }) => {
      history.record(change);
      if (options?.toast !== false) {
        toast.show({
          group: 'undo',
          message: change.label,
          action: { label: 'Undo', onAction: () => void undo() },
        });
      }
    },
    [history, toast, undo],
  );

  const api = useMemo<UndoApi>(
    () => ({ record, undo, redo, canUndo: sizes.undo > 0, canRedo: sizes.redo > 0 }),
    [record, undo, redo, sizes],
  );
  useUndoShortcuts(undo, redo);

  return <UndoContext.Provider value={api}>{children}</UndoContext.Provider>;
}
