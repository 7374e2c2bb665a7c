import { useState, type FormEvent } from 'react';
import type { PassphraseProgress } from '../../../shared/sync';
import { Button, Dialog, FormAlert, TextField, useToast } from '../../ui';
import type { SyncController } from './syncController';

interface Props {
  controller: SyncController;
  /** Whether the journal on the server is encrypted now. */
  hasPassphrase: boolean;
  onClose(): void;
}

/** Re-encrypts every document on the server under a new passphrase, showing how far it got. */
export function ChangePassphraseDialog({ controller, hasPassphrase, onClose }: Props) {
  const toast = useToast();
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
      await controller.changePassphrase(passphrase, setProgress);
      toast.show({
        tone: 'info',
        message:
          'The journal on the server is encrypted with the new passphrase. Enter it on your other devices.',
      });
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
      title={hasPassphrase ? 'Change sync passphrase' : 'Set a sync passphrase'}
      description="Every document on the server is encrypted again with the new passphrase. Your other devices stop syncing until you enter it there too."
      size="sm"
    >
      <form className="form-grid" onSubmit={(event) => void submit(event)}>
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
