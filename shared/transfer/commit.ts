import type { Encounter, Person } from '../domain/entities';
import {
  encounterInput,
  LIMITS,
  personInput,
  validate,
  type EncounterFields,
  type PersonFields,
} from '../domain/validation';
import type { Change } from '../db/change';
import { checkStoredDocument } from '../db/checkDocument';
import type { KithDatabase } from '../db/collections';
import type { Content } from '../db/content';
import { newId } from '../db/ids';
import { Plan } from '../db/plan';
import type { SourceRef } from './candidates';
import { writeAllOrNothing, type ProgressCallback } from './bulkWrite';
import type { EncounterRow, ImportChoices, ImportPreview, PersonRow } from './preview';
import { resolveImport, type Destination } from './resolve';

export interface ImportIssue {
  /** The preview row ('p12', 'e3', 'attendee:…'). */
  row: string;
  ref: SourceRef;
  /** The field, as the validation names it. */
  path: string;
  message: string;
}

/** Rows that cannot be written as chosen; nothing was written. */
export class ImportCommitError extends Error {
  readonly issues: ImportIssue[];

  constructor(issues: ImportIssue[]) {
    const shown = issues
      .slice(0, 5)
      .map((i) => `${i.ref.file}, record ${i.ref.record}: ${i.message}`)
      .join(' ');
    super(`Nothing was imported: ${issues.length} row(s) cannot be saved. ${shown}`);
    this.name = 'ImportCommitError';
    this.issues = issues;
  }
}

export interface ImportResult {
  /** One undoable change (undoChange removes the new people and encounters and restores the updated). */
  change: Change;
  created: number;
  updated: number;
  encounters: number;
  /** Encounters chosen for creation whose every attendee was skipped: not created. */
  encountersWithoutPeople: EncounterRow[];
}

export interface CommitOptions {
  onProgress?: ProgressCallback;
  /** The undo label; default "Import <file>". */
  label?: string;
}

const VIDEO_LINK =
  /\b(zoom\.us|meet\.google\.com|teams\.microsoft\.com|teams\.live\.com|webex\.com|whereby\.com)\b/i;

function encounterInputOf(row: EncounterRow, participantIds: string[]): Record<string, unknown> {
  const e = row.candidate;
  return {
    date: e.day,
    time: e.time,
    durationMinutes: Math.min(Math.max(0, Math.round(e.durationMinutes || 0)), LIMITS.durationMinutes),
    context: 'meeting',
    channel: VIDEO_LINK.test(`${e.place} ${e.notes}`) ? 'video' : 'in-person',
    place: e.place,
    title: e.title,
    participantIds,
    notes: e.notes,
  };
}

type Readable = {
  findByIds(ids: string[]): { exec(): Promise<Map<string, { toMutableJSON(): unknown }>> };
};

/** The matched journal people as they are now: someone may have edited them since the preview. */
async function freshJournal(db: KithDatabase, ids: string[]): Promise<Map<string, Person>> {
  const found = await (db.people as unknown as Readable).findByIds(ids).exec();
  return new Map([...found].map(([id, d]) => [id, d.toMutableJSON() as Person]));
}

/**
 * Writes a preview as chosen, all or nothing: every row is validated first (an ImportCommitError
 * names each bad row's file, record and field, and nothing is written), then everything is written
 * in bulk; if a write fails, what was written is put back and the error rethrown.
 */
export async function commitImport(
  db: KithDatabase,
  preview: ImportPreview,
  choices: ImportChoices = {},
  options: CommitOptions = {},
): Promise<ImportResult> {
  const { onProgress } = options;
  const journal = await freshJournal(db, [...preview.journal.keys()]);
  const r = resolveImport({ ...preview, journal }, choices);
  const rows = new Map(preview.people.map((p) => [p.key, p]));
  const total = r.created.size + r.updated.size + r.encounters.length;
  let done = 0;
  const tick = () => {
    done++;
    if (done % 1000 === 0 || done === total) onProgress?.({ phase: 'validating', done, total });
  };

  const issues: ImportIssue[] = [];
  const note = (row: string, ref: SourceRef, found: { path: string; message: string }[]) => {
    for (const i of found) issues.push({ row, ref, path: i.path, message: i.message });
  };

  const newIds = new Map<string, string>();
  const people: { id: string; fields: PersonFields }[] = [];
  for (const [root, content] of r.created) {
    const row = rows.get(root)!;
    // A row nothing was folded into holds exactly what the preview validated: checking it again
    // would double the cost of a 50,000-row import for nothing.
    const result = r.folded.has(root)
      ? validate(personInput, content)
      : { ok: true as const, value: content as PersonFields };
    if (result.ok) {
      const id = newId();
      newIds.set(root, id);
      people.push({ id, fields: result.value });
    } else note(root, row.candidate.ref, result.issues);
    tick();
  }
  const firstRowOf = new Map<string, PersonRow>();
  for (const p of preview.people) {
    const d = r.destination.get(p.key);
    if (d?.kind === 'person' && !firstRowOf.has(d.id)) firstRowOf.set(d.id, p);
  }
  const updates: { stored: Person; fields: PersonFields }[] = [];
  for (const [id, content] of r.updated) {
    const result = validate(personInput, content);
    const firstRow = firstRowOf.get(id);
    if (result.ok) updates.push({ stored: journal.get(id)!, fields: result.value });
    else note(firstRow?.key ?? id, firstRow?.candidate.ref ?? { file: '', record: 0 }, result.issues);
    tick();
  }
  const idOf = (d: Destination) =>
    d.kind === 'person' ? d.id : d.kind === 'new' ? (newIds.get(d.root) ?? '') : '';
  const encounters: { row: EncounterRow; fields: EncounterFields }[] = [];
  for (const { row, participants } of r.encounters) {
    const result = validate(encounterInput, encounterInputOf(row, participants.map(idOf).filter(Boolean)));
    if (result.ok) encounters.push({ row, fields: result.value });
    else note(row.key, row.candidate.ref, result.issues);
    tick();
  }
  if (issues.length > 0) throw new ImportCommitError(issues);

  const plan = new Plan(db);
  /** Each document's row, so a document the journal's rules refuse is named by its place in the file. */
  const rowOf = new Map<string, { key: string; ref: SourceRef }>();
  for (const { id, fields } of people) {
    plan.create('people', { ...fields, isOwner: false } as Content<Person>, id);
  }
  for (const [root, id] of newIds) rowOf.set(id, { key: root, ref: rows.get(root)!.candidate.ref });
  for (const { stored, fields } of updates) {
    plan.update('people', stored, { ...fields, isOwner: stored.isOwner });
    const row = firstRowOf.get(stored.id);
    if (row) rowOf.set(stored.id, { key: row.key, ref: row.candidate.ref });
  }
  for (const { row, fields } of encounters) {
    const doc = plan.create('encounters', fields as Content<Encounter>);
    rowOf.set(doc.id, { key: row.key, ref: row.candidate.ref });
  }
  const entries = plan.toEntries();
  // Every document as it will be stored passes the same check as anything arriving from sync or a
  // backup (schema and the journal's rules), so nothing the journal would refuse is written.
  for (const e of entries) {
    const found = checkStoredDocument(e.collection, e.after);
    if (found.length > 0) {
      const row = rowOf.get(e.id) ?? { key: e.id, ref: { file: '', record: 0 } };
      note(row.key, row.ref, found);
    }
  }
  if (issues.length > 0) throw new ImportCommitError(issues);

  const file = preview.people[0]?.candidate.ref.file ?? preview.encounters[0]?.candidate.ref.file ?? 'a file';
  await writeAllOrNothing(db, entries, { onProgress, description: { kind: 'import', source: file } });

  return {
    change: { label: options.label ?? `Import ${file}`, entries },
    created: people.length,
    updated: updates.length,
    encounters: encounters.length,
    encountersWithoutPeople: r.encountersWithoutPeople,
  };
}
