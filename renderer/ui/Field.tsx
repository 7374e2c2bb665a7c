import { useId, type ReactNode } from 'react';

export interface FieldProps {
  label: string;
  /** Shown under the control and linked with aria-describedby. */
  hint?: string | undefined;
  /** Makes the control aria-invalid and describes it with this message. */
  error?: string | undefined;
  className?: string | undefined;
}

/** What the control inside a field needs: its id (the label points at it) and its aria wiring. */
export interface ControlIds {
  id: string;
  aria: { 'aria-describedby': string | undefined; 'aria-invalid': true | undefined };
}

/**
 * A labelled control with its hint and error, tied to it by id so assistive tech reads them
 * together. `children` renders the control itself from the ids.
 */
export function Field({
  label,
  hint,
  error,
  className,
  children,
}: FieldProps & { children(ids: ControlIds): ReactNode }) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  const aria = { 'aria-describedby': describedBy, 'aria-invalid': error ? (true as const) : undefined };
  return (
    <div className={['field', error && 'field--invalid', className].filter(Boolean).join(' ')}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {children({ id, aria })}
      {hint && (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="field__error">
          {error}
        </p>
      )}
    </div>
  );
}
