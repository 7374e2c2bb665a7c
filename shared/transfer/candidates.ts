/**
 * What an importer hands to the preview: plain candidates read from a file, not yet journal documents.
 * Importers never throw on bad records: bad rows go to `problems` with the record/line named; a file that cannot be
 * read at all (wrong format, truncated beyond use) throws ImportError (message naming the file and line).
 */

import { blankPerson } from '../db/documents';
import type { Person } from '../domain/entities';

/** Where a candidate came from; `record` is the 1-based card / row / event, `line` the 1-based line when known. */
export interface SourceRef {
  file: string;
  record: number;
  line?: number;
}

/** The person fields an import can fill; the rest (cadence, communities…) stay the journal's. */
export const IMPORTED_FIELDS = [
  'name',
  'aliases',
  'organisation',
  'role',
  'emails',
  'phones',
  'links',
  'addresses',
  'birthday',
  'photo',
  'notes',
  'tags',
] as const satisfies readonly (keyof Person)[];

/** A contact read from a file: the person fields an import fills, as the journal stores them. */
export interface PersonCandidate extends Pick<Person, (typeof IMPORTED_FIELDS)[number]> {
  ref: SourceRef;
}

/** A candidate with every field blank but those given (the stored blanks: blankPerson). */
export function personCandidate(
  ref: SourceRef,
  fields: Partial<Omit<PersonCandidate, 'ref'>> = {},
): PersonCandidate {
  const blank = blankPerson();
  const candidate = Object.fromEntries(IMPORTED_FIELDS.map((field) => [field, blank[field]]));
  return { ...(candidate as Omit<PersonCandidate, 'ref'>), ...fields, ref };
}

export interface AttendeeCandidate {
  name: string;
  email: string;
}

export interface EncounterCandidate {
  ref: SourceRef;
  uid: string;
  title: string;
  /** YYYY-MM-DD, local date. */
  day: string;
  /** 'HH:MM' local, or '' for all-day. */
  time: string;
  durationMinutes: number;
  place: string;
  notes: string;
  attendees: AttendeeCandidate[];
}

/** e.g. "line 14: a vCard without END:VCARD". */
export interface ImportProblem {
  ref: SourceRef;
  message: string;
}

export type ImportFormat = 'vcard' | 'linkedin-csv' | 'google-csv' | 'csv' | 'ics';

export interface ParsedImport {
  format: ImportFormat;
  people: PersonCandidate[];
  encounters: EncounterCandidate[];
  problems: ImportProblem[];
}

/** A file that cannot be read at all. The message names the file and, where known, the line. */
export class ImportError extends Error {
  readonly file: string;
  readonly line: number | undefined;

  constructor(file: string, message: string, line?: number) {
    super(line === undefined ? `${file}: ${message}` : `${file}, line ${line}: ${message}`);
    this.name = 'ImportError';
    this.file = file;
    this.line = line;
  }
}
