import { useState, type FormEvent } from 'react';
import { ValidationError } from '../../../shared/domain/validation';
import { Button, DateField, FormAlert, TextField } from '../../ui';
import type { FollowUpLook } from './FollowUpChecklist';

interface Props {
  look: FollowUpLook;
  /** The form's accessible name. */
  label: string;
  placeholder: string;
  /** Creates the follow-up; a ValidationError is shown beside the field it names, any other failure above the button. */
  onAdd(text: string, due: string): Promise<void>;
}

/** A new follow-up: what to do and, optionally, by when. */
export function AddFollowUpForm({ look, label, placeholder, onAdd }: Props) {
  const [text, setText] = useState('');
  const [due, setDue] = useState('');
  const [errors, setErrors] = useState<{ text?: string; due?: string; form?: string }>({});

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // React bubbles submit through portals: a dialog's form must not submit a form around it.
    event.stopPropagation();
    try {
      await onAdd(text, due);
      setText('');
      setDue('');
      setErrors({});
    } catch (e) {
      // What was typed stays in the form, so nothing is lost when the journal could not store it.
      if (!(e instanceof ValidationError)) {
        setErrors({
          form: `The follow-up could not be added: ${e instanceof Error ? e.message : String(e)}`,
        });
        return;
      }
      setErrors({
        text: e.issues.find((i) => i.path === 'text')?.message,
        due: e.issues.find((i) => i.path === 'due')?.message,
      });
    }
  };

  const compact = look === 'compact';
  return (
    <form
      className={compact ? 'followups__add' : 'form-grid card'}
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-label={label}
    >
      <TextField
        className={compact ? undefined : 'form-grid__wide'}
        label="New follow-up"
        placeholder={placeholder}
        value={text}
        onChange={(e) => setText(e.target.value)}
        error={errors.text}
      />
      <DateField label="Due" value={due} onValueChange={setDue} error={errors.due} />
      <FormAlert message={errors.form} wide={!compact} />
      {compact ? (
        <Button type="submit" size="sm">
          Add follow-up
        </Button>
      ) : (
        <div className="form-actions">
          <Button type="submit">Add follow-up</Button>
        </div>
      )}
    </form>
  );
}
