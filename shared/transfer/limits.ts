import { formatBytes } from '../domain/bytes';
import type { ImportFormat, ParsedImport } from './candidates';

export { formatBytes };

/**
 * How much one import or restore may bring, so that a huge or hostile file is refused in a sentence
 * instead of freezing the page for minutes and filling the memory (a 201 MB vCard took 4 GB).
 *
 * - 50 MB per imported file: 100,000 contacts with a typical card (~300 bytes) are 30 MB; a phone's
 *   export of a few thousand contacts with photos stays well below it.
 * - 100,000 contacts, rows or events per import: 20 times the busiest real address book we have seen,
 *   and about 30 s to preview and write.
 * - 512 MB per backup, the largest backup Kith itself writes (the desktop's save limit): the heavy
 *   dataset (5,000 people, 40,000 encounters, 50,000 ties) is 64 MB, the stress dataset about 320 MB.
 *   A backup cannot be split, so its limit is the largest journal Kith is built for.
 */
export const IMPORT_LIMITS = {
  fileBytes: 50 * 1024 * 1024,
  records: 100_000,
} as const;

export const BACKUP_LIMITS = {
  fileBytes: 512 * 1024 * 1024,
} as const;

export type FilePurpose = 'import' | 'backup';

export function fileByteLimit(purpose: FilePurpose): number {
  return purpose === 'import' ? IMPORT_LIMITS.fileBytes : BACKUP_LIMITS.fileBytes;
}

/** A file refused for its size or its number of records, before it is read whole. */
export class FileTooLargeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FileTooLargeError';
  }
}

/** The message for a file over its size limit, or '' when it fits. */
export function fileSizeProblem(name: string, bytes: number, purpose: FilePurpose): string {
  const limit = fileByteLimit(purpose);
  if (bytes <= limit) return '';
  // Never "50 MB is over 50 MB": a size just over the limit is shown with the precision that tells them apart.
  const shown =
    formatBytes(bytes) === formatBytes(limit) ? `${bytes.toLocaleString('en-US')} bytes` : formatBytes(bytes);
  return purpose === 'import'
    ? `${name} is ${shown}; Kith imports files up to ${formatBytes(limit)}. Split it into smaller files and import them one after another.`
    : `${name} is ${shown}; Kith restores backups up to ${formatBytes(limit)}.`;
}

/** Throws FileTooLargeError when a file is over its size limit. */
export function checkFileSize(name: string, bytes: number, purpose: FilePurpose): void {
  const problem = fileSizeProblem(name, bytes, purpose);
  if (problem) throw new FileTooLargeError(problem);
}

const RECORD_NOUNS: Record<ImportFormat, string> = {
  vcard: 'contacts',
  'linkedin-csv': 'rows',
  'google-csv': 'rows',
  csv: 'rows',
  ics: 'events',
};

function countMatches(text: string, pattern: RegExp): number {
  let n = 0;
  pattern.lastIndex = 0;
  while (pattern.exec(text)) n++;
  return n;
}

/** Rows of a CSV, quoted line breaks included, without building them: one pass over the text. */
export function countCsvRows(text: string): number {
  let rows = 0;
  let quoted = false;
  let content = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) quoted = !quoted;
    else if (!quoted && (c === 10 || c === 13)) {
      if (content) rows++;
      content = false;
      continue;
    }
    content = true;
  }
  return content ? rows + 1 : rows;
}

/**
 * How many records a file holds, counted without parsing it (cheap: one scan, nothing kept), so a file
 * with a million rows is refused before a million candidates are built. Header and preamble rows
 * count too: the limit has room for them.
 */
export function countRecords(format: ImportFormat, text: string): number {
  switch (format) {
    case 'vcard':
      return countMatches(text, /^BEGIN:VCARD/gim);
    case 'ics':
      return countMatches(text, /^BEGIN:VEVENT/gim);
    default:
      return countCsvRows(text);
  }
}

function recordProblem(name: string, format: ImportFormat, count: number): string {
  const noun = RECORD_NOUNS[format];
  return `${name} has ${count.toLocaleString('en-US')} ${noun}; Kith imports up to ${IMPORT_LIMITS.records.toLocaleString('en-US')} ${noun} at a time. Split it into smaller files and import them one after another.`;
}

/** Throws FileTooLargeError when the file holds more records than one import may bring. */
export function checkRecordCount(name: string, format: ImportFormat, text: string): void {
  // Room for a header and LinkedIn's preamble.
  const count = countRecords(format, text);
  const headerRows = format === 'vcard' || format === 'ics' ? 0 : 10;
  if (count > IMPORT_LIMITS.records + headerRows)
    throw new FileTooLargeError(recordProblem(name, format, count));
}

/** After parsing: repeating calendar events expand into one encounter per occurrence. */
export function checkParsedCount(name: string, parsed: ParsedImport): void {
  const count = parsed.people.length + parsed.encounters.length;
  if (count > IMPORT_LIMITS.records) {
    const noun = parsed.format === 'ics' ? 'encounters' : 'contacts';
    throw new FileTooLargeError(
      `${name} gives ${count.toLocaleString('en-US')} ${noun}; Kith imports up to ${IMPORT_LIMITS.records.toLocaleString('en-US')} at a time. ` +
        (parsed.format === 'ics'
          ? 'Choose fewer days, or split the file, and import them one after another.'
          : 'Split it into smaller files and import them one after another.'),
    );
  }
}
