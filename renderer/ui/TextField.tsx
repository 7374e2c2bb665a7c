import type { InputHTMLAttributes, Ref, TextareaHTMLAttributes } from 'react';
import { FieldMessages } from './FieldMessages';
import { useFieldIds } from './fieldIds';

interface Common {
  label: string;
  /** Shown under the control and linked with aria-describedby. */
  hint?: string | undefined;
  /** Makes the control aria-invalid and describes it with this message. */
  error?: string | undefined;
  className?: string;
}

export type TextFieldProps = Common &
  Omit<InputHTMLAttributes<HTMLInputElement>, 'className'> & {
    multiline?: false;
    ref?: Ref<HTMLInputElement>;
  };
export type TextAreaFieldProps = Common &
  Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'className'> & {
    multiline: true;
    ref?: Ref<HTMLTextAreaElement>;
  };

/** A labelled text input (or textarea with `multiline`) with its hint and error wired for assistive tech. */
export function TextField(props: TextFieldProps | TextAreaFieldProps) {
  const { label, hint, error, className } = props;
  const { id, hintId, errorId, aria } = useFieldIds(hint, error);
  const classes = ['field', error && 'field--invalid', className].filter(Boolean).join(' ');
  return (
    <div className={classes}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {props.multiline ? (
        <TextArea {...props} id={id} aria={aria} />
      ) : (
        <Input {...props} id={id} aria={aria} />
      )}
      <FieldMessages hint={hint} error={error} hintId={hintId} errorId={errorId} />
    </div>
  );
}

type Aria = ReturnType<typeof useFieldIds>['aria'];

function Input({
  label: _l,
  hint: _h,
  error: _e,
  className: _c,
  multiline: _m,
  id,
  aria,
  ...rest
}: TextFieldProps & { aria: Aria }) {
  return <input className="input" {...rest} id={id} {...aria} />;
}

function TextArea({
  label: _l,
  hint: _h,
  error: _e,
  className: _c,
  multiline: _m,
  id,
  aria,
  ...rest
}: TextAreaFieldProps & { aria: Aria }) {
  return <textarea className="input input--multiline" {...rest} id={id} {...aria} />;
}
