import { ImportError, type ImportFormat, type ParsedImport, type PersonCandidate } from '../candidates';
import { cleanLine, cut } from './clean';
import { type CsvMapping, mappingProblem, proposeCsvMapping, rowToPerson } from './csvMapping';
import { type CsvRow, readCsv } from './csvTable';
import { finishPerson } from './person';
import { ProblemList } from './problems';

export { CSV_FIELDS, proposeCsvMapping, type CsvField, type CsvMapping } from './csvMapping';

/** How far into the file a header row is looked for (LinkedIn puts a few "Notes:" lines before it). */
const HEADER_SEARCH_ROWS = 20;

function lower(cells: readonly string[]): string[] {
  return cells.map((c) => c.trim().toLowerCase());
}

export function isLinkedInHeader(cells: readonly string[]): boolean {
  const h = lower(cells);
  return (
    h.includes('first name') && h.includes('last name') && (h.includes('connected on') || h.includes('url'))
  );
}

/** Old layout: "Name,Given Name,…,E-mail 1 - Value"; new: "First Name,Middle Name,Last Name,…,E-mail 1 - Value". */
export function isGoogleHeader(cells: readonly string[]): boolean {
  const h = lower(cells);
  const googleValues = h.some((c) => /^(e-mail|phone) \d+ - value$/.test(c));
  return googleValues && (h.includes('given name') || (h.includes('first name') && h.includes('last name')));
}

/** Index of the header row: a LinkedIn header after its preamble, else the first row with at least two cells. */
function headerIndex(rows: readonly CsvRow[]): number {
  const limit = Math.min(rows.length, HEADER_SEARCH_ROWS);
  for (let i = 0; i < limit; i++) if (isLinkedInHeader(rows[i]?.cells ?? [])) return i;
  for (let i = 0; i < limit; i++)
    if ((rows[i]?.cells.filter((c) => c.trim() !== '').length ?? 0) >= 2) return i;
  return rows.length > 0 ? 0 : -1;
}

/** What the column-mapping step shows: the header, a guessed mapping and the first rows. */
export interface CsvPreview {
  header: string[];
  headerLine: number;
  delimiter: string;
  mapping: CsvMapping;
  sample: string[][];
}

export function previewCsv(file: string, text: string, delimiter = ''): CsvPreview {
  const table = readCsv(text, { delimiter, limit: HEADER_SEARCH_ROWS + 5 });
  const at = headerIndex(table.rows);
  const headerRow = table.rows[at];
  if (!headerRow) throw new ImportError(file, 'the file holds no rows.');
  const header = headerRow.cells.map((c) => cut(cleanLine(c), 200));
  return {
    header,
    headerLine: headerRow.line,
    delimiter: table.delimiter,
    mapping: proposeCsvMapping(header),
    sample: table.rows.slice(at + 1, at + 6).map((r) => r.cells.map((c) => cut(cleanLine(c), 200))),
  };
}

interface CsvImportOptions {
  format: ImportFormat;
  delimiter: string;
  /** Given by the UI for generic CSV; LinkedIn and Google use the proposed mapping. */
  mapping?: CsvMapping;
  extraTags?: string[];
  expectHeader?: (cells: readonly string[]) => boolean;
  expectedLabel?: string;
}

function importRows(file: string, text: string, options: CsvImportOptions): ParsedImport {
  const { rows } = readCsv(text, { delimiter: options.delimiter });
  const at = headerIndex(rows);
  const headerRow = rows[at];
  if (!headerRow) throw new ImportError(file, 'the file holds no rows.');
  if (options.expectHeader && !options.expectHeader(headerRow.cells)) {
    throw new ImportError(
      file,
      `no ${options.expectedLabel} header row found in the first ${HEADER_SEARCH_ROWS} rows.`,
    );
  }
  const header = headerRow.cells;
  const mapping = options.mapping ?? proposeCsvMapping(header);
  const wrong = mappingProblem(header, mapping, { file, record: 0, line: headerRow.line });
  if (wrong) throw new ImportError(file, wrong, headerRow.line);

  const problems = new ProblemList('row');
  const people: PersonCandidate[] = [];
  for (let i = at + 1; i < rows.length; i++) {
    const row = rows[i];
    if (!row) continue;
    const ref = { file, record: i - at, line: row.line };
    if (row.error) {
      problems.add(ref, `could not be read (${row.error}); skipped.`);
      continue;
    }
    if (row.cells.length > header.length && row.cells.slice(header.length).some((c) => c.trim() !== '')) {
      problems.add(
        ref,
        `has ${row.cells.length} fields but the header has ${header.length}; the extra fields were left out.`,
      );
    } else if (row.cells.length < header.length && row.cells.length > 1) {
      problems.add(
        ref,
        `has ${row.cells.length} of ${header.length} fields (cut short?); the missing ones are empty.`,
      );
    }
    const raw = rowToPerson(header, mapping, row.cells);
    if (options.extraTags) raw.tags = [...(raw.tags ?? []), ...options.extraTags];
    const person = finishPerson(raw, ref, problems);
    if (person) people.push(person);
  }
  return { format: options.format, people, encounters: [], problems: problems.done() };
}

/** LinkedIn's Connections.csv: preamble lines, then First Name, Last Name, URL, Email Address, Company, Position, Connected On. */
export function importLinkedInCsv(file: string, text: string): ParsedImport {
  return importRows(file, text, {
    format: 'linkedin-csv',
    delimiter: ',',
    extraTags: ['LinkedIn'],
    expectHeader: isLinkedInHeader,
    expectedLabel: 'LinkedIn (First Name, Last Name, URL, …)',
  });
}

/** Google Contacts' CSV export, old or new layout. */
export function importGoogleCsv(file: string, text: string): ParsedImport {
  return importRows(file, text, {
    format: 'google-csv',
    delimiter: ',',
    expectHeader: isGoogleHeader,
    expectedLabel: 'Google Contacts (… E-mail 1 - Value …)',
  });
}

/** Any CSV, through the mapping the user confirmed (one field per header column; see previewCsv). */
export function importCsv(file: string, text: string, mapping: CsvMapping, delimiter = ''): ParsedImport {
  return importRows(file, text, { format: 'csv', delimiter, mapping });
}
