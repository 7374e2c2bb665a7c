import { useEffect, useRef, useState } from 'react';
import { Link } from 'wouter';
import { saysWhatHappened } from '../../../../shared/db';
import {
  commitImport,
  FileTooLargeError,
  ImportCommitError,
  previewImport,
  type ImportChoices,
  type ImportFormat,
  type ImportPreview,
  type TransferProgress,
} from '../../../../shared/transfer';
import { paths } from '../../../app/paths';
import { useDb } from '../../../db';
import type { PickedFile } from '../../../platform';
import { FormAlert, Select } from '../../../ui';
import { useUndo } from '../../undo';
import { errorMessage } from '../errorMessage';
import { FilePicker } from '../FilePicker';
import { FileReaderClient, ReadCancelledError, type ReadProgress } from '../reading/fileReader';
import { ReadingProgress } from '../reading/ReadingProgress';
import { ImportOptionsStep, needsOptions, type StepOptions } from './ImportOptionsStep';
import { PreviewStep } from './PreviewStep';
import { FORMAT_LABELS, IMPORT_FILTERS, importOptions, type CsvColumns, type LoadedFile } from './readImport';
import { resultText } from './resultText';

type Stage =
  | { kind: 'pick' }
  /** The file reader worker is loading and decoding the file. */
  | { kind: 'opening'; name: string; progress: ReadProgress | null }
  /** Nothing in the file said what it is: the person chooses. */
  | { kind: 'unknown'; file: LoadedFile; format: null }
  | { kind: 'reading'; file: LoadedFile; format: ImportFormat; progress: ReadProgress | null }
  | { kind: 'options'; file: LoadedFile; format: ImportFormat; csv?: CsvColumns }
  | { kind: 'preview'; file: LoadedFile; format: ImportFormat; preview: ImportPreview }
  /** The preview stays on screen (disabled) so the person's choices survive a failed commit. */
  | {
      kind: 'importing';
      file: LoadedFile;
      format: ImportFormat;
      preview: ImportPreview;
      progress: TransferProgress | null;
    };

const FORMAT_OPTIONS = (Object.keys(FORMAT_LABELS) as ImportFormat[]).map((value) => ({
  value,
  label: FORMAT_LABELS[value],
}));

/**
 * Import: pick a file → its format (detected, or chosen) → the columns of an unknown CSV or the
 * dates of a calendar → a preview of every row with a choice per likely duplicate → one commit,
 * undoable. Nothing is written before "Import". The file is read and parsed in a worker (../reading),
 * with its progress shown and a Cancel; the page never holds the file's text.
 */
export function ImportWizard() {
  const db = useDb();
  const { record } = useUndo();
  const [stage, setStage] = useState<Stage>({ kind: 'pick' });
  const [error, setError] = useState('');
  const [problems, setProblems] = useState<string[]>([]);
  const [done, setDone] = useState('');
  const reader = useRef<FileReaderClient | null>(null);

  useEffect(() => () => reader.current?.close(), []);

  const fail = (message: string, details: string[] = []) => {
    setError(message);
    setProblems(details);
  };

  /** A reading step failed; Cancel is not a failure (the stage is already back at the start). */
  const readFailed = (failure: unknown, message: string) => {
    if (failure instanceof ReadCancelledError) return true;
    fail(message);
    return false;
  };

  const showPreview = async (file: LoadedFile, format: ImportFormat, options: StepOptions = {}) => {
    const client = reader.current;
    if (!client) return;
    setStage({ kind: 'reading', file, format, progress: null });
    fail('');
    try {
      const parsed = await client.readImport(format, importOptions(options), (progress) =>
        setStage({ kind: 'reading', file, format, progress }),
      );
      const preview = await previewImport(db, parsed);
      setStage({ kind: 'preview', file, format, preview });
    } catch (failure) {
      if (readFailed(failure, errorMessage(failure))) return;
      setStage(needsOptions(format) ? { kind: 'options', file, format } : { kind: 'pick' });
    }
  };

  const choose = async (file: LoadedFile, format: ImportFormat) => {
    fail('');
    if (format === 'csv') {
      let csv: CsvColumns;
      try {
        csv = { ok: true, preview: await reader.current!.csvPreview() };
      } catch (failure) {
        if (failure instanceof ReadCancelledError) return;
        csv = { ok: false, message: errorMessage(failure) };
      }
      setStage({ kind: 'options', file, format, csv });
    } else if (needsOptions(format)) setStage({ kind: 'options', file, format });
    else void showPreview(file, format);
  };

  const picked = async (file: PickedFile) => {
    setDone('');
    fail('');
    // One file at a time: the reader of the previous one (and its text) goes.
    reader.current?.close();
    const client = new FileReaderClient();
    reader.current = client;
    setStage({ kind: 'opening', name: file.name, progress: null });
    try {
      const opened = await client.openImport(file, (progress) =>
        setStage({ kind: 'opening', name: file.name, progress }),
      );
      if (opened.empty) {
        fail(`${file.name} is empty.`);
        setStage({ kind: 'pick' });
      } else if (opened.format) void choose({ name: opened.name }, opened.format);
      else setStage({ kind: 'unknown', file: { name: opened.name }, format: null });
    } catch (failure) {
      // A refusal for its size names the file and says what to do already.
      const message =
        failure instanceof FileTooLargeError
          ? failure.message
          : `${file.name} could not be read: ${errorMessage(failure)}`;
      if (readFailed(failure, message)) return;
      setStage({ kind: 'pick' });
    }
  };

  const cancelReading = () => {
    reader.current?.cancel();
    reader.current = null;
    setStage({ kind: 'pick' });
  };

  const runImport = async (
    file: LoadedFile,
    format: ImportFormat,
    preview: ImportPreview,
    choices: ImportChoices,
  ) => {
    setStage({ kind: 'importing', file, format, preview, progress: null });
    fail('');
    try {
      const result = await commitImport(db, preview, choices, {
        label: `Import ${file.name}`,
        onProgress: (progress) => setStage({ kind: 'importing', file, format, preview, progress }),
      });
      record(result.change);
      setDone(resultText(file.name, result));
      setStage({ kind: 'pick' });
      // The worker keeps the file's text for the steps before the preview; it is not needed any more.
      reader.current?.close();
      reader.current = null;
    } catch (failure) {
      if (failure instanceof ImportCommitError) {
        fail(
          'Nothing was imported: some rows cannot be saved as chosen. Skip them or fix the file, then try again.',
          failure.issues.map(
            (i) => `${i.ref.file}, record ${i.ref.record}: ${i.path ? `${i.path}: ` : ''}${i.message}`,
          ),
        );
      } else if (saysWhatHappened(failure)) {
        fail(errorMessage(failure));
      } else {
        fail(`Nothing was imported: ${errorMessage(failure)}`);
      }
      setStage({ kind: 'preview', file, format, preview });
    }
  };

  const current = stage.kind === 'pick' || stage.kind === 'opening' ? null : stage;
  const busy = stage.kind === 'importing' || stage.kind === 'reading' || stage.kind === 'opening';
  return (
    <div className="stack import-wizard">
      <div className="row">
        <FilePicker
          label={current ? 'Choose another file' : 'Choose a file to import'}
          filters={IMPORT_FILTERS}
          purpose="import"
          onPicked={(file) => void picked(file)}
          onError={(message) => fail(message)}
          disabled={busy}
        />
        {current && (
          <span className="muted">
            <strong className="import-wizard__file">{current.file.name}</strong>
          </span>
        )}
      </div>
      {done && (
        <p role="status" className="import-wizard__done">
          {done} <Link href={paths.people}>See people</Link>
        </p>
      )}
      <FormAlert message={error} />
      {problems.length > 0 && (
        <ul className="list import-wizard__issues" aria-label="Rows that cannot be saved">
          {problems.map((p) => (
            <li key={p} className="list__item">
              {p}
            </li>
          ))}
        </ul>
      )}
      {current && (
        <Select
          label="Format"
          hint={
            current.format
              ? 'Detected from the file; change it if Kith guessed wrong.'
              : `Kith cannot tell what kind of file ${current.file.name} is. Choose its format to go on.`
          }
          options={current.format ? FORMAT_OPTIONS : [{ value: '', label: 'Choose…' }, ...FORMAT_OPTIONS]}
          value={current.format ?? ''}
          disabled={busy}
          onChange={(event) => {
            const format = event.currentTarget.value as ImportFormat | '';
            if (format) void choose(current.file, format);
          }}
        />
      )}
      {(stage.kind === 'opening' || stage.kind === 'reading') && (
        <ReadingProgress
          name={stage.kind === 'opening' ? stage.name : stage.file.name}
          progress={stage.progress}
          onCancel={cancelReading}
        />
      )}
      {stage.kind === 'options' && (
        <ImportOptionsStep
          key={`${stage.file.name}|${stage.format}`}
          format={stage.format}
          csv={stage.csv}
          onNext={(options) => void showPreview(stage.file, stage.format, options)}
        />
      )}
      {(stage.kind === 'preview' || stage.kind === 'importing') && (
        <PreviewStep
          key={stage.preview.people.length + stage.file.name}
          preview={stage.preview}
          busy={stage.kind === 'importing'}
          onCancel={() => {
            reader.current?.close();
            reader.current = null;
            setStage({ kind: 'pick' });
          }}
          onImport={(choices) => void runImport(stage.file, stage.format, stage.preview, choices)}
        />
      )}
      {stage.kind === 'importing' && <ImportProgress progress={stage.progress} />}
    </div>
  );
}

function ImportProgress({ progress }: { progress: TransferProgress | null }) {
  const phase = progress?.phase === 'writing' ? 'Saving' : 'Checking';
  const percent = progress && progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : 0;
  return (
    <div className="stack">
      <progress
        className="import-wizard__progress"
        aria-label="Import progress"
        max={100}
        value={progress ? percent : undefined}
      />
      <p role="status" className="muted">
        {progress?.phase === 'copying'
          ? 'Keeping a copy of your journal first, so nothing can be lost…'
          : progress
            ? `${phase}: ${progress.done.toLocaleString()} of ${progress.total.toLocaleString()}`
            : 'Importing…'}
      </p>
    </div>
  );
}
