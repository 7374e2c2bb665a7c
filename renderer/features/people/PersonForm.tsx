import { useRef, useState, type FormEvent } from 'react';
import type { Community, Person } from '../../../shared/domain/entities';
import { personInput, validate, ValidationError, type PersonInput } from '../../../shared/domain/validation';
import { Button, fieldBinder, FormAlert, TagInput, TextField } from '../../ui';
import { CommunityPicker } from '../communities/CommunityPicker';
import { PersonPicker } from './PersonPicker';
import {
  errorsByField,
  linkIssues,
  toFormValues,
  toPersonInput,
  type PersonFormErrors,
  type PersonFormValues,
} from './personForm';

interface Props {
  /** The person being edited; absent when adding someone new. */
  person?: Person;
  /** Prefills the name of someone new (typed in a search that found nobody). */
  initialName?: string;
  people: readonly Person[];
  communities: readonly Community[];
  submitLabel: string;
  /** Saves; may throw a ValidationError from the data layer, shown beside the fields. */
  onSubmit(input: PersonInput): Promise<void>;
  onCancel(): void;
}

/**
 * Every field of a person. Nothing is saved while any field is invalid: the messages appear
 * beside the fields and focus moves to the first one.
 */
export function PersonForm({
  person,
  initialName,
  people,
  communities,
  submitLabel,
  onSubmit,
  onCancel,
}: Props) {
  const [values, setValues] = useState<PersonFormValues>(() => ({
    ...toFormValues(person),
    ...(initialName ? { name: initialName } : {}),
  }));
  const [errors, setErrors] = useState<PersonFormErrors>({});
  const [saving, setSaving] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const set = <K extends keyof PersonFormValues>(key: K, value: PersonFormValues[K]) =>
    setValues((v) => ({ ...v, [key]: value }));

  const showErrors = (next: PersonFormErrors) => {
    setErrors(next);
    // After React has rendered the messages, so the first invalid control is marked aria-invalid.
    requestAnimationFrame(() =>
      formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(),
    );
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const input = toPersonInput(values);
    const result = validate(personInput, input);
    const issues = [...(result.ok ? [] : result.issues), ...linkIssues(values)];
    if (issues.length > 0) return showErrors(errorsByField(issues));
    setErrors({});
    setSaving(true);
    try {
      await onSubmit(input);
    } catch (error) {
      if (error instanceof ValidationError) showErrors(errorsByField(error.issues));
      else setErrors({ form: error instanceof Error ? error.message : String(error) });
    } finally {
      setSaving(false);
    }
  };

  const bind = fieldBinder(values, errors, set);
  const text = (key: 'name' | 'organisation' | 'role', label: string, extra: { required?: boolean } = {}) => (
    <TextField
      className={key === 'name' ? 'form-grid__wide' : undefined}
      label={label}
      {...bind(key)}
      {...extra}
    />
  );
  const multiline = (
    key: 'emails' | 'phones' | 'links' | 'howWeMet' | 'notes',
    label: string,
    hint?: string,
  ) => (
    <TextField
      multiline
      label={label}
      hint={hint}
      rows={key === 'notes' ? 6 : 2}
      {...bind(key)}
      className="form-grid__wide"
    />
  );

  return (
    <form
      ref={formRef}
      className="form-grid person-form"
      onSubmit={submit}
      noValidate
      aria-label={submitLabel}
    >
      {text('name', 'Name', { required: true })}
      <div className="form-grid__wide">
        <TagInput
          label="Aliases"
          hint="Nicknames or other spellings; press Enter after each."
          value={values.aliases}
          onChange={(v) => set('aliases', v)}
          error={errors.aliases}
        />
      </div>
      {text('organisation', 'Organisation')}
      {text('role', 'Role')}
      {multiline('emails', 'Emails', 'One per line.')}
      {multiline('phones', 'Phones', 'One per line.')}
      {multiline('links', 'Links', 'Web pages, one per line; they open in your browser.')}
      <div className="form-grid__wide">
        <TagInput label="Tags" value={values.tags} onChange={(v) => set('tags', v)} error={errors.tags} />
      </div>
      <div className="form-grid__wide">
        <PersonPicker
          label="Introduced by"
          people={people}
          value={values.introducedById}
          onChange={(id) => set('introducedById', id)}
          excludeIds={person ? [person.id] : []}
          error={errors.introducedById}
        />
      </div>
      {multiline('howWeMet', 'How we met')}
      <div className="form-grid__wide">
        <CommunityPicker
          label="Communities"
          communities={communities}
          value={values.communityIds}
          onChange={(ids) => set('communityIds', ids)}
          hint="Communities they belong to; those you met them in are added by themselves."
          error={errors.communityIds}
        />
      </div>
      <TextField
        label="Keep in touch every (days)"
        hint="Leave empty for no cadence; 30 is about monthly."
        inputMode="numeric"
        {...bind('cadenceDays')}
      />
      <label className="person-form__check form-grid__wide">
        <input
          type="checkbox"
          checked={values.wantToReach}
          onChange={(e) => set('wantToReach', e.target.checked)}
        />
        I want to reach this person
      </label>
      {multiline('notes', 'Notes', 'Markdown: **bold**, lists, links.')}
      <FormAlert message={errors.form} wide />
      <div className="form-actions form-grid__wide">
        <Button variant="primary" type="submit" disabled={saving}>
          {submitLabel}
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </div>
    </form>
  );
}
