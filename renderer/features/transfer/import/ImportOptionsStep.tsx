import { useState, type FormEvent } from 'react';
import { addDays, todayString } from '../../../../shared/domain/days';
import type { ImportFormat } from '../../../../shared/transfer';
import { Button, DateField, UNREADABLE_ENTRY } from '../../../ui';
import { ColumnMappingStep } from './ColumnMappingStep';
import type { CsvColumns, StepOptions } from './readImport';

export type { StepOptions };

/** Generic CSV needs its columns named; a calendar needs the dates whose events become encounters. */
export function needsOptions(format: ImportFormat): boolean {
  return format === 'csv' || format === 'ics';
}

interface Props {
  format: ImportFormat;
  /** A generic CSV's columns. */
  csv?: CsvColumns;
  onNext(options: StepOptions): void;
}

export function ImportOptionsStep({ format, csv, onNext }: Props) {
  return format === 'csv' ? (
    <ColumnMappingStep
      csv={csv ?? { ok: false, message: 'The columns of this file could not be read.' }}
      onNext={(choice) => onNext({ csv: choice })}
    />
  ) : (
    <DateRangeStep onNext={(range) => onNext({ range })} />
  );
}

/** The last twelve months up to today: calendars hold years of events, and future ones are not encounters yet. */
function defaultRange(): { from: string; to: string } {
  const to = todayString();
  return { from: addDays(to, -365), to };
}

function DateRangeStep({ onNext }: { onNext(range: { from: string; to: string }): void }) {
  const [range, setRange] = useState(defaultRange);
  const [tried, setTried] = useState(false);
  const fromError =
    range.from === ''
      ? 'Choose the first day.'
      : range.from === UNREADABLE_ENTRY
        ? 'Enter a real day.'
        : undefined;
  const toError =
    range.to === ''
      ? 'Choose the last day.'
      : range.to === UNREADABLE_ENTRY
        ? 'Enter a real day.'
        : !fromError && range.to < range.from
          ? 'The last day comes before the first.'
          : undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (!fromError && !toError) onNext(range);
  };

  return (
    <form
      className="card stack import-step"
      aria-labelledby="import-range-heading"
      onSubmit={submit}
      noValidate
    >
      <h3 id="import-range-heading" className="settings__heading">
        Which events become encounters?
      </h3>
      <p className="muted">
        Events between these days (both included) are shown in the preview; repeating events are listed once
        for each time they happened. Attendees are matched to people by email or name.
      </p>
      <div className="row import-step__dates">
        <DateField
          label="From"
          value={range.from}
          error={tried ? fromError : undefined}
          onValueChange={(from) => setRange((r) => ({ ...r, from }))}
        />
        <DateField
          label="To"
          value={range.to}
          error={tried ? toError : undefined}
          onValueChange={(to) => setRange((r) => ({ ...r, to }))}
        />
      </div>
      <div className="row">
        <Button type="submit" variant="primary">
          Show the events
        </Button>
      </div>
    </form>
  );
}
