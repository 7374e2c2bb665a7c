import type { SourceRef } from '../candidates';
import { normaliseBirthday } from './birthday';
import type { RawPerson } from './person';

/** What a CSV column can mean for a person; 'ignore' leaves the column out. */
export const CSV_FIELDS = [
  'ignore',
  'name',
  'prefix',
  'firstName',
  'middleName',
  'lastName',
  'suffix',
  'alias',
  'organisation',
  'role',
  'email',
  'phone',
  'link',
  'address',
  'birthday',
  'notes',
  'tags',
] as const;
export type CsvField = (typeof CSV_FIELDS)[number];

/** One entry per header column, in order. */
export type CsvMapping = CsvField[];

function norm(header: string): string {
  return header.trim().toLowerCase().replace(/\s+/g, ' ');
}

/**
 * Header → field, first match wins. Covers LinkedIn, both Google Contacts layouts and Outlook's CSV (English and German headers); for anything
 * else the UI shows the guess and the user corrects it.
 */
const RULES: [RegExp, CsvField][] = [
  [/ - (type|label)$|yomi|phonetic|^file as$|fax|photo|^gender$/, 'ignore'],
  [/^(full |display |contact )?name$/, 'name'],
  [/^(name )?prefix$|^anrede$/, 'prefix'],
  [/^(first|given)( name)?$|^forename$|^vorname$/, 'firstName'],
  [/^(middle|additional)( name)?$/, 'middleName'],
  [/^(last|family)( name)?$|^surname$|^nachname$/, 'lastName'],
  [/^(name )?suffix$/, 'suffix'],
  [/nickname|^alias(es)?$/, 'alias'],
  [
    /^(company|employer|department|firma)$|^organi[sz]ation( \d+)?( - |\s)(name|department)$|^organi[sz]ation$/,
    'organisation',
  ],
  [/^(position|job title|role|occupation)$|^organi[sz]ation( \d+)?( - |\s)title$/, 'role'],
  [/e-?mail|^mail$/, 'email'],
  [/phone|mobile|^tel(ephone|efon)?\b|^cell|^handy$/, 'phone'],
  [/^(url|website|web page|homepage|linkedin|profile)$|^website \d+ - value$/, 'link'],
  [/^address( \d+)? - formatted$|^((home|business|work|postal) )?address$/, 'address'],
  [/birthday|^birth ?date$|^dob$|date of birth|^geburtstag$/, 'birthday'],
  [/^(notes?|comments?|description|notizen)$|connected on/, 'notes'],
  [/^(labels|group membership|categories|groups?|tags?|kategorien)$/, 'tags'],
];

/** A proposed mapping for a header row; unknown columns are 'ignore'. */
export function proposeCsvMapping(header: readonly string[]): CsvMapping {
  const names = header.map(norm);
  // Outlook's "Title" is Mr/Ms when a "Job Title" column exists; on its own it is more often the job.
  const hasJobTitle = names.includes('job title');
  return names.map((h) => {
    if (h === 'title') return hasJobTitle ? 'prefix' : 'role';
    for (const [pattern, field] of RULES) if (pattern.test(h)) return field;
    return 'ignore';
  });
}

/** Google joins several values in one cell with " ::: " (and marks system groups with "* "). */
function values(cell: string, field: CsvField): string[] {
  const parts = cell.split(/\s+:::\s+/);
  if (field === 'email') return parts.flatMap((p) => p.split(/\s*;\s*/));
  if (field === 'tags' || field === 'alias') return parts.flatMap((p) => p.split(/\s*[,;]\s*/));
  return parts;
}

const SALUTATION = /^(mr|mrs|ms|miss|mx|herr|frau|monsieur|madame|mme|m|sr|sra|srta)\.?$/i;
const NOTES_HEADER = /^(notes?|comments?|description|notizen)$/;

/** Applies a mapping to one row's cells. Cells beyond the header or mapped to 'ignore' are left out. */
export function rowToPerson(
  header: readonly string[],
  mapping: CsvMapping,
  cells: readonly string[],
): RawPerson {
  const parts: Partial<Record<CsvField, string[]>> = {};
  const notes: string[] = [];
  for (let i = 0; i < mapping.length; i++) {
    const field = mapping[i] ?? 'ignore';
    const cell = (cells[i] ?? '').trim();
    if (field === 'ignore' || cell === '') continue;
    if (field === 'notes') {
      const label = (header[i] ?? '').trim();
      notes.push(NOTES_HEADER.test(norm(label)) || label === '' ? cell : `${label}: ${cell}`);
      continue;
    }
    (parts[field] ??= []).push(...values(cell, field));
  }
  const first = (f: CsvField) => parts[f]?.find((v) => v.trim() !== '') ?? '';
  const list = (f: CsvField) => parts[f] ?? [];
  const birthday = first('birthday');
  // A salutation (Mr, Frau …) is how a letter opens, not part of the name the user calls someone by.
  const prefix = SALUTATION.test(first('prefix')) ? '' : first('prefix');
  return {
    name: first('name'),
    nameParts: [prefix, first('firstName'), first('middleName'), first('lastName'), first('suffix')],
    aliases: list('alias'),
    organisation: list('organisation').join(', '),
    role: first('role'),
    emails: list('email'),
    phones: list('phone'),
    links: list('link'),
    addresses: list('address').map((a) => a.replace(/\s*\n\s*/g, ', ')),
    // Outlook writes "0/0/00" (German: "0.0.00") for "no birthday".
    birthday: /^0+([/.])0+\1(?:0+)$/.test(birthday) ? '' : normaliseBirthday(birthday),
    notes: notes.join('\n'),
    tags: list('tags')
      .map((t) => t.replace(/^\*\s*/, ''))
      .filter((t) => !/^mycontacts$/i.test(t)),
  };
}

/** A mapping must have one entry per column and name someone: a name column or a name part. */
export function mappingProblem(header: readonly string[], mapping: CsvMapping, ref: SourceRef): string {
  if (mapping.length !== header.length) {
    return `the column mapping has ${mapping.length} entries but line ${ref.line ?? 1} has ${header.length} columns.`;
  }
  const unknown = mapping.find((f) => !(CSV_FIELDS as readonly string[]).includes(f));
  if (unknown !== undefined) return `the column mapping names an unknown field “${String(unknown)}”.`;
  const naming: CsvField[] = ['name', 'firstName', 'lastName', 'organisation', 'email'];
  if (!mapping.some((f) => naming.includes(f))) {
    return 'no column is mapped to a name, first or last name, organisation or email, so no one could be named.';
  }
  return '';
}
