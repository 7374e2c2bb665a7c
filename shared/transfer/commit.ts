import type { Encounter, Person } from '../domain/entities';
import {
  encounterInput,
  LIMITS,
  personInput,
  validate,
  type EncounterFields,
  type PersonFields,
} from '../domain/validation';
import type { Change, ChangeEntry } from '../db/change';
import { checkStoredDocument, describeIssues } from '../db/checkDocument';
import { COLLECTION_NOUNS, type KithDatabase } from '../db/collections';
import { planAndWriteAllOrNothing } from '../db/bulkWrite';
import { listQuarantined, release, setAside, type SetAside } from '../db/quarantine';
import type { Content } from '../db/content';
import { newId } from '../db/ids';
import { Plan } from '../db/plan';
import type { SourceRef } from './candidates';
import type { ProgressCallback } from './bulkWrite';
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
  /**
   * Documents the journal's rules refuse (checkStoredDocument: a damaged stored person the file
   * updates…), and encounters with a new person among them: not written, listed under Settings ›
   * Data health; the rest was imported.
   */
  setAside: number;
  /** Why the set-aside documents could not be listed under Data health (the import itself stands). */
  setAsideError?: string;
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
 * in bulk; if a write fails, what was written is put back and the error rethrown. A document the
 * journal's own rules refuse (checkStoredDocument) is set aside instead, and the rest imported
 * (see setAsideRefused).
 */
export async function commitImport(
  db: KithDatabase,
  preview: ImportPreview,
  choices: ImportChoices = {},
  options: CommitOptions = {},
): Promise<ImportResult> {
  const { onProgress } = options;
  const file = preview.people[0]?.candidate.ref.file ?? preview.encounters[0]?.candidate.ref.file ?? 'a file';
  // The journal is read, the import planned and written holding the write lock: another import or a
  // restore cannot write in between (its changes would be lost under a plan made without them).
  const { entries, leftOut, created, updated, encounters, encountersWithoutPeople } =
    await planAndWriteAllOrNothing(
      db,
      async () => {
        const planned = await planImport(db, preview, choices, file, onProgress);
        return { entries: planned.entries, result: planned };
      },
      { onProgress, description: { kind: 'import', source: file } },
    );
  const result: ImportResult = {
    change: { label: options.label ?? `Import ${file}`, entries },
    created,
    updated,
    encounters,
    encountersWithoutPeople,
    setAside: leftOut.length,
  };
  try {
    await setAside(
      db,
      leftOut.map(({ created: _created, ...item }) => item),
    );
    // A valid version of a person set aside by an earlier import arrived: its entry goes.
    if ((await listQuarantined(db)).entries.some((e) => e.source === 'import')) {
      await release(
        db,
        'import',
        'people',
        entries.filter((e) => e.collection === 'people').map((e) => e.id),
      );
    }
  } catch (err) {
    // The import stands; only the list of what was left out could not be written (a full disk).
    result.setAsideError = err instanceof Error ? err.message : String(err);
  }
  return result;
}

interface PlannedImport {
  entries: ChangeEntry[];
  leftOut: LeftOut[];
  created: number;
  updated: number;
  encounters: number;
  encountersWithoutPeople: EncounterRow[];
}

/** Reads the journal and plans the import: called holding the write lock (see commitImport). */
async function planImport(
  db: KithDatabase,
  preview: ImportPreview,
  choices: ImportChoices,
  file: string,
  onProgress: ProgressCallback | undefined,
): Promise<PlannedImport> {
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
  const { entries, leftOut } = setAsideRefused(plan.toEntries(), (id) => rowOf.get(id)?.ref, file);
  const left = (collection: string, created: boolean) =>
    leftOut.filter((e) => e.collection === collection && e.created === created).length;
  return {
    entries,
    leftOut,
    created: people.length - left('people', true),
    updated: updates.length - left('people', false),
    encounters: encounters.length - left('encounters', true),
    encountersWithoutPeople: r.encountersWithoutPeople,
  };
}

interface LeftOut extends SetAside {
  /** A document the import would have created (else one it would have updated). */
  created: boolean;
}

/**
 * Every document as it will be stored passes the same check as anything arriving from sync or a
 * backup (schema and the journal's rules); one that fails is left out and set aside with the row
 * that would have written it, and so is an encounter with a new person left out (it would name
 * someone the journal does not have). The rest is imported: one bad row must not cost the others.
 */
function setAsideRefused(
  all: ChangeEntry[],
  refOf: (id: string) => SourceRef | undefined,
  file: string,
): { entries: ChangeEntry[]; leftOut: LeftOut[] } {
  const leftOut: LeftOut[] = [];
  const gone = new Set<string>();
  const leave = (e: ChangeEntry, issues: LeftOut['issues']) => {
    const ref = refOf(e.id);
    gone.add(e.id);
    leftOut.push({
      source: 'import',
      collection: e.collection,
      docId: e.id,
      reason: describeIssues(issues),
      issues,
      origin: ref ? `${ref.file || file}, record ${ref.record}` : file,
      raw: e.after,
      created: e.before === null,
    });
  };
  for (const e of all) {
    const found = checkStoredDocument(e.collection, e.after);
    if (found.length > 0) leave(e, found);
  }
  const newPeopleLeft = new Set(
    leftOut.filter((e) => e.created && e.collection === 'people').map((e) => e.docId),
  );
  if (newPeopleLeft.size > 0) {
    for (const e of all) {
      if (e.collection !== 'encounters' || gone.has(e.id) || !e.after) continue;
      const missing = (e.after as Encounter).participantIds.filter((id) => newPeopleLeft.has(id));
      if (missing.length === 0) continue;
      leave(
        e,
        missing.map((id) => ({
          path: 'participantIds',
          message: `It is with ${COLLECTION_NOUNS.people.one} “${id}”, who could not be imported either.`,
        })),
      );
    }
  }
  return { entries: all.filter((e) => !gone.has(e.id)), leftOut };
}
