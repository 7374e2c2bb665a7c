import { createContext, useContext } from 'react';
import type { Change } from '../../../shared/db';

export interface UndoApi {
  /** Puts a change made by a data-layer call on the undo stack and offers "Undo" in a toast. */
  record(change: Change, options?: { toast?: boolean }): void;
  undo(): Promise<void>;
  redo(): Promise<void>;
  canUndo: boolean;
  canRedo: boolean;
}

export const UndoContext = createContext<UndoApi | null>(null);

export function useUndo(): UndoApi {
  const api = useContext(UndoContext);
  if (!api) throw new Error('useUndo() was called outside <UndoProvider>.');
  return api;
}
