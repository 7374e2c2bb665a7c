import type { Ref, SelectHTMLAttributes } from 'react';
import { FieldMessages } from './FieldMessages';
import { useFieldIds } from './fieldIds';

export interface SelectOption {
  value: string;
  label: string;
}

export interface SelectProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'className'> {
  label: string;
  options: readonly SelectOption[];
  hint?: string | undefined;
  error?: string | undefined;
  className?: string;
  ref?: Ref<HTMLSelectElement>;
}

/** A labelled native select: native so keyboard and screen-reader behaviour come for free. */
export function Select({ label, options, hint, error, className, ...rest }: SelectProps) {
  const { id, hintId, errorId, aria } = useFieldIds(hint, error);
  const classes = ['field', error && 'field--invalid', className].filter(Boolean).join(' ');
  return (
    <div className={classes}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <select className="input select" {...rest} id={id} {...aria}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldMessages hint={hint} error={error} hintId={hintId} errorId={errorId} />
    </div>
  );
}
