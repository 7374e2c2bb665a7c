import { useState, type FormEvent } from 'react';
import type { SecretStorage, SyncConnectionResult, SyncSettingsView } from '../../../shared/ipc';
import { checkDatabaseName, checkServerUrl } from '../../../shared/security/syncUrl';
import type { SyncAction } from '../../../shared/sync';
import { testSyncConnection } from '../../platform';
import { Button, fieldBinder, FormAlert, TextField, useToast } from '../../ui';
import { ChangePassphraseDialog } from './ChangePassphraseDialog';
import { DeviceNameForm } from './DeviceNameForm';
import { useSyncController } from './syncContext';
import type { SyncController } from './syncController';
import { useSyncState } from './useSyncState';
import './sync.css';

interface Draft {
  serverUrl: string;
  database: string;
  username: string;
  /** '' keeps the saved password. */
  password: string;
  passphrase: string;
  remember: boolean;
  enabled: boolean;
}

function draftFrom(settings: SyncSettingsView): Draft {
  return {
    serverUrl: settings.serverUrl,
    database: settings.database || 'kith',
    username: settings.username,
    password: '',
    passphrase: settings.passphrase ?? '',
    remember: settings.secretStorage === 'browser-local',
    enabled: settings.enabled,
  };
}

const STORAGE_WARNINGS: Partial<Record<SecretStorage, string>> = {
  'plain-text':
    'This computer has no key ring, so the sync password and passphrase are stored in a file protected only by a key built into Kith. Anyone who can read your files can read them. Install and unlock a key ring (GNOME Keyring or KWallet) to protect them.',
  'session-only':
    'This computer offers no secure storage, so the sync password and passphrase are kept only until Kith quits; you will be asked again next time.',
};

/** What ticking "Remember" does and does not protect against, in the person's words. */
const REMEMBER_HINT =
  'Remembered, the password and passphrase are stored encrypted with a key this browser keeps and cannot export, so a copy of this browser’s storage does not reveal them; anyone who can use this browser profile can still sync as you. Unticked, they are forgotten when this tab closes.';

function fieldErrors(draft: Draft) {
  const server = draft.serverUrl.trim() === '' ? null : checkServerUrl(draft.serverUrl);
  const database = draft.database === '' ? null : checkDatabaseName(draft.database);
  return {
    serverUrl:
      server && !server.ok
        ? `${server.reason}.`
        : draft.enabled && !server
          ? 'Needed to turn sync on.'
          : undefined,
    database:
      database && !database.ok
        ? `${database.reason}.`
        : draft.enabled && !database
          ? 'Needed to turn sync on.'
          : undefined,
  };
}

/** Settings › Sync: where this device syncs to, with what credentials and passphrase, on or off. */
export function SyncSettingsSection() {
  const controller = useSyncController();
  const { settings, status } = useSyncState();
  // A new key starts the form again from the saved settings (after a save or a passphrase change).
  const [generation, setGeneration] = useState(0);
  if (!controller || !settings) {
    return (
      <section className="card settings__section" aria-labelledby="sync-heading">
        <h2 id="sync-heading" className="settings__heading">
          Sync
        </h2>
        <p className="muted">Loading the sync settings…</p>
      </section>
    );
  }
  return (
    <SyncSettingsForm
      key={generation}
      controller={controller}
      settings={settings}
      action={status.state === 'error' ? status.action : undefined}
      onSaved={() => setGeneration((n) => n + 1)}
    />
  );
}

function SyncSettingsForm({
  controller,
  settings,
  action,
  onSaved,
}: {
  controller: SyncController;
  settings: SyncSettingsView;
  action: SyncAction | undefined;
  onSaved(): void;
}) {
  const toast = useToast();
  const [draft, setDraft] = useState<Draft>(() => draftFrom(settings));
  const [showErrors, setShowErrors] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [testing, setTesting] = useState(false);
  const [tested, setTested] = useState<SyncConnectionResult | null>(null);
  const [changingPassphrase, setChangingPassphrase] = useState<'change' | 'finish' | null>(null);
  const [restoring, setRestoring] = useState(false);

  const errors = fieldErrors(draft);
  const invalid = Boolean(errors.serverUrl || errors.database);
  const change = (patch: Partial<Draft>) => {
    setDraft({ ...draft, ...patch });
    setTested(null);
  };
  // Field errors show once a save was tried.
  const bind = fieldBinder(draft, showErrors ? errors : {}, (key, value) => change({ [key]: value }));
  const inBrowser = settings.secretStorage.startsWith('browser');
  const warning = STORAGE_WARNINGS[settings.secretStorage];

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setShowErrors(true);
    if (invalid) return;
    setSaving(true);
    setError(undefined);
    try {
      const saved = await controller.save({
        serverUrl: draft.serverUrl.trim(),
        database: draft.database,
        username: draft.username,
        enabled: draft.enabled,
        ...(draft.password !== '' ? { password: draft.password } : {}),
        passphrase: draft.passphrase === '' ? null : draft.passphrase,
        ...(inBrowser ? { remember: draft.remember } : {}),
      });
      onSaved();
      toast.show({
        message: saved.enabled ? 'Sync settings saved; syncing now.' : 'Sync settings saved; sync is off.',
      });
    } catch (failure) {
      setError(
        `The sync settings could not be saved: ${failure instanceof Error ? failure.message : String(failure)}`,
      );
    } finally {
      setSaving(false);
    }
  };

  const test = async () => {
    setShowErrors(true);
    if (errors.serverUrl || errors.database || draft.serverUrl === '' || draft.database === '') return;
    setTesting(true);
    setTested(null);
    setTested(
      await testSyncConnection({
        serverUrl: draft.serverUrl.trim(),
        database: draft.database,
        username: draft.username,
        ...(draft.password !== '' ? { password: draft.password } : {}),
      }),
    );
    setTesting(false);
  };

  const restoreKey = async () => {
    setRestoring(true);
    setError(undefined);
    try {
      await controller.restoreKey();
      toast.show({ message: 'The key document is back on the server; syncing again.' });
    } catch (failure) {
      setError(
        `The key document could not be restored: ${failure instanceof Error ? failure.message : String(failure)}`,
      );
    } finally {
      setRestoring(false);
    }
  };

  return (
    <section className="card settings__section" aria-labelledby="sync-heading">
      <h2 id="sync-heading" className="settings__heading">
        Sync
      </h2>
      <p className="muted">
        Keep this journal the same on your other devices through a CouchDB server you run or trust: Apache
        CouchDB, IBM Cloudant, or Kith’s own (<code>npm run sync-server</code>).
      </p>
      {action === 'finish-change' && (
        <div className="sync-settings__warning" role="alert">
          <p>
            A passphrase change was interrupted before it finished (here or on another device), so this device
            does not sync until it is done. Finish it with the same new passphrase (or turn encryption off
            again, if that was the change); nothing is lost.
          </p>
          <Button variant="primary" onClick={() => setChangingPassphrase('finish')}>
            Finish the passphrase change
          </Button>
        </div>
      )}
      {action === 'restore-key' && (
        <div className="sync-settings__warning" role="alert">
          <p>
            The server’s encryption key document was deleted. Kith did not replace it with a new one (that
            would lock your other devices out of what is on the server). Restore it from this device’s
            passphrase: every document on the server names the key it was sealed with.
          </p>
          <Button variant="primary" onClick={() => void restoreKey()} disabled={restoring}>
            {restoring ? 'Restoring…' : 'Restore the key document'}
          </Button>
        </div>
      )}
      <form
        className="sync-settings__form"
        onSubmit={(event) => void save(event)}
        aria-label="Sync settings"
        noValidate
      >
        {warning && (
          <p className="sync-settings__warning" role="note">
            {warning}
          </p>
        )}
        <TextField
          className="sync-settings__wide"
          label="Server address"
          placeholder="http://127.0.0.1:5984"
          inputMode="url"
          autoComplete="off"
          spellCheck={false}
          {...bind('serverUrl')}
        />
        <TextField label="Database name" autoComplete="off" spellCheck={false} {...bind('database')} />
        <TextField label="Username" autoComplete="off" spellCheck={false} {...bind('username')} />
        <TextField
          label="Password"
          type="password"
          autoComplete="off"
          placeholder={settings.hasPassword ? 'Saved — type to replace' : ''}
          hint={settings.hasPassword ? 'Leave empty to keep the saved password.' : undefined}
          {...bind('password')}
        />
        <TextField
          label="Passphrase (optional)"
          type="password"
          autoComplete="off"
          hint="With a passphrase, everything is encrypted on this device before it leaves, and the server sees only ciphertext. Without one, whoever runs the server can read your journal. Use the same passphrase on every device; it cannot be recovered."
          {...bind('passphrase')}
        />
        {inBrowser && (
          <div className="sync-settings__wide">
            <label className="sync-settings__check">
              <input
                type="checkbox"
                checked={draft.remember}
                aria-describedby="sync-remember-hint"
                onChange={(event) => change({ remember: event.target.checked })}
              />
              Remember on this device
            </label>
            <p id="sync-remember-hint" className="field__hint">
              {REMEMBER_HINT}
            </p>
          </div>
        )}
        <label className="sync-settings__check sync-settings__wide">
          <input
            type="checkbox"
            checked={draft.enabled}
            onChange={(event) => change({ enabled: event.target.checked })}
          />
          Sync this journal
        </label>
        {tested && (
          <p
            role="status"
            className={`sync-settings__result sync-settings__result--${tested.ok ? 'ok' : 'failed'}`}
          >
            {tested.ok
              ? `Connected: the database holds ${tested.docCount} ${tested.docCount === 1 ? 'document' : 'documents'}.`
              : `Connection failed: ${tested.message}`}
          </p>
        )}
        <FormAlert message={error} wide />
        <div className="sync-settings__actions">
          <Button type="submit" variant="primary" disabled={saving}>
            {saving ? 'Saving…' : 'Save'}
          </Button>
          <Button onClick={() => void test()} disabled={testing}>
            {testing ? 'Testing…' : 'Test connection'}
          </Button>
          <Button
            onClick={() => setChangingPassphrase('change')}
            disabled={!settings.serverUrl || !settings.database}
          >
            Change passphrase
          </Button>
        </div>
      </form>
      <DeviceNameForm />
      {changingPassphrase && (
        <ChangePassphraseDialog
          controller={controller}
          hasPassphrase={settings.passphrase !== null}
          interrupted={changingPassphrase === 'finish'}
          onClose={() => {
            setChangingPassphrase(null);
            onSaved();
          }}
        />
      )}
    </section>
  );
}
