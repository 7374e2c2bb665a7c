/**
 * The importers: bytes → text (../decode), text → candidates for the preview. Each importer lists bad records as
 * problems and throws ImportError only for a file it cannot read at all.
 */
import type { ImportFormat, ParsedImport } from '../candidates';
import { importCsv, importGoogleCsv, importLinkedInCsv, type CsvMapping } from './csv';
import { type IcsOptions, importIcs } from './ics';
import { importVcard } from './vcard';

export { detectFormat } from './detect';
export { importVcard } from './vcard';
export { importIcs, type IcsOptions } from './ics';
export {
  CSV_FIELDS,
  importCsv,
  importGoogleCsv,
  importLinkedInCsv,
  previewCsv,
  proposeCsvMapping,
  type CsvField,
  type CsvMapping,
  type CsvPreview,
} from './csv';

export interface ImportOptions {
  /** Generic CSV only: one field per header column (from previewCsv, as the user corrected it). */
  mapping?: CsvMapping;
  delimiter?: string;
  /** .ics only. */
  range?: IcsOptions;
}

/** One entry point for the UI: the format detected (or chosen) and the options that format needs. */
export function importText(
  format: ImportFormat,
  file: string,
  text: string,
  options: ImportOptions = {},
): ParsedImport {
  switch (format) {
    case 'vcard':
      return importVcard(file, text);
    case 'linkedin-csv':
      return importLinkedInCsv(file, text);
    case 'google-csv':
      return importGoogleCsv(file, text);
    case 'csv':
      if (!options.mapping)
        throw new Error('importText: a generic CSV needs a column mapping (see previewCsv).');
      return importCsv(file, text, options.mapping, options.delimiter ?? '');
    case 'ics':
      if (!options.range) throw new Error('importText: an .ics import needs a date range.');
      return importIcs(file, text, options.range);
  }
}
