import { useState, type KeyboardEvent } from 'react';
import { Chip } from './Chip';
import { Field } from './Field';

interface Props {
  label: string;
  value: readonly string[];
  onChange(tags: string[]): void;
  placeholder?: string;
  hint?: string;
  error?: string | undefined;
}

/** Free-form tags as removable chips: Enter or comma adds, Backspace in an empty box removes the last. */
export function TagInput({ label, value, onChange, placeholder, hint, error }: Props) {
  const [draft, setDraft] = useState('');

  const commit = () => {
    const tag = draft.trim().replace(/,+$/, '').trim();
    setDraft('');
    if (!tag || value.some((t) => t.toLowerCase() === tag.toLowerCase())) return;
    onChange([...value, tag]);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if ((event.key === 'Enter' || event.key === ',') && draft.trim()) {
      event.preventDefault();
      commit();
    } else if (event.key === 'Backspace' && !draft && value.length > 0) {
      onChange(value.slice(0, -1));
    }
  };

  return (
    <Field label={label} hint={hint} error={error}>
      {({ id, aria }) => (
        <div className="chip-box">
          {value.map((tag) => (
            <Chip key={tag} label={tag} onRemove={() => onChange(value.filter((t) => t !== tag))} />
          ))}
          <input
            id={id}
            className="chip-box__input"
            value={draft}
            placeholder={value.length === 0 ? placeholder : undefined}
            onChange={(event) => setDraft(event.target.value)}
            onKeyDown={onKeyDown}
            // A tag typed but not yet confirmed still counts when the user moves on or submits.
            onBlur={commit}
            {...aria}
          />
        </div>
      )}
    </Field>
  );
}
