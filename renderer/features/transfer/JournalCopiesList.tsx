import { useEffect, useState } from 'react';
import { Button } from '../../ui';
import { formatBytes } from '../../../shared/transfer';
import { saveBackupText } from './backupJson';
import { errorMessage } from './errorMessage';
import type { JournalCopies, JournalCopy } from './journalCopies';

interface Props {
  copies: JournalCopies;
  /** Changes when a copy was added, so the list reads the store again. */
  version: number;
  disabled: boolean;
  /** Restore this copy: it is read like any backup file, then merged or replaced as chosen. */
  onRestore(copy: JournalCopy, text: string): void;
  onError(message: string): void;
}

/** The journal as it was before each Replace in this browser: download it, restore it, or delete it. */
export function JournalCopiesList({ copies, version, disabled, onRestore, onError }: Props) {
  const [list, setList] = useState<JournalCopy[] | null>(null);
  const [reload, setReload] = useState(0);

  useEffect(() => {
    let current = true;
    copies.list().then(
      (found) => current && setList(found),
      () => current && setList([]),
    );
    return () => {
      current = false;
    };
  }, [copies, version, reload]);

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
              <strong>{copy.label}</strong> <span className="muted">({formatBytes(copy.size)})</span>
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
              onClick={() =>
                void copies.remove(copy.id).then(
                  () => setReload((n) => n + 1),
                  (failure: unknown) =>
                    onError(`${copy.label} could not be deleted: ${errorMessage(failure)}`),
                )
              }
            >
              Delete
            </Button>
          </li>
        ))}
      </ul>
    </div>
  );
}
