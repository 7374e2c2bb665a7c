import { useId, useState, type ChangeEvent } from 'react';
import type { FileFilter } from '../../../shared/ipc';
import type { FilePurpose } from '../../../shared/transfer';
import { hasNativeFileDialogs, openFileNatively, pickedFile, type PickedFile } from '../../platform';
import { Button } from '../../ui';

interface Props {
  /** The control's accessible name and visible text, e.g. "Choose a file to import". */
  label: string;
  filters: FileFilter[];
  /** Sets the size limit (the desktop's main process refuses a larger file before reading it). */
  purpose: FilePurpose;
  /** The file, not read yet (the file reader worker reads it). */
  onPicked(file: PickedFile): void;
  onError(message: string): void;
  disabled?: boolean;
}

/**
 * One control that picks a file: the native open dialog on the desktop, an <input type="file">
 * in a browser (a page may not open a picker by itself). The input is visually hidden inside a
 * label styled as a button, so it keeps its name for assistive tech and its keyboard focus.
 */
export function FilePicker({ label, filters, purpose, onPicked, onError, disabled = false }: Props) {
  const inputId = useId();
  const [busy, setBusy] = useState(false);
  const accept = filters.flatMap((f) => f.extensions.map((e) => `.${e}`)).join(',');

  const read = async (open: () => Promise<PickedFile | null>) => {
    setBusy(true);
    try {
      const file = await open();
      if (file) onPicked(file);
    } catch (error) {
      onError(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };

  if (hasNativeFileDialogs()) {
    return (
      <Button
        variant="primary"
        disabled={disabled || busy}
        onClick={() => void read(() => openFileNatively(label, filters, purpose))}
      >
        {label}…
      </Button>
    );
  }

  const changed = (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    // Cleared so that picking the same file again (after fixing it) is a change too.
    input.value = '';
    if (file) void read(async () => pickedFile(file));
  };

  return (
    <label
      htmlFor={inputId}
      className={`btn btn--primary file-picker${disabled || busy ? ' is-disabled' : ''}`}
    >
      <input
        id={inputId}
        type="file"
        className="visually-hidden"
        accept={accept}
        disabled={disabled || busy}
        onChange={changed}
      />
      {label}…
    </label>
  );
}
