import type { InputHTMLAttributes, Ref, TextareaHTMLAttributes } from 'react';
import { Field, type FieldProps } from './Field';

export type TextFieldProps = FieldProps &
  Omit<InputHTMLAttributes<HTMLInputElement>, 'className'> & {
    multiline?: false;
    ref?: Ref<HTMLInputElement>;
  };
export type TextAreaFieldProps = FieldProps &
  Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'className'> & {
    multiline: true;
    ref?: Ref<HTMLTextAreaElement>;
  };

/**
 * A labelled text input (or textarea with `multiline`) with its hint and error wired for assistive tech.
 * Dates and times go in a DateField, which tells a half-typed entry from an empty one.
 */
export function TextField(props: TextFieldProps | TextAreaFieldProps) {
  const { label, hint, error, className } = props;
  return (
    <Field label={label} hint={hint} error={error} className={className}>
      {({ id, aria }) =>
        props.multiline ? (
          <textarea className="input input--multiline" {...controlProps(props)} id={id} {...aria} />
        ) : (
          <input className="input" {...controlProps(props)} id={id} {...aria} />
        )
      }
    </Field>
  );
}

/** The props that belong on the control itself rather than on the field around it. */
function controlProps<P extends FieldProps & { multiline?: boolean }>(props: P) {
  const { label: _l, hint: _h, error: _e, className: _c, multiline: _m, ...rest } = props;
  return rest;
}
