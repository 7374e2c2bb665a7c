import { useState } from 'react';
import type { OpenedFile } from '../../../shared/ipc';
import {
  BackupError,
  decodeText,
  parseBackup,
  restoreBackup,
  type KithBackup,
  type RestoreMode,
  type TransferProgress,
} from '../../../shared/transfer';
import { useDb } from '../../db';
import { automaticBackups } from '../../platform';
import { Button, FormAlert } from '../../ui';
import { ConfirmDialog } from '../people/ConfirmDialog';
import { journalBackupJson } from './backupJson';
import { errorMessage } from './errorMessage';
import { FilePicker } from './FilePicker';
import { backupContents, restoreResultText } from './restoreText';

const BACKUP_FILTERS = [{ name: 'Kith backup', extensions: ['json'] }];

interface Chosen {
  name: string;
  backup: KithBackup;
}

/** Restore: a backup merged into this journal, or replacing it after an explicit confirmation. */
export function RestoreSection() {
  const db = useDb();
  const [backups] = useState(automaticBackups);
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [mode, setMode] = useState<RestoreMode>('merge');
  const [confirming, setConfirming] = useState(false);
  const [progress, setProgress] = useState<TransferProgress | 'starting' | null>(null);
  const [error, setError] = useState('');
  const [issues, setIssues] = useState<string[]>([]);
  const [done, setDone] = useState('');

  const picked = (file: OpenedFile) => {
    setError('');
    setIssues([]);
    setDone('');
    setChosen(null);
    try {
      setChosen({ name: file.name, backup: parseBackup(decodeText(file.bytes).text) });
    } catch (failure) {
      setError(
        `${file.name} cannot be restored: ${errorMessage(failure).replace(/^This backup cannot be restored\. /, '')}`,
      );
      if (failure instanceof BackupError)
        setIssues(failure.issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)));
    }
  };

  const restore = async (backup: Chosen) => {
    setProgress('starting');
    setError('');
    try {
      // On the desktop, replacing is made reversible: the journal as it is goes to the backup folder first.
      let safety: string | null = null;
      if (mode === 'replace' && backups) {
        try {
          safety = (await backups.write({ content: await journalBackupJson(db), automatic: false })).file;
        } catch (failure) {
          throw new Error(`this journal could not be backed up first (${errorMessage(failure)})`, {
            cause: failure,
          });
        }
      }
      const result = await restoreBackup(db, backup.backup, { mode, onProgress: setProgress });
      setDone(
        restoreResultText(backup.name, mode, result) +
          (safety ? ` The journal as it was is saved as ${safety} in your backup folder.` : ''),
      );
      setChosen(null);
    } catch (failure) {
      setError(`Nothing was restored: ${errorMessage(failure)}`);
    } finally {
      setProgress(null);
      setConfirming(false);
    }
  };

  return (
    <section className="card stack transfer__section" aria-labelledby="restore-heading">
      <h2 id="restore-heading" className="settings__heading">
        Restore a backup
      </h2>
      <p className="muted">
        Bring back a backup exported from Kith, on this device or another. Merging keeps everything in this
        journal and takes the newer version of anything edited in both; replacing makes this journal exactly
        the backup.
      </p>
      <div className="row">
        <FilePicker
          label="Choose a backup to restore"
          filters={BACKUP_FILTERS}
          onPicked={picked}
          onError={setError}
          disabled={progress !== null}
        />
      </div>
      <FormAlert message={error} />
      {issues.length > 0 && (
        <ul className="list import-wizard__issues" aria-label="Problems in the backup">
          {issues.map((issue) => (
            <li key={issue} className="list__item">
              {issue}
            </li>
          ))}
        </ul>
      )}
      {done && <p role="status">{done}</p>}
      {chosen && (
        <div className="stack">
          <p>
            <strong>{chosen.name}</strong>: {backupContents(chosen.backup)}
          </p>
          <fieldset className="transfer__modes">
            <legend className="field__label">How to restore</legend>
            <label className="row">
              <input
                type="radio"
                name="restore-mode"
                checked={mode === 'merge'}
                onChange={() => setMode('merge')}
              />
              Merge into this journal
            </label>
            <label className="row">
              <input
                type="radio"
                name="restore-mode"
                checked={mode === 'replace'}
                onChange={() => setMode('replace')}
              />
              Replace this journal with the backup
            </label>
          </fieldset>
          {progress !== null && (
            <p role="status" aria-busy="true">
              Restoring…
              {progress !== 'starting' &&
                ` (${progress.phase} ${progress.done.toLocaleString()} of ${progress.total.toLocaleString()})`}
            </p>
          )}
          <div className="row">
            <Button
              variant={mode === 'replace' ? 'danger' : 'primary'}
              disabled={progress !== null}
              onClick={() => (mode === 'replace' ? setConfirming(true) : void restore(chosen))}
            >
              {mode === 'replace' ? 'Replace journal…' : 'Restore'}
            </Button>
            <Button variant="ghost" disabled={progress !== null} onClick={() => setChosen(null)}>
              Cancel
            </Button>
          </div>
        </div>
      )}
      {chosen && (
        <ConfirmDialog
          open={confirming}
          title="Replace your journal?"
          confirmLabel="Replace my journal"
          danger
          onConfirm={() => restore(chosen)}
          onClose={() => setConfirming(false)}
        >
          <p>
            Everything in this journal that is not in <strong>{chosen.name}</strong> will be deleted, and
            everything else will be as it was in the backup.
          </p>
          <p>
            {backups
              ? 'Kith first saves this journal as it is now in your backup folder, so you can restore it later.'
              : 'This cannot be undone: export a backup first if you might want today’s journal back.'}
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}
