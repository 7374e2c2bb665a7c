import { createHash } from 'node:crypto';
import type { StoredDoc, StoredJournal } from '../page/api';

/** `<collection>:<id>` → a hash of the document's content (every field, keys sorted). */
export type Fingerprints = Map<string, string>;

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function fingerprint(doc: object): string {
  return createHash('sha256').update(canonical(doc)).digest('hex').slice(0, 24);
}

/**
 * The device directory (settings `devices`): every device adds its own entry when it starts, so its
 * content depends on which devices have started by then, not on the fault under test. Its merge is
 * pinned by the sync tests.
 */
const DEVICE_DIRECTORY = 'settings:devices';

export function fingerprints(journal: StoredJournal | Record<string, object[]>): Fingerprints {
  const out: Fingerprints = new Map();
  for (const [collection, docs] of Object.entries(journal)) {
    for (const doc of docs as StoredDoc[]) {
      const key = `${collection}:${doc.id}`;
      if (key !== DEVICE_DIRECTORY) out.set(key, fingerprint(doc));
    }
  }
  return out;
}

export function counts(journal: StoredJournal | Record<string, object[]>): Record<string, number> {
  return Object.fromEntries(Object.entries(journal).map(([name, docs]) => [name, docs.length]));
}

export function total(journal: StoredJournal | Record<string, object[]>): number {
  return Object.values(journal).reduce((sum, docs) => sum + docs.length, 0);
}

/** "people 151, encounters 600" (collections with documents only). */
export function countsText(journal: StoredJournal | Record<string, object[]>): string {
  return Object.entries(counts(journal))
    .filter(([, n]) => n > 0)
    .map(([name, n]) => `${name} ${n.toLocaleString('en-US')}`)
    .join(', ');
}

export interface Difference {
  /** In the reference, absent from the journal. */
  missing: string[];
  /** In both, with other content. */
  changed: string[];
  /** In the journal, absent from the reference. */
  extra: string[];
}

/**
 * How `actual` differs from `reference`. Documents named in `loose` may differ in content (e.g. the
 * owner, which every device creates and sync merges), not in presence.
 */
export function diff(
  reference: Fingerprints,
  actual: Fingerprints,
  loose: readonly string[] = [],
): Difference {
  const out: Difference = { missing: [], changed: [], extra: [] };
  for (const [key, hash] of reference) {
    const found = actual.get(key);
    if (found === undefined) out.missing.push(key);
    else if (found !== hash && !loose.includes(key)) out.changed.push(key);
  }
  for (const key of actual.keys()) if (!reference.has(key)) out.extra.push(key);
  return out;
}

export function same(d: Difference): boolean {
  return d.missing.length + d.changed.length + d.extra.length === 0;
}

/** "3 missing, 1 changed (people:ab12…)". */
export function describeDiff(d: Difference): string {
  const parts = [
    d.missing.length && `${d.missing.length} missing`,
    d.changed.length && `${d.changed.length} changed`,
    d.extra.length && `${d.extra.length} extra`,
  ].filter(Boolean);
  if (parts.length === 0) return 'identical';
  const example = d.missing[0] ?? d.changed[0] ?? d.extra[0];
  return `${parts.join(', ')} (e.g. ${example})`;
}

/** The owner document: every device creates one and sync merges them, so its stamps may differ. */
export const OWNER_KEY = 'people:owner';

/** A document by collection and id. */
export function findDoc(journal: StoredJournal, collection: string, id: string): StoredDoc | undefined {
  return journal[collection]?.find((doc) => doc.id === id);
}
