import { useEffect, useState } from 'react';
import { Link } from 'wouter';
import { BACKUP_KEEP_MAX, BACKUP_KEEP_MIN, type BackupSettingsView } from '../../../shared/ipc';
import { paths } from '../../app/paths';
import { useDb } from '../../db';
import { automaticBackups, type AutomaticBackups } from '../../platform';
import { Button, FormAlert, TextField } from '../../ui';
import { journalBackupJson } from './backupJson';
import { errorMessage } from './errorMessage';
import { formatBackupTime } from './format';

/** Settings › Backups: daily backups on the desktop; in a browser, where to export one instead. */
export function BackupSettingsSection() {
  const [backups] = useState(automaticBackups);
  return (
    <section className="card settings__section" aria-labelledby="backup-heading">
      <h2 id="backup-heading" className="settings__heading">
        Backups
      </h2>
      {backups ? (
        <DesktopBackups backups={backups} />
      ) : (
        <p className="muted">
          Automatic backups need the desktop app. In the browser, export a backup from{' '}
          <Link href={paths.transfer}>Import &amp; export</Link> now and then, and keep the file somewhere
          safe.
        </p>
      )}
    </section>
  );
}

function DesktopBackups({ backups }: { backups: AutomaticBackups }) {
  const db = useDb();
  const [view, setView] = useState<BackupSettingsView | null>(null);
  const [keep, setKeep] = useState('');
  const [busy, setBusy] = useState<'' | 'saving' | 'backing-up'>('');
  const [error, setError] = useState('');
  const [done, setDone] = useState('');

  useEffect(() => {
    let current = true;
    backups.load().then(
      (loaded) => {
        if (!current) return;
        setView(loaded);
        setKeep(String(loaded.keep));
      },
      (failure: unknown) =>
        current && setError(`The backup settings could not be read: ${errorMessage(failure)}`),
    );
    return () => {
      current = false;
    };
  }, [backups]);

  if (!view)
    return error ? <FormAlert message={error} /> : <p className="muted">Loading the backup settings…</p>;

  const keepNumber = Number(keep);
  const keepError =
    keep.trim() === '' ||
    !Number.isInteger(keepNumber) ||
    keepNumber < BACKUP_KEEP_MIN ||
    keepNumber > BACKUP_KEEP_MAX
      ? `Enter a whole number from ${BACKUP_KEEP_MIN} to ${BACKUP_KEEP_MAX}.`
      : undefined;

  const run = async (
    kind: 'saving' | 'backing-up',
    task: () => Promise<BackupSettingsView>,
    success = '',
  ) => {
    setBusy(kind);
    setError('');
    setDone('');
    try {
      const next = await task();
      setView(next);
      setKeep(String(next.keep));
      setDone(success);
    } catch (failure) {
      setError(errorMessage(failure));
      // The main process records why a backup failed; show its view of it too.
      backups.load().then(setView, () => undefined);
    } finally {
      setBusy('');
    }
  };

  const save = (changes: { enabled?: boolean; keep?: number; useDefaultFolder?: boolean }) =>
    run('saving', () =>
      backups.save({ enabled: changes.enabled ?? view.enabled, keep: changes.keep ?? view.keep, ...changes }),
    );

  const backUpNow = () =>
    run(
      'backing-up',
      async () => {
        const { settings } = await backups.write({ content: await journalBackupJson(db), automatic: false });
        return settings;
      },
      'Backed up.',
    );

  return (
    <div className="stack backup-settings">
      <label className="row">
        <input
          type="checkbox"
          checked={view.enabled}
          disabled={busy !== ''}
          onChange={(event) => void save({ enabled: event.currentTarget.checked })}
        />
        Back up this journal every day
      </label>
      <TextField
        label="Backups to keep"
        type="number"
        inputMode="numeric"
        min={BACKUP_KEEP_MIN}
        max={BACKUP_KEEP_MAX}
        value={keep}
        error={keepError}
        hint="After each backup, older ones beyond this number are deleted from the folder."
        onChange={(event) => setKeep(event.currentTarget.value)}
        onBlur={() => {
          if (!keepError && keepNumber !== view.keep) void save({ keep: keepNumber });
        }}
      />
      <div>
        <p>
          Folder: <code className="backup-settings__folder">{view.folder}</code>
          {view.isDefaultFolder && <span className="muted"> (Kith’s own folder)</span>}
        </p>
        <div className="row">
          <Button disabled={busy !== ''} onClick={() => void run('saving', () => backups.chooseFolder())}>
            Choose folder…
          </Button>
          {!view.isDefaultFolder && (
            <Button
              variant="ghost"
              disabled={busy !== ''}
              onClick={() => void save({ useDefaultFolder: true })}
            >
              Use Kith’s own folder
            </Button>
          )}
        </div>
      </div>
      <p>
        {view.lastBackupAt
          ? `Last backup: ${formatBackupTime(view.lastBackupAt)} (${view.lastBackupFile ?? ''})`
          : 'No backup yet.'}
      </p>
      {view.lastError && !error && (
        <p role="alert" className="form-alert">
          The last backup failed: {view.lastError}.
        </p>
      )}
      <FormAlert message={error} />
      <div className="row">
        <Button variant="primary" disabled={busy !== ''} onClick={() => void backUpNow()}>
          {busy === 'backing-up' ? 'Backing up…' : 'Back up now'}
        </Button>
        <span role="status" className="muted">
          {done}
        </span>
      </div>
    </div>
  );
}
