import type { ReactNode } from 'react';
import type { KithDatabase } from '../../shared/db';
import { DbProvider } from '../db';
import { EncounterDialogsProvider } from '../features/encounters';
import { NetworkModelProvider } from '../features/network/model';
import { UndoProvider } from '../features/undo';
import { ToastProvider } from '../ui';
import { ThemeController } from './ThemeController';

interface Props {
  open: () => Promise<KithDatabase>;
  children: ReactNode;
}

/**
 * Everything a screen needs around it: the database, toasts, undo, theme, the encounter dialogs and the
 * network model (lazy: its worker starts only when a network view asks).
 * Component tests render a page inside this with a database on fake-indexeddb.
 */
export function AppProviders({ open, children }: Props) {
  return (
    <ToastProvider>
      <DbProvider open={open}>
        <UndoProvider>
          <ThemeController />
          <EncounterDialogsProvider>
            <NetworkModelProvider>{children}</NetworkModelProvider>
          </EncounterDialogsProvider>
        </UndoProvider>
      </DbProvider>
    </ToastProvider>
  );
}
