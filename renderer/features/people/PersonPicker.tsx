import { useCallback, useMemo } from 'react';
import type { Person } from '../../../shared/domain/entities';
import { Chip, type ComboboxOption, Picker } from '../../ui';
import { fold } from './peopleList';

const MAX_OPTIONS = 20;

interface Props {
  label: string;
  people: readonly Person[];
  /** The chosen person's id, '' for nobody. */
  value: string;
  onChange(id: string): void;
  /** People who cannot be chosen here (the person being edited, the owner for a merge…). */
  excludeIds?: readonly string[];
  hint?: string;
  error?: string | undefined;
  placeholder?: string;
}

/** Matching people as combobox options: by name, alias, organisation or e-mail, best (name-start) first. */
export function personOptions(
  people: readonly Person[],
  query: string,
  excludeIds: readonly string[] = [],
): ComboboxOption[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  const scored: { person: Person; rank: number }[] = [];
  for (const person of people) {
    if (excludeIds.includes(person.id)) continue;
    const name = fold(person.name);
    const other = fold([...person.aliases, person.organisation, ...person.emails].join('\n'));
    if (!words.every((w) => name.includes(w) || other.includes(w))) continue;
    scored.push({
      person,
      rank: name.startsWith(words[0] ?? '') ? 0 : words.every((w) => name.includes(w)) ? 1 : 2,
    });
  }
  return scored
    .sort((a, b) => a.rank - b.rank || a.person.name.localeCompare(b.person.name))
    .slice(0, MAX_OPTIONS)
    .map(({ person }) => ({ id: person.id, label: person.name, detail: describe(person) }));
}

function describe(p: Person): string | undefined {
  const bits = [
    p.organisation,
    p.aliases.length ? `also ${p.aliases.join(', ')}` : '',
    p.archived ? 'archived' : '',
  ];
  return bits.filter(Boolean).join(' · ') || undefined;
}

/** Choose one person by typing part of their name (WAI-ARIA combobox from the UI kit). */
export function PersonPicker({
  label,
  people,
  value,
  onChange,
  excludeIds,
  hint,
  error,
  placeholder,
}: Props) {
  const chosen = useMemo(() => people.find((p) => p.id === value), [people, value]);
  const search = useCallback(
    (query: string) => personOptions(people, query, excludeIds),
    [people, excludeIds],
  );
  return (
    <Picker
      label={label}
      search={search}
      onPick={(option) => onChange(option.id)}
      onBackspaceEmpty={() => onChange('')}
      before={chosen && <Chip label={chosen.name} onRemove={() => onChange('')} />}
      placeholder={chosen ? undefined : (placeholder ?? 'Type a name…')}
      hint={hint}
      error={error}
    />
  );
}
