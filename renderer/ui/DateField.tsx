import type { InputHTMLAttributes, Ref, SyntheticEvent } from 'react';
import { controlValue, readEntry } from './dateEntry';
import { Field, type FieldProps } from './Field';

export type DateFieldProps = FieldProps &
  Omit<
    InputHTMLAttributes<HTMLInputElement>,
    'className' | 'type' | 'value' | 'defaultValue' | 'onChange' | 'onInput' | 'onKeyUp' | 'onBlur'
  > & {
    type?: 'date' | 'time';
    /** 'YYYY-MM-DD' (or 'HH:MM'), '' when empty, or UNREADABLE_ENTRY. */
    value: string;
    onValueChange(value: string): void;
    ref?: Ref<HTMLInputElement>;
  };

/**
 * A labelled date (or time) input that, unlike a plain one, tells an empty field from one holding
 * an incomplete or impossible entry: the latter reaches the form as UNREADABLE_ENTRY, so the form's
 * checks refuse it instead of saving "no date".
 */
export function DateField({
  label,
  hint,
  error,
  className,
  type = 'date',
  value,
  onValueChange,
  ...rest
}: DateFieldProps) {
  // Typing into an empty field fires no input event until the entry is whole and real (an
  // impossible day fires none at all), so each key and leaving the field are read too.
  const read = (event: SyntheticEvent<HTMLInputElement>) => {
    const entry = readEntry(event.currentTarget);
    if (entry !== value) onValueChange(entry);
  };
  return (
    <Field label={label} hint={hint} error={error} className={className}>
      {({ id, aria }) => (
        <input
          className="input"
          {...rest}
          type={type}
          value={controlValue(value)}
          onChange={read}
          onKeyUp={read}
          onBlur={read}
          id={id}
          {...aria}
        />
      )}
    </Field>
  );
}
