import type { FormEvent, ReactNode } from 'react';
import { Button } from './Button';
import { FormAlert } from './FormAlert';

interface Props {
  /** The form's accessible name ("Add a tie for Ana"). */
  label: string;
  submitLabel: string;
  onSubmit(event: FormEvent<HTMLFormElement>): void;
  /** A form-wide error, shown above the button. */
  alert?: string | undefined;
  children: ReactNode;
}

/** A small card form under a list that adds one more (a member, a tie): its fields and one button. */
export function AddForm({ label, submitLabel, onSubmit, alert, children }: Props) {
  return (
    <form className="form-grid card" onSubmit={onSubmit} noValidate aria-label={label}>
      {children}
      <FormAlert message={alert} wide />
      <div className="form-actions form-grid__wide">
        <Button type="submit">{submitLabel}</Button>
      </div>
    </form>
  );
}
