import { useState } from 'react';
import { isRealDay } from '../../../shared/domain/validation';
import { DateField } from '../../ui';

interface Props {
  label: string;
  /** The day the journal is filtered by, '' for none. */
  applied: string;
  onApply(day: string): void;
}

/**
 * A From/To filter. It applies a whole, real day or nothing: an entry still being typed (or one no
 * calendar has) stays in the field with a message under it, and the list keeps its last filter.
 */
export function DayFilter({ label, applied, onApply }: Props) {
  // What the field holds while it is not a day that can be applied.
  const [pending, setPending] = useState<string | null>(null);
  return (
    <DateField
      label={label}
      value={pending ?? applied}
      onValueChange={(entry) => {
        if (entry === '' || isRealDay(entry)) {
          setPending(null);
          onApply(entry);
        } else {
          setPending(entry);
        }
      }}
      // Worded like the forms' own check on a day, so it reads the same everywhere.
      error={pending === null ? undefined : `${label} must be a real day, like 2026-11-26.`}
    />
  );
}
