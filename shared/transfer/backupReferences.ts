import { COLLECTION_NOUNS, type CollectionName, type Doc } from '../db/collections';
import { OWNER_ID } from '../db/ids';
import { idsIn, REFERENCE_RULES } from '../db/references';
import type { ValidationIssue } from '../domain/validation';

/**
 * After a restore every reference must resolve: a person must not be met in an encounter that is not
 * there, a tie must have both its ends. A backup document that refers to a document the journal will
 * not have after the restore — one set aside as invalid, or one that is neither in the backup nor
 * kept from the journal — is set aside too, with the reason; and so on, until nothing refers to a
 * missing document. Nothing is rewritten: the backup's documents are restored exactly as they are,
 * or not at all, and restoring a repaired file (merge) brings the set-aside ones back.
 *
 * What the journal keeps: merging, all of it; replacing, only the documents whose backup version is
 * set aside (the journal's own copy stays rather than the document being lost), and what those refer
 * to (see keptForReferences).
 */

export interface Unresolved {
  collection: CollectionName;
  id: string;
  issues: ValidationIssue[];
}

type Ids = Partial<Record<CollectionName, ReadonlySet<string>>>;

export interface ResolveInput {
  /** The backup's valid documents, by collection. */
  incoming: Record<CollectionName, readonly Doc[]>;
  /** Ids set aside before this (invalid documents), by collection. */
  setAside: Record<CollectionName, ReadonlySet<string>>;
  /** The journal's ids, by collection. */
  journal: Ids;
  mode: 'merge' | 'replace';
}

/** The backup documents that must be set aside so that nothing refers to a missing document. */
export function unresolvedReferences({ incoming, setAside, journal, mode }: ResolveInput): Unresolved[] {
  const present = {} as Record<CollectionName, Set<string>>;
  for (const [collection, docs] of Object.entries(incoming) as [CollectionName, readonly Doc[]][]) {
    present[collection] = new Set(docs.map((d) => d.id));
  }
  const gone = new Map<CollectionName, Set<string>>(
    (Object.entries(setAside) as [CollectionName, ReadonlySet<string>][]).map(([c, ids]) => [
      c,
      new Set(ids),
    ]),
  );
  const kept = (collection: CollectionName, id: string) =>
    !!journal[collection]?.has(id) && (mode === 'merge' || !!gone.get(collection)?.has(id));
  // A document moves from `present` to `gone` only when set aside, which never changes whether it
  // exists: the journal's copy, when there is one, is kept in its place.
  const exists = (collection: CollectionName, id: string) =>
    !!present[collection]?.has(id) || kept(collection, id);
  const why = (collection: CollectionName, id: string) =>
    gone.get(collection)?.has(id)
      ? 'which could not be restored either'
      : mode === 'merge'
        ? 'which is neither in the backup nor in this journal'
        : 'which is not in the backup';

  const out: Unresolved[] = [];
  // Each pass can only remove documents, so this ends; a chain of n references takes n passes.
  for (let changed = true; changed;) {
    changed = false;
    for (const [collection, rules] of Object.entries(REFERENCE_RULES) as [
      CollectionName,
      typeof REFERENCE_RULES.people,
    ][]) {
      for (const doc of incoming[collection] ?? []) {
        if (!present[collection]?.has(doc.id)) continue;
        const issues: ValidationIssue[] = [];
        for (const rule of rules ?? []) {
          for (const id of idsIn(rule, doc as unknown as Record<string, unknown>)) {
            if ((rule.target === 'people' && id === OWNER_ID) || exists(rule.target, id)) continue;
            issues.push({
              path: rule.field,
              message: `It refers to ${COLLECTION_NOUNS[rule.target].one} “${id}”, ${why(rule.target, id)}.`,
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

/**
 * Replace: the journal documents that the journal keeps (`kept`, whose backup version was set aside)
 * refer to, and that the backup lacks, are kept too, and so on: a kept encounter must not lose the
 * person it was with. `journal`: the journal's documents; `restored`: the ids the backup writes.
 * Returns the ids to keep besides `kept`, by collection.
 */
export function keptForReferences(
  journal: Record<CollectionName, ReadonlyMap<string, Doc>>,
  kept: Record<CollectionName, ReadonlySet<string>>,
  restored: Record<CollectionName, ReadonlySet<string>>,
): Record<CollectionName, Set<string>> {
  const extra = Object.fromEntries(Object.keys(journal).map((c) => [c, new Set<string>()])) as Record<
    CollectionName,
    Set<string>
  >;
  let next = (Object.entries(kept) as [CollectionName, ReadonlySet<string>][]).flatMap(([c, ids]) =>
    [...ids].map((id) => [c, id] as const),
  );
  while (next.length > 0) {
    const found: (readonly [CollectionName, string])[] = [];
    for (const [collection, id] of next) {
      const doc = journal[collection].get(id);
      if (!doc) continue;
      for (const rule of REFERENCE_RULES[collection] ?? []) {
        for (const target of idsIn(rule, doc as unknown as Record<string, unknown>)) {
          const t = rule.target;
          if (
            !journal[t].has(target) ||
            restored[t].has(target) ||
            kept[t].has(target) ||
            extra[t].has(target)
          )
            continue;
          extra[t].add(target);
          found.push([t, target]);
        }
      }
    }
    next = found;
  }
  return extra;
}
