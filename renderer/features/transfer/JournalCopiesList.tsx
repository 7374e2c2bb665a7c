import { useEffect, useState } from 'react';
import { formatBytes } from '../../../shared/transfer';
import { Button, count, FormAlert } from '../../ui';
import { ConfirmDialog } from '../people/ConfirmDialog';
import { saveBackupText } from './backupJson';
import { errorMessage } from './errorMessage';
import { formatBackupTime } from './format';
import type { JournalCopies, JournalCopy } from './journalCopies';

/** "26 Nov 2026, 20:46": when the copy was kept. */
const keptAt = (copy: JournalCopy) => formatBackupTime(new Date(copy.savedAt).toISOString());

/** "1,204 documents, 3.1 MB" (copies kept before Kith counted documents: the size alone). */
function holds(copy: JournalCopy): string {
  const size = formatBytes(copy.size);
  return copy.documents === undefined ? size : `${count(copy.documents, 'document', 'documents')}, ${size}`;
}

interface Props {
  copies: JournalCopies;
  /** Changes when a copy was added, so the list reads the store again. */
  version: number;
  disabled: boolean;
  /** Restore this copy: it is read like any backup file, then merged or replaced as chosen. */
  onRestore(copy: JournalCopy, text: string): void;
  onError(message: string): void;
}

/**
 * The journal as it was before each Replace in this browser: download it, restore it, or delete it.
 * Deleting is asked first: the copy may be the only journal left as it was before a restore.
 */
export function JournalCopiesList({ copies, version, disabled, onRestore, onError }: Props) {
  const [list, setList] = useState<JournalCopy[] | null>(null);
  const [listError, setListError] = useState('');
  const [reload, setReload] = useState(0);
  const [deleting, setDeleting] = useState<JournalCopy | null>(null);

  useEffect(() => {
    let current = true;
    copies.list().then(
      (found) => {
        if (!current) return;
        setList(found);
        setListError('');
      },
      // Said, not hidden: a copy that is not listed is a copy the person does not know they have.
      (failure: unknown) =>
        current &&
        setListError(`The copies kept in this browser could not be listed: ${errorMessage(failure)}`),
    );
    return () => {
      current = false;
    };
  }, [copies, version, reload]);

  if (listError) return <FormAlert message={listError} />;
  if (!list || list.length === 0) return null;

  const withText = async (copy: JournalCopy, act: (text: string) => unknown) => {
    try {
      const text = await copies.read(copy.id);
      if (text === null) throw new Error('it is no longer in this browser’s storage');
      await act(text);
    } catch (failure) {
      onError(`${copy.label} could not be read: ${errorMessage(failure)}`);
    }
  };

  return (
    <div className="stack">
      <h3 className="settings__heading" id="journal-copies-heading">
        Copies kept in this browser
      </h3>
      <p className="muted">
        Before replacing the journal, Kith keeps the journal as it was here (the newest three). Download one
        to keep it as a file, or restore it like any backup.
      </p>
      <ul className="list" aria-labelledby="journal-copies-heading">
        {list.map((copy) => (
          <li key={copy.id} className="list__item row">
            <span>
              <strong>{copy.label}</strong> <span className="muted">({holds(copy)})</span>
            </span>
            <Button
              disabled={disabled}
              aria-label={`Download ${copy.label}`}
              onClick={() => void withText(copy, (text) => saveBackupText(copy.fileName, text))}
            >
              Download
            </Button>
            <Button
              disabled={disabled}
              aria-label={`Restore ${copy.label}`}
              onClick={() => void withText(copy, (text) => onRestore(copy, text))}
            >
              Restore…
            </Button>
            <Button
              variant="ghost"
              disabled={disabled}
              aria-label={`Delete ${copy.label}`}
              onClick={() => setDeleting(copy)}
            >
              Delete…
            </Button>
          </li>
        ))}
      </ul>
      {deleting && (
        <ConfirmDialog
          open
          title={`Delete the copy of ${keptAt(deleting)}?`}
          confirmLabel="Delete this copy"
          danger
          onClose={() => setDeleting(null)}
          onConfirm={async () => {
            try {
              await copies.remove(deleting.id);
            } catch (failure) {
              throw new Error(`${deleting.label} could not be deleted: ${errorMessage(failure)}`, {
                cause: failure,
              });
            }
            setDeleting(null);
            setReload((n) => n + 1);
          }}
        >
          <p>
            <strong>{deleting.label}</strong> ({holds(deleting)}) is deleted from this browser’s storage.
          </p>
          <p>
            This cannot be undone, and Kith keeps this journal as it was then nowhere else. Download it first
            if you may want it back.
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}
