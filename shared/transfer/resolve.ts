import type { Person } from '../domain/entities';
import { sameContent } from '../db/fieldTimes';
import { contentOf, type Content } from '../db/content';
import type {
  EncounterRow,
  ImportChoices,
  ImportPreview,
  MatchTarget,
  PersonRow,
  RowChoice,
} from './preview';
import { foldInto, newPersonContent, type ImportedFields } from './personFields';

/** Where a person row ends up once the choices are applied. */
export type Destination = { kind: 'new'; root: string } | { kind: 'person'; id: string } | { kind: 'skip' };

export interface Resolution {
  destination: Map<string, Destination>;
  /** New people by root row key, with every row folded into them, in file order. */
  created: Map<string, Content<Person>>;
  /** Roots of new people that other rows were folded into (their content needs validating again). */
  folded: Set<string>;
  /** Journal people the import changes: their content after the import. */
  updated: Map<string, Content<Person>>;
  /** Journal people rows merge into but that gain nothing. */
  unchanged: Set<string>;
  /** Rows folded into another row of the import. */
  mergedRows: number;
  skippedRows: number;
  /** Encounter rows to create with their participants (journal ids or new-person root keys). */
  encounters: { row: EncounterRow; participants: Destination[] }[];
  /** Encounter rows chosen for creation that lost every participant (their attendees were skipped). */
  encountersWithoutPeople: EncounterRow[];
  encountersSkipped: number;
}

export function choiceOf(row: { key: string; choice: RowChoice }, choices: ImportChoices): RowChoice {
  return choices[row.key] ?? row.choice;
}

/**
 * Applies the user's choices to a preview: follows "merge into row X" chains to where they end (a
 * chain that loops back is created at its first row), then folds every row into its destination.
 * Pure, so the preview's header and the commit count the same way.
 */
export function resolveImport(preview: ImportPreview, choices: ImportChoices): Resolution {
  const rows = new Map(preview.people.map((r) => [r.key, r]));
  const destination = new Map<string, Destination>();

  const follow = (row: PersonRow, visiting: Set<string>): Destination => {
    const known = destination.get(row.key);
    if (known) return known;
    const choice = choiceOf(row, choices);
    let d: Destination;
    if (!row.fields || choice.action === 'skip') d = { kind: 'skip' };
    else if (choice.action === 'create') d = { kind: 'new', root: row.key };
    else d = target(row, choice.into, visiting);
    destination.set(row.key, d);
    return d;
  };
  const target = (row: PersonRow, into: MatchTarget, visiting: Set<string>): Destination => {
    if (into.kind === 'person') {
      return preview.journal.has(into.id) ? { kind: 'person', id: into.id } : { kind: 'new', root: row.key };
    }
    const next = rows.get(into.key);
    if (!next || visiting.has(next.key)) return { kind: 'new', root: row.key };
    visiting.add(row.key);
    const d = follow(next, visiting);
    // Merging into a row the user skipped: this row still has a person to become.
    return d.kind === 'skip' ? { kind: 'new', root: row.key } : d;
  };

  const created = new Map<string, Content<Person>>();
  const folded = new Set<string>();
  const updatedFields = new Map<string, Content<Person>>();
  let mergedRows = 0;
  let skippedRows = 0;
  for (const row of preview.people) {
    const d = follow(row, new Set());
    const fields = row.fields as ImportedFields;
    if (d.kind === 'skip') skippedRows++;
    else if (d.kind === 'new') {
      const base = created.get(d.root);
      if (base) {
        mergedRows++;
        folded.add(d.root);
      }
      created.set(d.root, base ? foldInto(base, fields) : newPersonContent(fields));
    } else {
      const stored = preview.journal.get(d.id) as Person;
      updatedFields.set(d.id, foldInto(updatedFields.get(d.id) ?? contentOf(stored), fields));
    }
  }
  const updated = new Map<string, Content<Person>>();
  const unchanged = new Set<string>();
  for (const [id, content] of updatedFields) {
    if (sameContent(content, contentOf(preview.journal.get(id) as Person))) unchanged.add(id);
    else updated.set(id, content);
  }

  const encounters: Resolution['encounters'] = [];
  const encountersWithoutPeople: EncounterRow[] = [];
  let encountersSkipped = 0;
  for (const row of preview.encounters) {
    if (choiceOf(row, choices).action !== 'create') {
      encountersSkipped++;
      continue;
    }
    const seen = new Set<string>();
    const participants: Destination[] = [];
    for (const t of row.participants) {
      const d: Destination =
        t.kind === 'person'
          ? { kind: 'person', id: t.id }
          : rows.has(t.key)
            ? follow(rows.get(t.key) as PersonRow, new Set())
            : { kind: 'skip' };
      const id = d.kind === 'person' ? d.id : d.kind === 'new' ? `row:${d.root}` : '';
      // The owner is never a participant of their own encounters.
      if (!id || (d.kind === 'person' && d.id === preview.ownerId) || seen.has(id)) continue;
      seen.add(id);
      participants.push(d);
    }
    if (participants.length === 0) {
      encountersWithoutPeople.push(row);
      encountersSkipped++;
    } else encounters.push({ row, participants });
  }

  return {
    destination,
    created,
    folded,
    updated,
    unchanged,
    mergedRows,
    skippedRows,
    encounters,
    encountersWithoutPeople,
    encountersSkipped,
  };
}

export interface ImportSummary {
  /** New people. */
  create: number;
  /** Journal people who gain something. */
  update: number;
  /** Journal people rows matched who already had everything. */
  unchanged: number;
  /** Rows folded into another row of the import. */
  merge: number;
  skip: number;
  encounters: number;
  encountersSkipped: number;
  /** Rows the importer could not read, plus rows with a problem or with values left out. */
  problems: number;
}

export function summarisePreview(preview: ImportPreview, choices: ImportChoices = {}): ImportSummary {
  const r = resolveImport(preview, choices);
  return {
    create: r.created.size,
    update: r.updated.size,
    unchanged: r.unchanged.size,
    merge: r.mergedRows,
    skip: r.skippedRows,
    encounters: r.encounters.length,
    encountersSkipped: r.encountersSkipped,
    problems:
      preview.problems.length +
      preview.people.filter((p) => p.problem || p.warnings.length > 0).length +
      preview.encounters.filter((e) => e.problem).length,
  };
}
