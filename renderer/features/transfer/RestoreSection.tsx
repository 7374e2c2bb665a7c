import { useEffect, useRef, useState } from 'react';
import { saysWhatHappened } from '../../../shared/db';
import {
  BackupError,
  backupFileName,
  restoreBackup,
  type ParsedBackup,
  type RestoreMode,
  type TransferProgress,
} from '../../../shared/transfer';
import { useDb } from '../../db';
import { automaticBackups, type PickedFile } from '../../platform';
import { Button, FormAlert } from '../../ui';
import { ConfirmDialog } from '../people/ConfirmDialog';
import { journalBackup, saveBackupText } from './backupJson';
import { errorMessage } from './errorMessage';
import { FilePicker } from './FilePicker';
import { formatBackupTime } from './format';
import { journalCopies } from './journalCopies';
import { JournalCopiesList } from './JournalCopiesList';
import { FileReaderClient, ReadCancelledError, type ReadProgress } from './reading/fileReader';
import { ReadingProgress } from './reading/ReadingProgress';
import { backupContents, rejectedText, restoreResultText } from './restoreText';

const BACKUP_FILTERS = [{ name: 'Kith backup', extensions: ['json'] }];

interface Chosen {
  name: string;
  backup: ParsedBackup;
}

/**
 * Restore: a backup merged into this journal, or replacing it after an explicit confirmation. Before
 * replacing, the journal as it is goes to the backup folder (desktop) or into the browser's own
 * storage (JournalCopiesList); if the browser cannot keep it, the journal is only replaced after it
 * was downloaded.
 */
export function RestoreSection() {
  const db = useDb();
  const [backups] = useState(automaticBackups);
  const [copies] = useState(() => (backups ? null : journalCopies()));
  const [copiesVersion, setCopiesVersion] = useState(0);
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [reading, setReading] = useState<{ name: string; progress: ReadProgress | null } | null>(null);
  const [mode, setMode] = useState<RestoreMode>('merge');
  const [confirming, setConfirming] = useState(false);
  const [progress, setProgress] = useState<TransferProgress | 'starting' | null>(null);
  const [error, setError] = useState('');
  const [issues, setIssues] = useState<string[]>([]);
  const [done, setDone] = useState('');
  /** The browser could not keep a copy: replacing now needs a download first. */
  const [needsDownload, setNeedsDownload] = useState(false);
  const reader = useRef<FileReaderClient | null>(null);

  useEffect(() => () => reader.current?.close(), []);

  const picked = async (file: PickedFile) => {
    setError('');
    setIssues([]);
    setDone('');
    setChosen(null);
    setNeedsDownload(false);
    reader.current?.close();
    const client = new FileReaderClient();
    reader.current = client;
    setReading({ name: file.name, progress: null });
    try {
      const backup = await client.readBackup(file, (p) => setReading({ name: file.name, progress: p }));
      setChosen({ name: file.name, backup });
    } catch (failure) {
      if (failure instanceof ReadCancelledError) return;
      setError(
        `${file.name} cannot be restored: ${errorMessage(failure).replace(/^This backup cannot be restored\. /, '')}`,
      );
      if (failure instanceof BackupError)
        setIssues(failure.issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)));
    } finally {
      client.close();
      if (reader.current === client) reader.current = null;
      setReading(null);
    }
  };

  /** The journal as it is, kept where the person can get it back. Returns the sentence saying where. */
  const keepJournal = async (backup: Chosen, downloadFirst: boolean): Promise<string> => {
    const { text: content, documents } = await journalBackup(db);
    if (backups) {
      try {
        const { file } = await backups.write({ content, automatic: false });
        return ` The journal as it was is saved as ${file} in your backup folder.`;
      } catch (failure) {
        throw new Error(`this journal could not be backed up first (${errorMessage(failure)})`, {
          cause: failure,
        });
      }
    }
    const fileName = backupFileName();
    if (downloadFirst) {
      await saveBackupText(fileName, content);
      return ` The journal as it was was downloaded as ${fileName} (see your browser’s downloads).`;
    }
    try {
      const label = `Journal of ${formatBackupTime(new Date().toISOString())}, before restoring ${backup.name}`;
      const copy = await copies!.keep(content, { label, fileName, documents });
      setCopiesVersion((v) => v + 1);
      return ` The journal as it was is kept in this browser as “${copy.label}”: find it under “Copies kept in this browser” below, where you can download it or restore it.`;
    } catch (failure) {
      setNeedsDownload(true);
      throw new Error(
        `Kith could not keep a copy of this journal in this browser (${errorMessage(failure)}), so it replaced nothing. ` +
          '“Download this journal, then replace” saves the journal to your downloads first.',
        { cause: failure },
      );
    }
  };

  const restore = async (backup: Chosen, downloadFirst = false) => {
    setProgress('starting');
    setError('');
    try {
      const kept = mode === 'replace' ? await keepJournal(backup, downloadFirst) : '';
      const result = await restoreBackup(db, backup.backup, {
        mode,
        onProgress: setProgress,
        fileName: backup.name,
      });
      setDone(restoreResultText(backup.name, mode, result) + kept);
      setChosen(null);
      setNeedsDownload(false);
    } catch (failure) {
      const message = errorMessage(failure);
      setError(
        saysWhatHappened(failure) || message.startsWith('Kith could not keep')
          ? message
          : `Nothing was restored: ${message}`,
      );
    } finally {
      setProgress(null);
      setConfirming(false);
    }
  };

  const rejected = chosen ? rejectedText(chosen.backup) : '';
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
          purpose="backup"
          onPicked={(file) => void picked(file)}
          onError={setError}
          disabled={progress !== null || reading !== null}
        />
      </div>
      {reading && (
        <ReadingProgress
          name={reading.name}
          progress={reading.progress}
          onCancel={() => {
            reader.current?.cancel();
            setReading(null);
          }}
        />
      )}
      <FormAlert message={error} />
      {needsDownload && chosen && (
        <div className="row">
          <Button variant="danger" disabled={progress !== null} onClick={() => void restore(chosen, true)}>
            Download this journal, then replace
          </Button>
        </div>
      )}
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
          {rejected && <p className="muted">{rejected}</p>}
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
                (progress.phase === 'copying'
                  ? ' (keeping a copy of your journal first, so nothing can be lost)'
                  : ` (${progress.phase} ${progress.done.toLocaleString()} of ${progress.total.toLocaleString()})`)}
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
              : 'Kith first keeps a copy of this journal as it is now in this browser (under “Copies kept in this browser” below), so you can download it or restore it later.'}
          </p>
        </ConfirmDialog>
      )}
      {copies && (
        <JournalCopiesList
          copies={copies}
          version={copiesVersion}
          disabled={progress !== null || reading !== null}
          onRestore={(copy, text) =>
            void picked({
              name: copy.fileName,
              size: text.length,
              data: new Blob([text], { type: 'application/json' }),
            })
          }
          onError={setError}
        />
      )}
    </section>
  );
}
