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

/** What turning encryption off gives away, said before it is done. */
const OFF_WARNING =
  'Every document is written to the server again as plain text: whoever runs the server, or gets a copy of it, can read your whole journal. Your other devices stop syncing until their passphrase is cleared too.';

function doneMessage(result: ChangeResult, off: boolean): string {
  const left = result.leftAsTheyWere;
  return (
    (off
      ? 'The journal on the server is no longer encrypted. On your other devices, clear the passphrase in Settings › Sync.'
      : 'The journal on the server is encrypted with the new passphrase. Enter it on your other devices.') +
    (left > 0
      ? ` ${left} ${left === 1 ? 'document' : 'documents'} on the server could not be opened (damaged, or not written by Kith) and ${left === 1 ? 'was' : 'were'} left as ${left === 1 ? 'it was' : 'they were'}; your devices set them aside.`
      : '')
  );
}

/**
 * Re-encrypts every document on the server under a new passphrase, showing how far it got; or, when
 * the journal is encrypted, turns encryption off (asked for twice: the server can read it afterwards).
 */
export function ChangePassphraseDialog({ controller, hasPassphrase, interrupted = false, onClose }: Props) {
  const toast = useToast();
  const [current, setCurrent] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const [progress, setProgress] = useState<PassphraseProgress | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [off, setOff] = useState(false);
  const [understood, setUnderstood] = useState(false);
  const mismatch = repeat !== '' && repeat !== passphrase ? 'The two passphrases differ.' : undefined;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (off && !understood)
      return setError(
        'Tick that you understand the server can then read your journal, or keep encryption on.',
      );
    if (!off && passphrase === '') return setError('Type the new passphrase.');
    if (!off && passphrase !== repeat) return setError('The two passphrases differ.');
    setBusy(true);
    setError(undefined);
    try {
      // '' as the new passphrase: the engine writes every document back in plain text.
      const result = await controller.changePassphrase(
        off ? '' : passphrase,
        setProgress,
        current || undefined,
      );
      toast.show({ tone: 'info', message: doneMessage(result, off) });
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
          ? 'A change of the passphrase did not finish. Type the same new passphrase it was started with (or turn encryption off, if that is what was started): Kith re-encrypts what is left and nothing is lost.'
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
        {hasPassphrase && (
          <label className="sync-settings__check form-grid__wide">
            <input
              type="checkbox"
              checked={off}
              onChange={(event) => {
                setOff(event.target.checked);
                setUnderstood(false);
                setError(undefined);
              }}
              disabled={busy}
            />
            Turn encryption off (no passphrase)
          </label>
        )}
        {off ? (
          <div className="sync-settings__warning form-grid__wide" role="note">
            <p>{OFF_WARNING}</p>
            <label className="sync-settings__check">
              <input
                type="checkbox"
                checked={understood}
                onChange={(event) => setUnderstood(event.target.checked)}
                disabled={busy}
              />
              I understand that the server can then read my journal
            </label>
          </div>
        ) : (
          <>
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
          </>
        )}
        {progress && (
          <p role="status" className="muted">
            {off ? 'Decrypting' : 'Re-encrypting'} {progress.done} of {progress.total} documents…
          </p>
        )}
        <FormAlert message={error} />
        <div className="sync-settings__actions">
          <Button type="submit" variant={off ? 'danger' : 'primary'} disabled={busy}>
            {off
              ? busy
                ? 'Turning encryption off…'
                : 'Turn encryption off'
              : busy
                ? 'Re-encrypting…'
                : 'Re-encrypt the journal'}
          </Button>
          <Button onClick={onClose} disabled={busy}>
            Cancel
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
