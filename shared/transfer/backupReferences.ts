import { COLLECTION_NOUNS, type CollectionName, type Doc } from '../db/collections';
import { OWNER_ID } from '../db/ids';
import type { ValidationIssue } from '../domain/validation';

/**
 * After a restore every reference must resolve: a person must not be met in an encounter that is not
 * there, a tie must have both its ends. A backup document that refers to a document the journal will
 * not have after the restore — one set aside as invalid, or one that is neither in the backup nor
 * (when merging) in the journal — is set aside too, with the reason; and so on, until nothing refers
 * to a missing document. Nothing is rewritten: the backup's documents are restored exactly as they
 * are, or not at all, and restoring a repaired file (merge) brings the set-aside ones back.
 */

interface Reference {
  field: string;
  target: CollectionName;
  /** The ids it refers to ('' is "none" and never missing). */
  ids(doc: Record<string, unknown>): unknown[];
}

const one = (field: string) => (doc: Record<string, unknown>) => [doc[field]];
const many = (field: string) => (doc: Record<string, unknown>) =>
  Array.isArray(doc[field]) ? (doc[field] as unknown[]) : [];

const REFERENCES: Partial<Record<CollectionName, Reference[]>> = {
  people: [
    { field: 'introducedById', target: 'people', ids: one('introducedById') },
    { field: 'communityIds', target: 'communities', ids: many('communityIds') },
  ],
  encounters: [
    { field: 'participantIds', target: 'people', ids: many('participantIds') },
    { field: 'initiatorId', target: 'people', ids: one('initiatorId') },
    { field: 'communityId', target: 'communities', ids: one('communityId') },
  ],
  ties: [
    { field: 'aId', target: 'people', ids: one('aId') },
    { field: 'bId', target: 'people', ids: one('bId') },
  ],
  followups: [
    { field: 'personId', target: 'people', ids: one('personId') },
    { field: 'encounterId', target: 'encounters', ids: one('encounterId') },
  ],
};

export interface Unresolved {
  collection: CollectionName;
  id: string;
  issues: ValidationIssue[];
}

export interface ResolveInput {
  /** The backup's valid documents, by collection. */
  incoming: Record<CollectionName, readonly Doc[]>;
  /** Ids set aside before this (invalid documents), by collection. */
  setAside: Record<CollectionName, ReadonlySet<string>>;
  /** Merge: the journal's ids, which it keeps whatever the backup holds. Replace: none (nothing is kept). */
  kept: Partial<Record<CollectionName, ReadonlySet<string>>>;
}

/** The backup documents that must be set aside so that nothing refers to a missing document. */
export function unresolvedReferences({ incoming, setAside, kept }: ResolveInput): Unresolved[] {
  const present = {} as Record<CollectionName, Set<string>>;
  for (const [collection, docs] of Object.entries(incoming) as [CollectionName, readonly Doc[]][]) {
    present[collection] = new Set(docs.map((d) => d.id));
  }
  const exists = (collection: CollectionName, id: string) =>
    present[collection]?.has(id) || kept[collection]?.has(id);
  const gone = new Map<CollectionName, Set<string>>(
    (Object.entries(setAside) as [CollectionName, ReadonlySet<string>][]).map(([c, ids]) => [
      c,
      new Set(ids),
    ]),
  );
  const why = (collection: CollectionName, id: string) =>
    gone.get(collection)?.has(id)
      ? 'which could not be restored either'
      : Object.keys(kept).length > 0
        ? 'which is neither in the backup nor in this journal'
        : 'which is not in the backup';

  const out: Unresolved[] = [];
  // Each pass can only remove documents, so this ends; a chain of n references takes n passes.
  for (let changed = true; changed;) {
    changed = false;
    for (const [collection, refs] of Object.entries(REFERENCES) as [CollectionName, Reference[]][]) {
      for (const doc of incoming[collection] ?? []) {
        if (!present[collection]?.has(doc.id)) continue;
        const issues: ValidationIssue[] = [];
        for (const ref of refs) {
          for (const id of ref.ids(doc as unknown as Record<string, unknown>)) {
            if (typeof id !== 'string' || id === '' || (ref.target === 'people' && id === OWNER_ID)) continue;
            if (exists(ref.target, id)) continue;
            issues.push({
              path: ref.field,
              message: `It refers to ${COLLECTION_NOUNS[ref.target].one} “${id}”, ${why(ref.target, id)}.`,
            });
          }
        }
        if (issues.length > 0) {
          present[collection]?.delete(doc.id);
          gone.set(collection, (gone.get(collection) ?? new Set()).add(doc.id));
          out.push({ collection, id: doc.id, issues });
          changed = true;
        }
      }
    }
  }
  return out;
}
