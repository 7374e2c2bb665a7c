import type { CollectionName, Doc, DocByCollection, KithDatabase } from './collections';
import type { ChangeEntry } from './change';
import { latestStamp, nextStamp } from './clock';
import type { Content } from './content';
import { trackedDocument } from './documents';
import { changedFields, stampChanges } from './fieldTimes';
import { newId } from './ids';

type CollectionContent<K extends CollectionName> = Content<DocByCollection[K]>;

/**
 * Collects the documents one user action will write, stamped with one time, before anything is
 * written. Touching a document twice keeps its original `before`, so undo restores the true
 * original.
 */
export class Plan {
  private readonly entries = new Map<string, ChangeEntry>();
  private ms: number;
  private stamp: string;

  constructor(private readonly db: KithDatabase) {
    ({ ms: this.ms, stamp: this.stamp } = nextStamp(db));
  }

  /**
   * One action, one stamp, after every stamp on what it edits: when `stored` carries a stamp as new
   * as the plan's (a faster device's edit this clock has not seen), the whole plan moves to a later
   * stamp, so the edit never looks older than what it replaces.
   */
  private stampAfter(stored: object): void {
    if (latestStamp([stored]) < this.ms) return;
    const old = { ms: this.ms, stamp: this.stamp };
    ({ ms: this.ms, stamp: this.stamp } = nextStamp(this.db, [stored]));
    for (const e of this.entries.values()) {
      const doc = e.after as (Doc & { fieldTimes: Record<string, string> }) | null;
      if (!doc) continue;
      const fieldTimes = Object.fromEntries(
        Object.entries(doc.fieldTimes).map(([f, s]) => [f, s === old.stamp ? this.stamp : s]),
      );
      e.after = {
        ...doc,
        ...(doc.createdAt === old.ms && e.before === null ? { createdAt: this.ms } : {}),
        ...(doc.updatedAt === old.ms ? { updatedAt: this.ms } : {}),
        fieldTimes,
      } as Doc;
    }
  }

  private key(collection: CollectionName, id: string): string {
    return `${collection}/${id}`;
  }

  /** The document as this plan will leave it (null if the plan removes it, undefined if untouched). */
  current<K extends CollectionName>(collection: K, id: string): DocByCollection[K] | null | undefined {
    const e = this.entries.get(this.key(collection, id));
    return e ? (e.after as DocByCollection[K] | null) : undefined;
  }

  create<K extends CollectionName>(
    collection: K,
    content: CollectionContent<K>,
    id: string = newId(),
  ): DocByCollection[K] {
    const doc = trackedDocument(id, content, { ms: this.ms, stamp: this.stamp }) as DocByCollection[K];
    this.entries.set(this.key(collection, id), { collection, id, before: null, after: doc });
    return doc;
  }

  update<K extends CollectionName>(
    collection: K,
    stored: DocByCollection[K],
    patch: Partial<CollectionContent<K>>,
  ): DocByCollection[K] {
    const existing = this.entries.get(this.key(collection, stored.id));
    const base = (existing?.after ?? stored) as DocByCollection[K];
    const next = { ...base, ...patch } as DocByCollection[K];
    if (changedFields(base, next).length === 0) return base;
    this.stampAfter(stored);
    const after = {
      ...next,
      updatedAt: this.ms,
      fieldTimes: stampChanges(base, next, this.stamp),
    } as DocByCollection[K];
    this.entries.set(this.key(collection, stored.id), {
      collection,
      id: stored.id,
      before: existing ? existing.before : stored,
      after,
    });
    return after;
  }

  remove<K extends CollectionName>(collection: K, stored: DocByCollection[K]): void {
    const existing = this.entries.get(this.key(collection, stored.id));
    if (existing && existing.before === null) {
      // Created and removed in one action: nothing to write at all.
      this.entries.delete(this.key(collection, stored.id));
      return;
    }
    this.entries.set(this.key(collection, stored.id), {
      collection,
      id: stored.id,
      before: existing ? existing.before : (stored as Doc),
      after: null,
    });
  }

  toEntries(): ChangeEntry[] {
    return [...this.entries.values()];
  }
}
