import { useCallback, useMemo, type Ref } from 'react';
import type { Person } from '../../../shared/domain/entities';
import { Chip, type ComboboxOption, Picker } from '../../ui';
import { newParticipant, type DraftParticipant } from './draft';
import { matchPeople } from './matchPeople';

interface Props {
  people: readonly Person[];
  value: DraftParticipant[];
  onChange(participants: DraftParticipant[]): void;
  error?: string | undefined;
  inputRef?: Ref<HTMLInputElement>;
}

/**
 * Who was there: type a name and press Enter to add someone already in the journal, or a new
 * person (created when the encounter is saved). Chips show who is in; Backspace removes the last.
 */
export function ParticipantPicker({ people, value, onChange, error, inputRef }: Props) {
  const chosen = useMemo(() => new Set(value.map((p) => p.personId).filter(Boolean)), [value]);
  const search = useCallback(
    (query: string): ComboboxOption[] =>
      matchPeople(people, query, chosen).map(({ person, alias }) => ({
        id: person.id,
        label: person.name,
        detail: alias
          ? `also known as ${alias}`
          : [person.role, person.organisation].filter(Boolean).join(', '),
      })),
    [people, chosen],
  );

  const addNew = (name: string) => {
    const taken = value.some((p) => !p.personId && p.name.toLowerCase() === name.trim().toLowerCase());
    if (!taken) onChange([...value, newParticipant(name)]);
  };

  return (
    <Picker
      label="People met"
      search={search}
      onPick={(option) => onChange([...value, { key: option.id, personId: option.id, name: option.label }])}
      onCreate={addNew}
      createLabel={(text) => `Add “${text}” as a new person`}
      onBackspaceEmpty={() => onChange(value.slice(0, -1))}
      placeholder={value.length === 0 ? 'Type a name, then Enter' : 'Add someone else…'}
      hint="Pick someone you know, or type a new name and press Enter to add them."
      error={error}
      inputRef={inputRef}
      before={value.map((p) => (
        <Chip
          key={p.key}
          label={p.personId ? p.name : `${p.name} (new)`}
          tone={p.personId ? 'accent' : 'new'}
          onRemove={() => onChange(value.filter((other) => other.key !== p.key))}
        />
      ))}
    />
  );
}
