import type {
  BackupIssue,
  CsvPreview,
  ImportFormat,
  ImportOptions,
  ParsedBackup,
  ParsedImport,
} from '../../../../shared/transfer';

/**
 * Messages between the page and the file reader worker. The page hands over a picked file (a Blob in
 * a browser, whose bytes the page never reads; the desktop dialog's bytes, transferred, not copied)
 * and gets back what the importers or parseBackup made of it. The worker keeps an import's decoded
 * text for the steps after it (the CSV columns, another format), so the page never holds it.
 */

export type FileData = Blob | Uint8Array;

export type ReadPhase = 'loading' | 'decoding' | 'counting' | 'parsing' | 'checking';

export interface OpenedImport {
  name: string;
  /** Detected from the content, then the name; null when nothing fits (the person chooses). */
  format: ImportFormat | null;
  /** Nothing but white space. */
  empty: boolean;
}

export type ToReader =
  | { type: 'open-import'; id: number; name: string; data: FileData }
  | { type: 'read-import'; id: number; format: ImportFormat; options: ImportOptions }
  | { type: 'csv-preview'; id: number }
  | { type: 'read-backup'; id: number; name: string; data: FileData };

export interface ReaderResults {
  'open-import': OpenedImport;
  'read-import': ParsedImport;
  'csv-preview': CsvPreview;
  'read-backup': ParsedBackup;
}

/** An error as it crosses to the page: its class by name, and a backup's list of problems. */
export interface ReaderFailure {
  name: string;
  message: string;
  issues?: BackupIssue[];
}

export type FromReader =
  | { type: 'progress'; id: number; phase: ReadPhase; done?: number; total?: number }
  | { type: 'result'; id: number; value: ReaderResults[keyof ReaderResults] }
  | { type: 'error'; id: number; error: ReaderFailure };
