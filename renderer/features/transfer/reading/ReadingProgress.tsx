import { Button } from '../../../ui';
import type { ReadProgress } from './fileReader';

const PHASES: Record<ReadProgress['phase'], string> = {
  loading: 'Loading the file',
  decoding: 'Decoding its text',
  counting: 'Counting its records',
  parsing: 'Reading its records',
  checking: 'Checking its documents',
};

/** "Reading contacts.vcf… Reading its records" with a Cancel that stops the worker at once. */
export function ReadingProgress({
  name,
  progress,
  onCancel,
}: {
  name: string;
  progress: ReadProgress | null;
  onCancel(): void;
}) {
  const counted =
    progress?.done !== undefined && progress.total ? { done: progress.done, total: progress.total } : null;
  return (
    <div className="stack">
      {counted ? (
        <progress
          className="import-wizard__progress"
          aria-label={`Reading ${name}`}
          max={counted.total}
          value={counted.done}
        />
      ) : (
        <progress className="import-wizard__progress" aria-label={`Reading ${name}`} />
      )}
      <div className="row">
        <p role="status" aria-busy="true" className="muted">
          Reading {name}…{progress && ` ${PHASES[progress.phase]}`}
          {counted && ` (${counted.done.toLocaleString()} of ${counted.total.toLocaleString()})`}
        </p>
        <Button variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </div>
  );
}
