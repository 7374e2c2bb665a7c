import { useState } from 'react';
import { Link } from 'wouter';
import type { OpenedFile } from '../../../../shared/ipc';
import {
  commitImport,
  ImportCommitError,
  previewImport,
  type ImportChoices,
  type ImportFormat,
  type ImportPreview,
  type TransferProgress,
} from '../../../../shared/transfer';
import { paths } from '../../../app/paths';
import { useDb } from '../../../db';
import { FormAlert, Select } from '../../../ui';
import { useUndo } from '../../undo';
import { errorMessage } from '../errorMessage';
import { FilePicker } from '../FilePicker';
import { ImportOptionsStep, needsOptions, type StepOptions } from './ImportOptionsStep';
import { PreviewStep } from './PreviewStep';
import { formatOf, FORMAT_LABELS, IMPORT_FILTERS, loadFile, readImport, type LoadedFile } from './readImport';
import { resultText } from './resultText';

type Stage =
  | { kind: 'pick' }
  /** Nothing in the file said what it is: the person chooses. */
  | { kind: 'unknown'; file: LoadedFile; format: null }
  | { kind: 'reading'; file: LoadedFile; format: ImportFormat }
  | { kind: 'options'; file: LoadedFile; format: ImportFormat }
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
 * undoable. Nothing is written before "Import".
 */
export function ImportWizard() {
  const db = useDb();
  const { record } = useUndo();
  const [stage, setStage] = useState<Stage>({ kind: 'pick' });
  const [error, setError] = useState('');
  const [problems, setProblems] = useState<string[]>([]);
  const [done, setDone] = useState('');

  const fail = (message: string, details: string[] = []) => {
    setError(message);
    setProblems(details);
  };

  const showPreview = async (file: LoadedFile, format: ImportFormat, options: StepOptions = {}) => {
    setStage({ kind: 'reading', file, format });
    fail('');
    try {
      // Let "Reading…" paint before a large file keeps the main thread busy.
      await new Promise((resolve) => setTimeout(resolve, 0));
      const parsed = readImport(file, format, options);
      const preview = await previewImport(db, parsed);
      setStage({ kind: 'preview', file, format, preview });
    } catch (failure) {
      fail(errorMessage(failure));
      setStage(needsOptions(format) ? { kind: 'options', file, format } : { kind: 'pick' });
    }
  };

  const choose = (file: LoadedFile, format: ImportFormat) => {
    fail('');
    if (needsOptions(format)) setStage({ kind: 'options', file, format });
    else void showPreview(file, format);
  };

  const picked = (opened: OpenedFile) => {
    setDone('');
    try {
      const file = loadFile(opened.name, opened.bytes);
      if (file.text.trim() === '') {
        fail(`${opened.name} is empty.`);
        return;
      }
      const format = formatOf(file);
      if (format) choose(file, format);
      else setStage({ kind: 'unknown', file, format: null });
    } catch (failure) {
      fail(`${opened.name} could not be read: ${errorMessage(failure)}`);
    }
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
    } catch (failure) {
      if (failure instanceof ImportCommitError) {
        fail(
          'Nothing was imported: some rows cannot be saved as chosen. Skip them or fix the file, then try again.',
          failure.issues.map(
            (i) => `${i.ref.file}, record ${i.ref.record}: ${i.path ? `${i.path}: ` : ''}${i.message}`,
          ),
        );
      } else {
        fail(`Nothing was imported: ${errorMessage(failure)}`);
      }
      setStage({ kind: 'preview', file, format, preview });
    }
  };

  const current = stage.kind === 'pick' ? null : stage;
  return (
    <div className="stack import-wizard">
      <div className="row">
        <FilePicker
          label={current ? 'Choose another file' : 'Choose a file to import'}
          filters={IMPORT_FILTERS}
          onPicked={picked}
          onError={(message) => fail(message)}
          disabled={stage.kind === 'importing' || stage.kind === 'reading'}
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
          disabled={current.kind === 'importing' || current.kind === 'reading'}
          onChange={(event) => {
            const format = event.currentTarget.value as ImportFormat | '';
            if (format) choose(current.file, format);
          }}
        />
      )}
      {stage.kind === 'reading' && (
        <p role="status" aria-busy="true">
          Reading {stage.file.name}…
        </p>
      )}
      {stage.kind === 'options' && (
        <ImportOptionsStep
          key={`${stage.file.name}|${stage.format}`}
          file={stage.file}
          format={stage.format}
          onNext={(options) => void showPreview(stage.file, stage.format, options)}
        />
      )}
      {(stage.kind === 'preview' || stage.kind === 'importing') && (
        <PreviewStep
          key={stage.preview.people.length + stage.file.name}
          preview={stage.preview}
          busy={stage.kind === 'importing'}
          onCancel={() => setStage({ kind: 'pick' })}
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
        {progress
          ? `${phase}: ${progress.done.toLocaleString()} of ${progress.total.toLocaleString()}`
          : 'Importing…'}
      </p>
    </div>
  );
}
