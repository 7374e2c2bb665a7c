import type { ReactNode } from 'react';
import type { KithDatabase } from '../../shared/db';
import { DbProvider } from '../db';
import { EncounterDialogsProvider } from '../features/encounters';
import { NetworkModelProvider } from '../features/network/model';
import { SyncProvider } from '../features/sync';
import { AutomaticBackups } from '../features/transfer';
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
        <SyncProvider>
          <UndoProvider>
            <ThemeController />
            <AutomaticBackups />
            <EncounterDialogsProvider>
              <NetworkModelProvider>{children}</NetworkModelProvider>
            </EncounterDialogsProvider>
          </UndoProvider>
        </SyncProvider>
      </DbProvider>
    </ToastProvider>
  );
}
