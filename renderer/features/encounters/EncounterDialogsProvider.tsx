import { useCallback, useMemo, useState, type ReactNode } from 'react';
import type { EncounterPrefill } from './draft';
import { EncounterDialog } from './EncounterDialog';
import { EncounterDialogsContext } from './encounterDialogsContext';
import { NewEncounterDialog } from './NewEncounterDialog';

type Showing = { kind: 'none' } | { kind: 'new'; prefill: EncounterPrefill } | { kind: 'open'; id: string };

/** One place owns the encounter dialogs, so Ctrl+N, the menu, the journal and person pages share them. */
export function EncounterDialogsProvider({ children }: { children: ReactNode }) {
  const [showing, setShowing] = useState<Showing>({ kind: 'none' });
  const close = useCallback(() => setShowing({ kind: 'none' }), []);
  const newEncounter = useCallback(
    (prefill: EncounterPrefill = {}) =>
      // A second Ctrl+N while the form is open keeps what was typed.
      setShowing((current) => (current.kind === 'new' ? current : { kind: 'new', prefill })),
    [],
  );
  const openEncounter = useCallback((id: string) => setShowing({ kind: 'open', id }), []);
  const api = useMemo(() => ({ newEncounter, openEncounter }), [newEncounter, openEncounter]);

  return (
    <EncounterDialogsContext.Provider value={api}>
      {children}
      {showing.kind === 'new' && <NewEncounterDialog prefill={showing.prefill} onClose={close} />}
      {showing.kind === 'open' && <EncounterDialog id={showing.id} onClose={close} />}
    </EncounterDialogsContext.Provider>
  );
}
