import { useCallback } from 'react';
import type { Person } from '../../../shared/domain/entities';
import { Chip, Picker } from '../../ui';
import { matchPeople } from '../encounters/matchPeople';

interface Props {
  people: readonly Person[];
  personId: string;
  onChange(personId: string): void;
}

/** Filter by one person: a combobox, because a select of thousands of names is no help. */
export function PersonFilter({ people, personId, onChange }: Props) {
  const selected = people.find((p) => p.id === personId);
  const search = useCallback(
    (query: string) =>
      matchPeople(people, query, new Set()).map(({ person }) => ({ id: person.id, label: person.name })),
    [people],
  );
  return (
    <Picker
      label="Person"
      search={search}
      onPick={(option) => onChange(option.id)}
      onBackspaceEmpty={() => onChange('')}
      placeholder={selected ? undefined : 'Anyone'}
      before={selected && <Chip label={selected.name} tone="accent" onRemove={() => onChange('')} />}
    />
  );
}
