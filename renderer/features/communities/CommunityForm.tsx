import { useState, type FormEvent } from 'react';
import type { Community } from '../../../shared/domain/entities';
import { COMMUNITY_KINDS, COMMUNITY_LABELS, type CommunityKind } from '../../../shared/domain/kinds';
import {
  communityInput,
  validate,
  ValidationError,
  type CommunityInput,
} from '../../../shared/domain/validation';
import { Button, FormAlert, Select, TagInput, TextField } from '../../ui';

const KIND_OPTIONS = COMMUNITY_KINDS.map((k) => ({ value: k, label: COMMUNITY_LABELS[k] }));

interface Props {
  community?: Community;
  submitLabel: string;
  onSubmit(input: CommunityInput): Promise<void>;
  onCancel(): void;
}

type Errors = Partial<Record<'name' | 'kind' | 'notes' | 'tags' | 'form', string>>;

function byField(issues: readonly { path: string; message: string }[]): Errors {
  const errors: Errors = {};
  for (const i of issues) {
    const field = (i.path.split('.')[0] || 'form') as keyof Errors;
    errors[field] ??= i.message;
  }
  return errors;
}

/** Name, kind, notes and tags of a community; nothing is saved while a field is invalid. */
export function CommunityForm({ community, submitLabel, onSubmit, onCancel }: Props) {
  const [name, setName] = useState(community?.name ?? '');
  const [kind, setKind] = useState<CommunityKind>(community?.kind ?? 'club');
  const [notes, setNotes] = useState(community?.notes ?? '');
  const [tags, setTags] = useState<string[]>(community?.tags ?? []);
  const [errors, setErrors] = useState<Errors>({});
  const [saving, setSaving] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const input: CommunityInput = { name, kind, notes, tags };
    const result = validate(communityInput, input);
    if (!result.ok) {
      setErrors(byField(result.issues));
      requestAnimationFrame(() => form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    setSaving(true);
    try {
      await onSubmit(input);
    } catch (e) {
      setErrors(
        e instanceof ValidationError
          ? byField(e.issues)
          : { form: e instanceof Error ? e.message : String(e) },
      );
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className="form-grid" onSubmit={submit} noValidate aria-label={submitLabel}>
      <TextField
        className="form-grid__wide"
        label="Name"
        required
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={errors.name}
      />
      <Select
        label="Kind"
        options={KIND_OPTIONS}
        value={kind}
        onChange={(e) => setKind(e.target.value as CommunityKind)}
        error={errors.kind}
      />
      <div className="form-grid__wide">
        <TagInput label="Tags" value={tags} onChange={setTags} error={errors.tags} />
      </div>
      <TextField
        className="form-grid__wide"
        multiline
        rows={5}
        label="Notes"
        hint="Markdown: **bold**, lists, links."
        value={notes}
        onChange={(e) => setNotes(e.target.value)}
        error={errors.notes}
      />
      <FormAlert message={errors.form} wide />
      <div className="form-actions form-grid__wide">
        <Button onClick={onCancel}>Cancel</Button>
        <Button variant="primary" type="submit" disabled={saving}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}
