import Papa from 'papaparse';
import { stripBom } from '../decode';

/** One CSV record with the file line it starts on (a quoted field may span several lines). */
export interface CsvRow {
  cells: string[];
  line: number;
  /** Papa Parse's complaint about this record, if any (e.g. a quoted field never closed). */
  error: string;
}

export interface CsvTable {
  rows: CsvRow[];
  delimiter: string;
}

export interface ReadCsvOptions {
  /** '' or absent: guessed by Papa Parse from the first rows. */
  delimiter?: string;
  /** Read only this many records (for the mapping step's preview). */
  limit?: number;
}

/**
 * Parses CSV text with Papa Parse, recording the line each record starts on. Blank lines are skipped. Linear in
 * the size of the text: the line counter only moves forward.
 */
export function readCsv(text: string, options: ReadCsvOptions = {}): CsvTable {
  const source = stripBom(text);
  const rows: CsvRow[] = [];
  let pos = 0;
  let line = 1;
  const advance = (to: number) => {
    for (; pos < to && pos < source.length; pos++) {
      const c = source.charCodeAt(pos);
      if (c === 10 || (c === 13 && source.charCodeAt(pos + 1) !== 10)) line++;
    }
  };
  let delimiter = options.delimiter ?? '';
  const result = Papa.parse(source, {
    delimiter,
    skipEmptyLines: 'greedy',
    ...(options.limit ? { preview: options.limit } : {}),
    step: (step) => {
      // Skip the blank lines Papa Parse passed over to find where this record starts.
      let start = pos;
      while (start < source.length && /[\r\n\s]/.test(source.charAt(start))) start++;
      advance(start);
      const error = step.errors[0];
      rows.push({
        cells: step.data,
        line,
        error: !error
          ? ''
          : error.code === 'MissingQuotes'
            ? 'a quoted field is never closed, so the rest of the file was read into it'
            : error.message,
      });
      advance(step.meta.cursor);
      delimiter = step.meta.delimiter;
    },
  });
  return { rows, delimiter: delimiter || result.meta.delimiter || ',' };
}
