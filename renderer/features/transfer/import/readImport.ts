import type { CsvPreview, ImportFormat, ImportOptions } from '../../../../shared/transfer';
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

/**
 * A picked file as the steps know it: its name only. Its text stays in the file reader worker
 * (../reading), which decodes it (UTF-8/16 or Latin-1, with or without BOM) and runs the importers.
 */
export interface LoadedFile {
  name: string;
}

/** What the steps between picking and the preview add: CSV columns, or a calendar's dates. */
export interface StepOptions {
  csv?: CsvChoice;
  range?: { from: string; to: string };
}

/** The first rows and Kith's guess of the columns of a generic CSV, or why they cannot be shown. */
export type CsvColumns = { ok: true; preview: CsvPreview } | { ok: false; message: string };

/** The importers' options for what the steps chose. */
export function importOptions(options: StepOptions): ImportOptions {
  return { mapping: options.csv?.mapping, delimiter: options.csv?.delimiter, range: options.range };
}
