import type { QuarantinedDocument, QuarantineSource } from '../../../shared/db';

const NOUNS: Record<string, string> = {
  people: 'A person',
  encounters: 'An encounter',
  communities: 'A community',
  ties: 'A tie',
  followups: 'A follow-up',
  settings: 'A setting',
};

/** “An encounter (id e1)”: the collection as the source named it, which may be one Kith does not know. */
export function setAsideTitle(entry: QuarantinedDocument): string {
  const noun = NOUNS[entry.collection] ?? `A document for “${entry.collection}”`;
  return entry.docId ? `${noun} (id ${entry.docId})` : noun;
}

export const SOURCE_WORDS: Record<QuarantineSource, string> = {
  sync: 'sync',
  backup: 'a backup',
  import: 'an import',
};

/** What the person can do about an entry, by where it came from. */
export const WHAT_TO_DO: Record<QuarantineSource, string> = {
  // Sync repairs the server by itself where it can (shared/sync writeOwnCopies): say so, so the person
  // does not go and re-enter what this device already put back.
  sync:
    'It came from the sync server: another device wrote it against the journal’s rules, or the server’s ' +
    'copy was damaged, forged or rolled back. Where this device has its own copy, Kith writes that copy ' +
    'back to the server by itself. Otherwise correct it on the device that wrote it (or update Kith ' +
    'there): a valid version replaces this entry by itself. Save a copy if you want to keep what it ' +
    'held, then Discard.',
  backup:
    'It was in a backup you restored; everything else in the backup was restored without it. Save a copy ' +
    'if you want to keep what it held, then Discard.',
  import:
    'It was in a file you imported; everything else was imported without it. Correct the file and import ' +
    'it again, or Discard.',
};

const WHEN = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** "7 Dec 2026, 08:10"; never throws, whatever the entry holds. */
export function whenText(ms: number): string {
  const date = new Date(ms);
  return Number.isFinite(date.getTime()) ? WHEN.format(date) : 'at an unknown time';
}

/** A file name that says what the copy is; the id may hold anything a hostile source sent. */
export function copyFileName(entry: QuarantinedDocument): string {
  const safe = (text: string) => text.replace(/[^A-Za-z0-9_-]+/g, '_').slice(0, 60) || 'document';
  return `kith-set-aside-${safe(entry.collection)}-${safe(entry.docId)}.json`;
}

/**
 * The file "Save a copy" writes: what arrived (parsed when it is JSON, as text otherwise) with where it
 * came from and why it was set aside, so the copy explains itself.
 */
export function copyContent(entry: QuarantinedDocument, raw: string | null): string {
  let arrived: unknown = null;
  if (raw) {
    try {
      arrived = JSON.parse(raw) as unknown;
    } catch {
      arrived = raw;
    }
  }
  const { key: _key, at, ...about } = entry;
  const when = new Date(at);
  const setAsideAt = Number.isFinite(when.getTime()) ? when.toISOString() : null;
  return `${JSON.stringify({ kith: 'set-aside', ...about, setAsideAt, arrived }, null, 2)}\n`;
}
