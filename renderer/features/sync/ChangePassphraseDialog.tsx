import { useState, type FormEvent } from 'react';
import type { ChangeResult, PassphraseProgress } from '../../../shared/sync';
import { Button, Dialog, FormAlert, TextField, useToast } from '../../ui';
import type { SyncController } from './syncController';

interface Props {
  controller: SyncController;
  /** Whether the journal on the server is encrypted now. */
  hasPassphrase: boolean;
  /** A change was started and did not finish (here or on another device): this dialog finishes it. */
  interrupted?: boolean;
  onClose(): void;
}

function doneMessage(result: ChangeResult): string {
  const left = result.leftAsTheyWere;
  return (
    'The journal on the server is encrypted with the new passphrase. Enter it on your other devices.' +
    (left > 0
      ? ` ${left} ${left === 1 ? 'document' : 'documents'} on the server could not be opened (damaged, or not written by Kith) and ${left === 1 ? 'was' : 'were'} left as ${left === 1 ? 'it was' : 'they were'}; your devices set them aside.`
      : '')
  );
}

/** Re-encrypts every document on the server under a new passphrase, showing how far it got. */
export function ChangePassphraseDialog({ controller, hasPassphrase, interrupted = false, onClose }: Props) {
  const toast = useToast();
  const [current, setCurrent] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const [progress, setProgress] = useState<PassphraseProgress | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const mismatch = repeat !== '' && repeat !== passphrase ? 'The two passphrases differ.' : undefined;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (passphrase === '') return setError('Type the new passphrase.');
    if (passphrase !== repeat) return setError('The two passphrases differ.');
    setBusy(true);
    setError(undefined);
    try {
      const result = await controller.changePassphrase(passphrase, setProgress, current || undefined);
      toast.show({ tone: 'info', message: doneMessage(result) });
      onClose();
    } catch (failure) {
      setError(
        `The passphrase could not be changed: ${failure instanceof Error ? failure.message : String(failure)}`,
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      open
      onClose={busy ? () => undefined : onClose}
      title={
        interrupted
          ? 'Finish the passphrase change'
          : hasPassphrase
            ? 'Change sync passphrase'
            : 'Set a sync passphrase'
      }
      description={
        interrupted
          ? 'A change of the passphrase did not finish. Type the same new passphrase it was started with: Kith re-encrypts what is left and nothing is lost.'
          : 'Every document on the server is encrypted again with the new passphrase. Your other devices stop syncing until you enter it there too. If this is interrupted, it can be finished later with the same passphrases.'
      }
      size="sm"
    >
      <form className="form-grid" onSubmit={(event) => void submit(event)}>
        {hasPassphrase && (
          <TextField
            label="Current passphrase"
            type="password"
            autoComplete="current-password"
            hint="Leave empty to use the one saved on this device."
            value={current}
            onChange={(event) => setCurrent(event.target.value)}
            disabled={busy}
          />
        )}
        <TextField
          label="New passphrase"
          type="password"
          autoComplete="new-password"
          value={passphrase}
          onChange={(event) => setPassphrase(event.target.value)}
          disabled={busy}
        />
        <TextField
          label="Repeat the new passphrase"
          type="password"
          autoComplete="new-password"
          value={repeat}
          onChange={(event) => setRepeat(event.target.value)}
          error={mismatch}
          disabled={busy}
        />
        {progress && (
          <p role="status" className="muted">
            Re-encrypting {progress.done} of {progress.total} documents…
          </p>
        )}
        <FormAlert message={error} />
        <div className="sync-settings__actions">
          <Button type="submit" variant="primary" disabled={busy}>
            {busy ? 'Re-encrypting…' : 'Re-encrypt the journal'}
          </Button>
          <Button onClick={onClose} disabled={busy}>
            Cancel
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
