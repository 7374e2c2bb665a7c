import {
  BackupError,
  FileTooLargeError,
  type CsvPreview,
  type ImportFormat,
  type ImportOptions,
  type ParsedBackup,
  type ParsedImport,
} from '../../../../shared/transfer';
import type { PickedFile } from '../../../platform';
import type { FromReader, OpenedImport, ReaderResults, ReadPhase, ToReader } from './protocol';
import { defaultReaderTransport, type ReaderTransport, type ReaderTransportFactory } from './transport';

export type { OpenedImport, PickedFile, ReadPhase };

export interface ReadProgress {
  phase: ReadPhase;
  done?: number;
  total?: number;
}

/** The person pressed Cancel while a file was being read. */
export class ReadCancelledError extends Error {
  constructor() {
    super('Cancelled.');
    this.name = 'ReadCancelledError';
  }
}

type Distribute<T> = T extends { type: infer K }
  ? K extends keyof ReaderResults
    ? Omit<T, 'id'>
    : never
  : never;
type Request = Distribute<ToReader>;

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
  onProgress?: (progress: ReadProgress) => void;
}

function rebuild(error: { name: string; message: string; issues?: BackupError['issues'] }): Error {
  if (error.name === 'BackupError' && error.issues) {
    const rebuilt = new BackupError(error.issues);
    rebuilt.message = error.message;
    return rebuilt;
  }
  if (error.name === 'FileTooLargeError') return new FileTooLargeError(error.message);
  const rebuilt = new Error(error.message);
  rebuilt.name = error.name;
  return rebuilt;
}

/**
 * The page's side of the file reader: one worker per reader, started on first use, ended by
 * cancel() (which also rejects what is pending) or close(). The bytes of a desktop file are
 * transferred to the worker, not copied; a browser's File is handed over unread.
 */
export class FileReaderClient {
  private transport: ReaderTransport | null = null;
  private pending = new Map<number, Pending>();
  private nextId = 1;

  constructor(private readonly createTransport: ReaderTransportFactory = defaultReaderTransport) {}

  private ensure(): ReaderTransport {
    if (!this.transport) {
      const transport = this.createTransport();
      transport.listen(
        (message) => this.receive(message),
        (reason) => this.fail(new Error(`The file could not be read: ${reason}.`)),
      );
      this.transport = transport;
    }
    return this.transport;
  }

  private receive(message: FromReader): void {
    const pending = this.pending.get(message.id);
    if (!pending) return;
    if (message.type === 'progress') {
      pending.onProgress?.({ phase: message.phase, done: message.done, total: message.total });
      return;
    }
    this.pending.delete(message.id);
    if (message.type === 'result') pending.resolve(message.value);
    else pending.reject(rebuild(message.error));
  }

  private ask<K extends keyof ReaderResults>(
    request: Extract<Request, { type: K }>,
    onProgress?: (progress: ReadProgress) => void,
  ): Promise<ReaderResults[K]> {
    const transport = this.ensure();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject, onProgress });
      const message = { ...request, id } as ToReader;
      const data = 'data' in message ? message.data : null;
      // The desktop file's bytes move to the worker: the page keeps no copy of them.
      transport.post(message, data instanceof Uint8Array ? [data.buffer] : []);
    });
  }

  openImport(file: PickedFile, onProgress?: (p: ReadProgress) => void): Promise<OpenedImport> {
    return this.ask({ type: 'open-import', name: file.name, data: file.data }, onProgress);
  }

  readImport(
    format: ImportFormat,
    options: ImportOptions,
    onProgress?: (p: ReadProgress) => void,
  ): Promise<ParsedImport> {
    return this.ask({ type: 'read-import', format, options }, onProgress);
  }

  csvPreview(): Promise<CsvPreview> {
    return this.ask({ type: 'csv-preview' });
  }

  readBackup(file: PickedFile, onProgress?: (p: ReadProgress) => void): Promise<ParsedBackup> {
    return this.ask({ type: 'read-backup', name: file.name, data: file.data }, onProgress);
  }

  /** Ends the worker; what is pending rejects with `error`. */
  private fail(error: Error): void {
    this.transport?.terminate();
    this.transport = null;
    for (const p of this.pending.values()) p.reject(error);
    this.pending.clear();
  }

  /** Stops whatever is being read at once; what is pending rejects with ReadCancelledError. */
  cancel(): void {
    this.fail(new ReadCancelledError());
  }

  close(): void {
    this.cancel();
  }
}
