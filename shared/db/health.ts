import { INDEX_MAX, INDEX_MIN, prepareQuery, type PreparedQuery } from 'rxdb';
import type { ValidationIssue } from '../domain/validation';
import { checkStoredDocument, describeIssues } from './checkDocument';
import { COLLECTION_NAMES, type CollectionName, type KithDatabase } from './collections';
import { idsIn, REFERENCE_RULES, type ReferencedCollection, type ReferenceField } from './references';

/**
 * "Check the journal" (Settings › Data health): every stored document against the rules a document
 * must meet to be stored (checkStoredDocument), and every reference that points at nothing. Documents
 * written before those rules were enforced, or by an older or damaged Kith, can hold values the views
 * cannot show; this finds them so the person can open, fix or delete each one.
 *
 * The check is incremental (`JournalCheck.add` takes one page at a time) so the caller can read the
 * journal in pages and hand the main thread back between them; `checkJournal` drives it.
 */

export type { ReferencedCollection, ReferenceField } from './references';

interface ProblemBase {
  collection: CollectionName;
  docId: string;
  /** What the document is, in words: “Encounter “Coffee” on 2026-02-30”. */
  label: string;
  /** One sentence: what is wrong. */
  reason: string;
}

/** A document that breaks the journal's rules (a day that does not exist, no name …). */
export interface InvalidDocument extends ProblemBase {
  kind: 'invalid';
  issues: ValidationIssue[];
}

/** A reference to a document that is not in the journal. */
export interface DanglingReference extends ProblemBase {
  kind: 'dangling';
  field: ReferenceField;
  target: ReferencedCollection;
  /** The id named, which no document of `target` has. */
  missingId: string;
  /**
   * How to repair it: remove the reference, or delete the document when it cannot stand without it
   * (an encounter whose only participant is missing, a tie missing an end).
   */
  fix: 'remove-reference' | 'delete';
}

export type HealthProblem = InvalidDocument | DanglingReference;

interface Reference {
  collection: CollectionName;
  docId: string;
  field: ReferenceField;
  target: ReferencedCollection;
  id: string;
  /** The document cannot stand without this reference. */
  essential: boolean;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

const FIELD_WORDS: Record<ReferenceField, string> = {
  participantIds: 'A person met',
  initiatorId: 'Who initiated',
  communityId: 'The community',
  aId: 'One end of the tie',
  bId: 'One end of the tie',
  personId: 'The person',
  encounterId: 'The encounter',
  introducedById: 'Introduced by',
  communityIds: 'A community',
};

const TARGET_NOUN: Record<ReferencedCollection, string> = {
  people: 'person',
  communities: 'community',
  encounters: 'encounter',
};

/** The references a document holds, read defensively: the document may break its schema. */
function referencesOf(collection: CollectionName, d: Record<string, unknown>): Omit<Reference, 'docId'>[] {
  return (REFERENCE_RULES[collection] ?? []).flatMap((rule) => {
    const ids = idsIn(rule, d);
    // The last person met cannot be removed: an encounter is with someone.
    const essential = rule.essential || (rule.field === 'participantIds' && ids.length === 1);
    return ids.map((id) => ({ collection, field: rule.field, target: rule.target, id, essential }));
  });
}

/** “Encounter “Coffee” on 2026-02-30”, from whatever of the document is readable. */
function describeDocument(
  collection: CollectionName,
  d: Record<string, unknown>,
  nameOf: (id: string) => string,
): string {
  const quoted = (text: string) => (text.trim() === '' ? '' : ` “${text.trim().slice(0, 80)}”`);
  switch (collection) {
    case 'people':
      return `Person${quoted(str(d.name)) || ` ${str(d.id)}`}`;
    case 'encounters':
      return `Encounter${quoted(str(d.title))} on ${str(d.date) || 'no date'}`;
    case 'communities':
      return `Community${quoted(str(d.name)) || ` ${str(d.id)}`}`;
    case 'ties':
      return `Tie between ${nameOf(str(d.aId))} and ${nameOf(str(d.bId))}`;
    case 'followups':
      return `Follow-up${quoted(str(d.text)) || ` ${str(d.id)}`}`;
    case 'settings':
      return `Setting “${str(d.id)}”`;
  }
}

/** What the check found, and how much it read. */
export interface HealthReport {
  problems: HealthProblem[];
  checked: number;
}

/** The check itself, fed one page of stored documents at a time, in any order. */
export class JournalCheck {
  private readonly known: Record<ReferencedCollection, Set<string>> = {
    people: new Set(),
    communities: new Set(),
    encounters: new Set(),
  };
  private readonly names = new Map<string, string>();
  private readonly seen = new Set<string>();
  private readonly references: Reference[] = [];
  /** Invalid documents, labelled at the end (a tie's label needs its people's names). */
  private readonly invalid: {
    collection: CollectionName;
    doc: Record<string, unknown>;
    issues: ValidationIssue[];
  }[] = [];
  /** Documents holding a reference, kept by key only until the end for their labels. */
  private readonly holders = new Map<string, Record<string, unknown>>();
  checked = 0;

  /** Checks documents of `collection` as stored (without _rev, _meta, _deleted). */
  add(collection: CollectionName, docs: readonly unknown[]): void {
    for (const raw of docs) {
      const doc =
        raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
      const id = str(doc.id);
      // A document edited while the check runs is read again at the end (pages follow write order).
      const key = `${collection}/${id}`;
      if (id !== '' && this.seen.has(key)) continue;
      this.seen.add(key);
      this.checked += 1;
      if (collection === 'people' || collection === 'communities' || collection === 'encounters') {
        this.known[collection].add(id);
      }
      if (collection === 'people') this.names.set(id, str(doc.name) || id);
      const issues = checkStoredDocument(collection, raw);
      if (issues.length > 0) this.invalid.push({ collection, doc, issues });
      const refs = referencesOf(collection, doc);
      if (refs.length === 0) continue;
      for (const ref of refs) this.references.push({ ...ref, docId: id });
      this.holders.set(key, doc);
    }
  }

  /** Every problem: invalid documents first, then references to nothing, each in the order read. */
  finish(): HealthReport {
    const nameOf = (id: string) => this.names.get(id) ?? (id || 'nobody');
    const problems: HealthProblem[] = this.invalid.map(({ collection, doc, issues }) => ({
      kind: 'invalid',
      collection,
      docId: str(doc.id),
      label: describeDocument(collection, doc, nameOf),
      reason: describeIssues(issues),
      issues,
    }));
    for (const ref of this.references) {
      if (this.known[ref.target].has(ref.id)) continue;
      const doc = this.holders.get(`${ref.collection}/${ref.docId}`) ?? {};
      problems.push({
        kind: 'dangling',
        collection: ref.collection,
        docId: ref.docId,
        label: describeDocument(ref.collection, doc, nameOf),
        reason: `${FIELD_WORDS[ref.field]} is a ${TARGET_NOUN[ref.target]} that is not in the journal (id “${ref.id}”).`,
        field: ref.field,
        target: ref.target,
        missingId: ref.id,
        fix: ref.essential ? 'delete' : 'remove-reference',
      });
    }
    return { problems, checked: this.checked };
  }
}

/** Documents read from storage at a time: one short read transaction each. */
export const HEALTH_PAGE_SIZE = 500;
/** Documents checked between pauses: checking one is tens of microseconds, so a chunk stays a few ms. */
export const HEALTH_CHUNK_SIZE = 50;

type RawRow = Record<string, unknown> & { _deleted?: boolean; _meta?: { lwt?: number } };
type QueryPlan = PreparedQuery<RawRow>['queryPlan'];
type StorageOf = {
  schema: Parameters<typeof prepareQuery<RawRow>>[0] & { indexes?: (string | readonly string[])[] };
  query(prepared: PreparedQuery<RawRow>): Promise<{ documents: RawRow[] }>;
  count(prepared: PreparedQuery<RawRow>): Promise<{ count: number }>;
};

const storageOf = (db: KithDatabase, collection: CollectionName): StorageOf =>
  (db[collection] as unknown as { storageInstance: StorageOf }).storageInstance;

/** A query that walks `plan`'s index as it is (RxDB's planner picks its own index otherwise). */
function indexQuery(storage: StorageOf, plan: QueryPlan, limit?: number): PreparedQuery<RawRow> {
  const prepared = prepareQuery<RawRow>(storage.schema, {
    selector: {},
    sort: plan.index.map((field) => ({ [field]: 'asc' })) as never,
    skip: 0,
    ...(limit === undefined ? {} : { limit }),
  });
  prepared.queryPlan = plan;
  return prepared;
}

/** Where the previous page ended: the last document's write time and id. */
export interface PageCursor {
  lwt: number;
  id: string;
}

/**
 * One page of a collection's documents as stored, after `cursor`, in the order they were last
 * written. Every collection has a (write time, id) index, and starting the index's range right after
 * the previous page makes each page cost its own size: a plain "id greater than" query is planned on
 * another index and sorted in memory, reading the whole collection for every page. Read from the
 * storage without building RxDB documents (nothing is cached for a one-off scan).
 */
export async function readStoredPage(
  db: KithDatabase,
  collection: CollectionName,
  cursor: PageCursor | null,
  limit: number = HEALTH_PAGE_SIZE,
): Promise<{ docs: Record<string, unknown>[]; next: PageCursor | null }> {
  const storage = storageOf(db, collection);
  const plan: QueryPlan = {
    index: ['_meta.lwt', 'id'],
    startKeys: cursor ? [cursor.lwt, cursor.id] : [INDEX_MIN, INDEX_MIN],
    endKeys: [INDEX_MAX, INDEX_MAX],
    inclusiveStart: cursor === null,
    inclusiveEnd: true,
    sortSatisfiedByIndex: true,
    selectorSatisfiedByIndex: true,
  };
  const { documents } = await storage.query(indexQuery(storage, plan, limit));
  const docs = documents
    .filter((row) => !row._deleted)
    .map(({ _rev, _meta, _attachments, _deleted, ...doc }) => doc);
  const last = documents[documents.length - 1];
  const next = documents.length < limit || !last ? null : { lwt: last._meta?.lwt ?? 0, id: str(last.id) };
  return { docs, next };
}

/** RxDB's own plans hold the boolean itself as _deleted's key (its types say only strings and numbers). */
const NOT_DELETED = false as unknown as number;

/**
 * How many documents a collection holds, counted on an index by the storage itself: a count query
 * RxDB cannot answer from an index reads every document (seconds for 50,000 ties).
 */
export async function countStored(db: KithDatabase, collection: CollectionName): Promise<number> {
  const storage = storageOf(db, collection);
  // Every index of a stored schema but the write-time one starts with _deleted.
  const index = (storage.schema.indexes ?? []).find((i) => Array.isArray(i) && i[0] === '_deleted') as
    string[] | undefined;
  if (!index) return 0;
  const plan: QueryPlan = {
    index,
    startKeys: index.map((_, i) => (i === 0 ? NOT_DELETED : INDEX_MIN)),
    endKeys: index.map((_, i) => (i === 0 ? NOT_DELETED : INDEX_MAX)),
    inclusiveStart: true,
    inclusiveEnd: true,
    sortSatisfiedByIndex: true,
    selectorSatisfiedByIndex: true,
  };
  return (await storage.count(indexQuery(storage, plan))).count;
}

export interface CheckProgress {
  checked: number;
  total: number;
}

export interface CheckOptions {
  /** Called after every chunk, for a progress bar. */
  onProgress?(progress: CheckProgress): void;
  /** Awaited after every chunk: the renderer hands the main thread back to the browser here. */
  pause?(): Promise<void>;
  /** Asked after every chunk: true stops the check early (the person left the page), which resolves to null. */
  stopped?(): boolean;
  pageSize?: number;
  chunkSize?: number;
}

/** Checks every stored document of every collection: read a page at a time, checked a chunk at a time. */
export async function checkJournal(
  db: KithDatabase,
  options: CheckOptions = {},
): Promise<HealthReport | null> {
  const counts = await Promise.all(COLLECTION_NAMES.map((name) => countStored(db, name)));
  const total = counts.reduce((a, b) => a + b, 0);
  const chunk = options.chunkSize ?? HEALTH_CHUNK_SIZE;
  const check = new JournalCheck();
  options.onProgress?.({ checked: 0, total });
  for (const collection of COLLECTION_NAMES) {
    let cursor: PageCursor | null = null;
    for (let first = true; first || cursor !== null; first = false) {
      const page: { docs: Record<string, unknown>[]; next: PageCursor | null } = await readStoredPage(
        db,
        collection,
        cursor,
        options.pageSize,
      );
      cursor = page.next;
      for (let i = 0; i < page.docs.length || (i === 0 && page.docs.length === 0); i += chunk) {
        if (options.stopped?.()) return null;
        check.add(collection, page.docs.slice(i, i + chunk));
        // Documents written while the check runs may push the count past the first total.
        options.onProgress?.({ checked: check.checked, total: Math.max(total, check.checked) });
        await options.pause?.();
      }
    }
  }
  return options.stopped?.() ? null : check.finish();
}
