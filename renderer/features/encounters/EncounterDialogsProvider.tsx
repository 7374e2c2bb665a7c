import { useCallback, useMemo, useState, type ReactNode } from 'react';
import { ErrorBoundary } from 'react-error-boundary';
import { Button, Dialog, errorText, logViewError } from '../../ui';
import type { EncounterPrefill } from './draft';
import { EncounterDialog } from './EncounterDialog';
import { EncounterDialogsContext } from './encounterDialogsContext';
import { NewEncounterDialog } from './NewEncounterDialog';

type Showing =
  { kind: 'none' } | { kind: 'new'; prefill: EncounterPrefill } | { kind: 'open'; id: string; edit: boolean };

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
  const openEncounter = useCallback(
    (id: string, options?: { edit?: boolean }) =>
      setShowing({ kind: 'open', id, edit: options?.edit ?? false }),
    [],
  );
  const api = useMemo(() => ({ newEncounter, openEncounter }), [newEncounter, openEncounter]);

  return (
    <EncounterDialogsContext.Provider value={api}>
      {children}
      {/* The dialogs sit outside every page's boundary: one that fails must not take the app down. */}
      <ErrorBoundary
        resetKeys={[showing]}
        onError={(error) => logViewError('this encounter', error)}
        fallbackRender={({ error }) => (
          <Dialog open onClose={close} title="This encounter could not be shown" size="sm">
            <div className="stack">
              <p>
                Something stored in it is not as this version of Kith expects. Nothing was changed. Settings ›
                Data health can check the journal and list what is wrong.
              </p>
              <p className="view-failed__detail">{errorText(error)}</p>
              <div className="form-actions">
                <Button onClick={close}>Close</Button>
              </div>
            </div>
          </Dialog>
        )}
      >
        {showing.kind === 'new' && <NewEncounterDialog prefill={showing.prefill} onClose={close} />}
        {showing.kind === 'open' && (
          <EncounterDialog id={showing.id} startEditing={showing.edit} onClose={close} />
        )}
      </ErrorBoundary>
    </EncounterDialogsContext.Provider>
  );
}
