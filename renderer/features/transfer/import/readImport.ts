import {
  decodeText,
  detectFormat,
  importText,
  type ImportFormat,
  type ParsedImport,
} from '../../../../shared/transfer';
import type { CsvChoice } from './ColumnMappingStep';

export const FORMAT_LABELS: Record<ImportFormat, string> = {
  vcard: 'Contacts (vCard, .vcf)',
  'linkedin-csv': 'LinkedIn connections (CSV)',
  'google-csv': 'Google Contacts (CSV)',
  csv: 'Another CSV file (you choose the columns)',
  ics: 'Calendar events (iCalendar, .ics)',
};

export const IMPORT_FILTERS = [
  { name: 'Contacts, CSV and calendars', extensions: ['vcf', 'vcard', 'csv', 'tsv', 'txt', 'ics', 'ical'] },
];

/** A picked file as text: the importers' decoder handles UTF-8/16 and Latin-1, with or without BOM. */
export interface LoadedFile {
  name: string;
  text: string;
}

/** What the steps between picking and the preview add: CSV columns, or a calendar's dates. */
export interface StepOptions {
  csv?: CsvChoice;
  range?: { from: string; to: string };
}

export function loadFile(name: string, bytes: Uint8Array): LoadedFile {
  return { name, text: decodeText(bytes).text };
}

/** The importer a file needs, from its content first, then its name; null when nothing fits. */
export function formatOf(file: LoadedFile): ImportFormat | null {
  return detectFormat(file.name, file.text);
}

/** Runs the importer for `format`; an unreadable file throws ImportError naming the file and line. */
export function readImport(file: LoadedFile, format: ImportFormat, options: StepOptions): ParsedImport {
  return importText(format, file.name, file.text, {
    mapping: options.csv?.mapping,
    delimiter: options.csv?.delimiter,
    range: options.range,
  });
}
