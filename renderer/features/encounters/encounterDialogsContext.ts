import { createContext, useContext } from 'react';
import type { EncounterPrefill } from './draft';

export interface EncounterDialogsApi {
  /** Opens the quick-add dialog, optionally with people, a community or a day filled in. */
  newEncounter(prefill?: EncounterPrefill): void;
  /** Opens an encounter to read, edit or delete it; `edit` opens it straight in its form (Data health's "Open"). */
  openEncounter(id: string, options?: { edit?: boolean }): void;
}

export const EncounterDialogsContext = createContext<EncounterDialogsApi | null>(null);

export function useEncounterDialogs(): EncounterDialogsApi {
  const api = useContext(EncounterDialogsContext);
  if (!api) throw new Error('useEncounterDialogs() was called outside <EncounterDialogsProvider>.');
  return api;
}
