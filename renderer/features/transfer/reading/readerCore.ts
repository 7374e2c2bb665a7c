import {
  BackupError,
  checkFileSize,
  checkParsedCount,
  checkRecordCount,
  decodeText,
  detectFormat,
  importText,
  parseBackup,
  previewCsv,
  type FilePurpose,
} from '../../../../shared/transfer';
import type { FileData, FromReader, ReaderFailure, ReadPhase, ToReader } from './protocol';

type Post = (message: FromReader) => void;

function failure(error: unknown): ReaderFailure {
  if (error instanceof BackupError) return { name: error.name, message: error.message, issues: error.issues };
  if (error instanceof Error) return { name: error.name, message: error.message };
  return { name: 'Error', message: String(error) };
}

/**
 * Everything the file reader worker does, as a plain function of its messages: reader.worker.ts only
 * wires it to postMessage, and tests (and pages without workers) drive it directly. One import at a
 * time: opening a file forgets the previous one.
 */
export function createReaderCore(post: Post): { handle(message: ToReader): Promise<void> } {
  let session: { name: string; text: string } | null = null;

  /**
   * The file's text. The bytes are taken out of the message, so once decoded nothing holds them: at
   * most one copy of the file beside its text, and only while it is decoded.
   */
  async function textOf(
    message: { name: string; data: FileData | null },
    purpose: FilePurpose,
    progress: (phase: ReadPhase) => void,
  ): Promise<string> {
    const { name, data } = message;
    if (!data) throw new Error(`${name} was already read.`);
    message.data = null;
    const size = data instanceof Uint8Array ? data.byteLength : data.size;
    checkFileSize(name, size, purpose);
    progress('loading');
    const bytes = data instanceof Uint8Array ? data : new Uint8Array(await data.arrayBuffer());
    progress('decoding');
    return decodeText(bytes).text;
  }

  const steps: {
    [K in ToReader['type']]: (
      m: Extract<ToReader, { type: K }>,
      progress: (phase: ReadPhase, done?: number, total?: number) => void,
    ) => Promise<unknown>;
  } = {
    'open-import': async (message, progress) => {
      session = null;
      const { name } = message;
      const text = await textOf(message, 'import', progress);
      session = { name, text };
      return { name, format: detectFormat(name, text), empty: text.trim() === '' };
    },
    'read-import': async ({ format, options }, progress) => {
      if (!session) throw new Error('No file is open: choose it again.');
      const { name, text } = session;
      progress('counting');
      checkRecordCount(name, format, text);
      progress('parsing');
      const parsed = importText(format, name, text, options);
      checkParsedCount(name, parsed);
      return parsed;
    },
    'csv-preview': async () => {
      if (!session) throw new Error('No file is open: choose it again.');
      return previewCsv(session.name, session.text);
    },
    'read-backup': async (message, progress) => {
      const text = await textOf(message, 'backup', progress);
      progress('checking');
      return parseBackup(text, { onProgress: ({ done, total }) => progress('checking', done, total) });
    },
  };

  return {
    async handle(message) {
      const { id } = message;
      const progress = (phase: ReadPhase, done?: number, total?: number) =>
        post({ type: 'progress', id, phase, ...(done === undefined ? {} : { done, total }) });
      try {
        const step = steps[message.type] as (m: ToReader, p: typeof progress) => Promise<unknown>;
        const value = await step(message, progress);
        post({ type: 'result', id, value: value as never });
      } catch (error) {
        post({ type: 'error', id, error: failure(error) });
      }
    },
  };
}
