import { formatBytes } from '../domain/bytes';
import { COLLECTION_NOUNS, type CollectionName } from './collections';

/**
 * The storage's "disk is full": IndexedDB raises a DOMException named QuotaExceededError (code 22),
 * Dexie passes it on as its own QuotaExceededError or as the `inner` of an AbortError, and RxDB may
 * wrap it again (`parameters.error`, `cause`). Any of those, at any depth.
 */
export function isStorageFull(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 5) return false;
  const e = error as { name?: unknown; code?: unknown; message?: unknown } & Record<string, unknown>;
  if (e.name === 'QuotaExceededError' || (e.name !== undefined && e.code === 22)) return true;
  if (typeof e.message === 'string' && /QuotaExceeded/.test(e.message)) return true;
  const params = e.parameters as Record<string, unknown> | undefined;
  return [e.inner, e.cause, params?.error, params?.errors].some((inner) =>
    Array.isArray(inner) ? inner.some((i) => isStorageFull(i, depth + 1)) : isStorageFull(inner, depth + 1),
  );
}

/** '18,000 people and 2 encounters' (collections in the order given; none: '0 documents'). */
export function describeCounts(counts: Partial<Record<CollectionName, number>>): string {
  const parts = (Object.entries(counts) as [CollectionName, number][])
    .filter(([, n]) => n > 0)
    .map(
      ([c, n]) =>
        `${n.toLocaleString('en-US')} ${n === 1 ? COLLECTION_NOUNS[c].one : COLLECTION_NOUNS[c].many}`,
    );
  if (parts.length === 0) return '0 documents';
  return parts.length === 1 ? (parts[0] as string) : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

/** What a bulk write was, in the words of the messages: 'importing contacts.vcf'. */
export interface WriteDescription {
  kind: 'import' | 'restore';
  /** The file's name, as the person picked it. */
  source: string;
  /** A restore's mode. */
  mode?: 'merge' | 'replace';
}

function doing(d: WriteDescription): string {
  return d.kind === 'import' ? `importing ${d.source}` : `restoring ${d.source}`;
}

/**
 * The storage filled up during a bulk write, and everything written was taken back: the journal is
 * exactly as before.
 */
export class StorageFullError extends Error {
  constructor(
    readonly description: WriteDescription,
    /** Documents written (and taken back) before the storage filled up. */
    readonly takenBack: number,
    options?: { cause?: unknown },
  ) {
    super(
      `The storage is full (QuotaExceededError) while ${doing(description)}. ` +
        (takenBack > 0
          ? `${takenBack === 1 ? 'The document' : `The ${takenBack.toLocaleString('en-US')} documents`} written before it filled up ${takenBack === 1 ? 'was' : 'were'} taken back, so the journal is as it was. `
          : '') +
        'Free some space on this device and try again.',
      options,
    );
    this.name = 'StorageFullError';
  }
}

/** The write clearly cannot fit: refused before anything was written. */
export class NotEnoughRoomError extends Error {
  constructor(
    readonly description: WriteDescription,
    readonly neededBytes: number,
    readonly availableBytes: number,
  ) {
    super(
      `There is not enough room on this device to ${description.kind} ${description.source}: ` +
        `it needs at least ${formatBytes(neededBytes)} and Kith may use only about ${formatBytes(availableBytes)} more. ` +
        'Nothing was written. Free some space and try again.',
    );
    this.name = 'NotEnoughRoomError';
  }
}

/**
 * A bulk write failed and taking it back failed too (the storage is still full): part of it is
 * still in the journal. The intent record stays, so the next start (or retryPendingRollback) takes
 * it back; sync stays paused until then.
 */
export class RollbackPendingError extends Error {
  constructor(
    readonly description: WriteDescription,
    /** Documents of the write still in the journal, by collection. */
    readonly left: Partial<Record<CollectionName, number>>,
    options?: { cause?: unknown },
  ) {
    const full = isStorageFull(options?.cause);
    super(
      `${full ? 'The storage became full' : 'Saving failed'} while ${doing(description)}, and ` +
        `${describeCounts(left)} already written could not be taken back yet` +
        `${full ? ' because the storage is still full' : ''}. Kith will take them back the next time it starts, ` +
        'or when you press “Try again” after freeing some space. Until then sync is paused, so none of it leaves this device.',
      options,
    );
    this.name = 'RollbackPendingError';
  }
}

/** The copy of the journal kept before a bulk write (./safetyCopy) could not be kept: nothing was written. */
export class SafetyCopyError extends Error {
  constructor(
    readonly description: WriteDescription,
    cause: unknown,
  ) {
    super(
      `Kith could not keep a copy of the journal before ${doing(description)} ` +
        `(${cause instanceof Error ? cause.message : String(cause)}), so nothing was written. ` +
        'The copy is what puts the journal back should the browser lose its storage during the write. Try again; ' +
        'if this keeps happening, export a backup first.',
      { cause },
    );
    this.name = 'SafetyCopyError';
  }
}

/** Another window of this journal is importing or restoring right now. */
export class BulkWriteBusyError extends Error {
  constructor() {
    super(
      'Another Kith window is importing or restoring into this journal right now. Try again when it has finished.',
    );
    this.name = 'BulkWriteBusyError';
  }
}

/**
 * Whether `error` is one of the bulk write's own errors, whose message already says in full what
 * happened to the journal (the import and restore sections show it as it is, not after "Nothing was
 * imported:").
 */
export function saysWhatHappened(error: unknown): boolean {
  return [
    StorageFullError,
    NotEnoughRoomError,
    RollbackPendingError,
    BulkWriteBusyError,
    SafetyCopyError,
  ].some((kind) => error instanceof kind);
}
