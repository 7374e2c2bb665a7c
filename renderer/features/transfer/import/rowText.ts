import type {
  SourceRef,
  DuplicateMatch,
  EncounterRow,
  MatchTarget,
  PersonRow,
  RowChoice,
} from '../../../../shared/transfer';

const REASONS: Record<DuplicateMatch['reasons'][number], string> = {
  'same-email': 'same email',
  'same-phone': 'same phone',
  'similar-name': 'similar name',
};

/** "record 4, line 31" — where the row is in the file, in the words a text editor shows. */
export function whereInFile(ref: SourceRef): string {
  const parts = ref.record > 0 ? [`record ${ref.record}`] : [];
  if (ref.line !== undefined) parts.push(`line ${ref.line}`);
  return parts.join(', ') || 'the file';
}

export function reasonsText(match: DuplicateMatch): string {
  return match.reasons.map((r) => REASONS[r]).join(', ');
}

/** The value of a choice in a <select>; `parseChoice` reads it back. */
export function choiceValue(choice: RowChoice): string {
  if (choice.action !== 'merge') return choice.action;
  return choice.into.kind === 'person' ? `merge:person:${choice.into.id}` : `merge:row:${choice.into.key}`;
}

export function parseChoice(value: string): RowChoice {
  if (value === 'create' || value === 'skip') return { action: value };
  const [, kind, ...rest] = value.split(':');
  const id = rest.join(':');
  const into: MatchTarget = kind === 'person' ? { kind: 'person', id } : { kind: 'row', key: id };
  return { action: 'merge', into };
}

export interface ChoiceOption {
  value: string;
  label: string;
}

/** What can happen to a contact: merged into each likely duplicate, created, or skipped. */
export function personOptions(row: PersonRow): ChoiceOption[] {
  const merges = row.matches.map((m) => ({
    value: choiceValue({ action: 'merge', into: m.target }),
    label:
      m.target.kind === 'person'
        ? `Update ${m.name} in your journal (${reasonsText(m)})`
        : `Merge with ${m.name || 'another row'} in this file (${reasonsText(m)})`,
  }));
  return [...merges, { value: 'create', label: 'Add as a new person' }, { value: 'skip', label: 'Skip' }];
}

export const ENCOUNTER_OPTIONS: ChoiceOption[] = [
  { value: 'create', label: 'Add to the journal' },
  { value: 'skip', label: 'Skip' },
];

/** A short outcome for the row's badge. */
export function outcomeText(choice: RowChoice): string {
  if (choice.action === 'skip') return 'Skip';
  if (choice.action === 'create') return 'New';
  return choice.into.kind === 'person' ? 'Update' : 'Merge';
}

export function personDetail(row: PersonRow): string {
  const c = row.candidate;
  return [c.organisation, c.emails[0], c.phones[0]].filter(Boolean).join(' · ');
}

export function encounterName(row: EncounterRow): string {
  const e = row.candidate;
  return `${e.title || 'Untitled event'} on ${e.day}${e.time ? ` at ${e.time}` : ''}`;
}
