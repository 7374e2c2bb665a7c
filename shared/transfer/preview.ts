import type { Encounter, Person } from '../domain/entities';
import type { KithDatabase } from '../db/collections';
import {
  personCandidate,
  type EncounterCandidate,
  type ImportFormat,
  type ImportProblem,
  type ParsedImport,
  type PersonCandidate,
} from './candidates';
import { emailKey, isStrong, nameKeys, PeopleIndex, type MatchReason } from './match';
import { sanitiseCandidate, type ImportedFields } from './personFields';

/** A journal person, or another row of the same import. */
export type MatchTarget = { kind: 'person'; id: string } | { kind: 'row'; key: string };

export interface DuplicateMatch {
  target: MatchTarget;
  /** The journal person's or the row's name, for the table. */
  name: string;
  reasons: MatchReason[];
}

/** What to do with one row. Encounter rows take only 'create' and 'skip'. */
export type RowChoice = { action: 'create' } | { action: 'merge'; into: MatchTarget } | { action: 'skip' };

/** The user's changes to the default choices, by row key. */
export type ImportChoices = Readonly<Record<string, RowChoice>>;

export interface PersonRow {
  /** 'p<n>' for a contact, 'attendee:<email or name>' for an event attendee not in the journal. */
  key: string;
  candidate: PersonCandidate;
  /** The candidate as person fields (null when it cannot become a person: see `problem`). */
  fields: ImportedFields | null;
  /** Likely duplicates, best first: journal people and earlier rows. */
  matches: DuplicateMatch[];
  /** The default: merge into a journal person (or an earlier row) sharing an email or phone, else create. */
  choice: RowChoice;
  /** Why the row cannot be imported ('' when it can); such rows default to skip. */
  problem: string;
  /** Values left out of the row (an invalid email, an impossible birthday). */
  warnings: string[];
}

export interface EncounterRow {
  key: string;
  candidate: EncounterCandidate;
  /** The people met, resolved: journal people and person rows (attendees to be created). */
  participants: MatchTarget[];
  choice: RowChoice;
  /** An encounter already in the journal on the same day, at the same time, with the same title. */
  duplicateOf: string;
  problem: string;
}

export interface ImportPreview {
  format: ImportFormat;
  people: PersonRow[];
  encounters: EncounterRow[];
  /** The importer's problems (rows it could not read). */
  problems: ImportProblem[];
  /** Journal people the rows match, by id, as read for the preview. */
  journal: ReadonlyMap<string, Person>;
  ownerId: string;
}

/** Beyond this many people under one key, the key says nothing (everyone called "John Smith"). */
const MAX_MATCHES = 5;

type Readable = { find(): { exec(): Promise<{ toMutableJSON(): unknown }[]> } };

async function readAll<T>(db: KithDatabase, collection: 'people' | 'encounters'): Promise<T[]> {
  const docs = await (db[collection] as unknown as Readable).find().exec();
  return docs.map((d) => d.toMutableJSON() as T);
}

function encounterKey(day: string, time: string, title: string): string {
  return `${day}|${time}|${title.trim().toLowerCase()}`;
}

/** An attendee as a contact, so it goes through the same checks as any imported person. */
function attendeeCandidate(e: EncounterCandidate, name: string, email: string): PersonCandidate {
  return personCandidate(e.ref, {
    name: name || email.split('@')[0] || email,
    emails: email ? [email] : [],
  });
}

/**
 * Compares what a file holds with the journal, writing nothing: one row per contact and per event,
 * each with its likely duplicates and a default choice the user can change before committing.
 */
export async function previewImport(db: KithDatabase, parsed: ParsedImport): Promise<ImportPreview> {
  const people = await readAll<Person>(db, 'people');
  const byId = new Map(people.map((p) => [p.id, p]));
  const owner = people.find((p) => p.isOwner);
  const ownerId = owner?.id ?? 'owner';
  const journalIndex = new PeopleIndex(MAX_MATCHES);
  for (const p of people) journalIndex.add(p.id, p);

  const journal = new Map<string, Person>();
  const rowIndex = new PeopleIndex(MAX_MATCHES);
  const rowsByKey = new Map<string, PersonRow>();
  const rows: PersonRow[] = [];

  const addRow = (key: string, candidate: PersonCandidate, attendee: boolean): PersonRow => {
    const sanitised = sanitiseCandidate(candidate);
    const fields = sanitised.ok ? sanitised.fields : null;
    const matches: DuplicateMatch[] = [];
    if (fields) {
      for (const m of journalIndex.find(fields)) {
        const p = byId.get(m.id) as Person;
        journal.set(p.id, p);
        matches.push({ target: { kind: 'person', id: p.id }, name: p.name, reasons: m.reasons });
      }
      if (!attendee) {
        for (const m of rowIndex.find(fields)) {
          const other = rowsByKey.get(m.id) as PersonRow;
          matches.push({
            target: { kind: 'row', key: m.id },
            name: other.fields?.name ?? '',
            reasons: m.reasons,
          });
        }
        rowIndex.add(key, fields);
      }
    }
    const strong = matches.find((m) => isStrong(m.reasons));
    const choice: RowChoice = !fields
      ? { action: 'skip' }
      : strong
        ? { action: 'merge', into: strong.target }
        : { action: 'create' };
    const row: PersonRow = {
      key,
      candidate,
      fields,
      matches: matches.slice(0, MAX_MATCHES),
      choice,
      problem: sanitised.ok ? '' : sanitised.problem,
      warnings: sanitised.ok ? sanitised.warnings : [],
    };
    rows.push(row);
    rowsByKey.set(key, row);
    return row;
  };

  parsed.people.forEach((c, i) => addRow(`p${i + 1}`, c, false));

  const encounters: EncounterRow[] = [];
  if (parsed.encounters.length > 0) {
    const existing = new Map<string, string>();
    for (const e of await readAll<Encounter>(db, 'encounters'))
      existing.set(encounterKey(e.date, e.time, e.title), e.id);
    const ownerEmails = new Set((owner?.emails ?? []).map(emailKey));
    const seen = new Set<string>();
    const attendeeRows = new Map<string, PersonRow>();

    parsed.encounters.forEach((e, i) => {
      const participants: MatchTarget[] = [];
      const targets = new Set<string>();
      const add = (t: MatchTarget) => {
        const id = t.kind === 'person' ? t.id : t.key;
        if (!targets.has(id)) {
          targets.add(id);
          participants.push(t);
        }
      };
      for (const a of e.attendees) {
        const email = emailKey(a.email);
        if (email && ownerEmails.has(email)) continue;
        const byEmail = email ? journalIndex.emails.get(email) : [];
        const byName = !email && a.name ? nameKeys(a.name).flatMap((k) => journalIndex.names.get(k)) : [];
        const known = byEmail[0] ?? (new Set(byName).size === 1 ? byName[0] : undefined);
        if (known === ownerId) continue;
        if (known) {
          add({ kind: 'person', id: known });
          continue;
        }
        const key = email ? `attendee:${email}` : a.name ? `attendee:${nameKeys(a.name)[0] ?? a.name}` : '';
        if (!key) continue;
        const row =
          attendeeRows.get(key) ?? addRow(key, attendeeCandidate(e, a.name.trim(), a.email.trim()), true);
        attendeeRows.set(key, row);
        if (row.fields) add({ kind: 'row', key });
      }
      const duplicateOf = existing.get(encounterKey(e.day, e.time, e.title)) ?? '';
      const repeat = `${e.uid}|${e.day}|${e.time}`;
      const problem =
        participants.length === 0
          ? 'No attendee other than you: an encounter needs at least one other person.'
          : e.uid && seen.has(repeat)
            ? 'The same event appears twice in the file.'
            : '';
      if (e.uid) seen.add(repeat);
      encounters.push({
        key: `e${i + 1}`,
        candidate: e,
        participants,
        choice: problem || duplicateOf ? { action: 'skip' } : { action: 'create' },
        duplicateOf,
        problem,
      });
    });

    // An attendee is created by default only when an encounter that will be created needs them.
    const needed = new Set(
      encounters.flatMap((r) =>
        r.choice.action === 'create' ? r.participants.flatMap((t) => (t.kind === 'row' ? [t.key] : [])) : [],
      ),
    );
    for (const row of attendeeRows.values()) {
      if (row.choice.action === 'create' && !needed.has(row.key)) row.choice = { action: 'skip' };
    }
  }

  return { format: parsed.format, people: rows, encounters, problems: parsed.problems, journal, ownerId };
}
