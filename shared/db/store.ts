import type { MangoQuerySelector } from 'rxdb';
import { ValidationError, type ValidationIssue } from '../domain/validation';
import {
  COLLECTION_NOUNS,
  type CollectionName,
  type DocByCollection,
  type KithDatabase,
} from './collections';

type AnyFinder = {
  findOne(id: string): { exec(): Promise<{ toMutableJSON(): unknown } | null> };
  findByIds(ids: string[]): { exec(): Promise<Map<string, unknown>> };
  find(q: { selector: unknown }): { exec(): Promise<{ toMutableJSON(): unknown }[]> };
};

function finder(db: KithDatabase, collection: CollectionName): AnyFinder {
  return db[collection] as unknown as AnyFinder;
}

export async function findDoc<K extends CollectionName>(
  db: KithDatabase,
  collection: K,
  id: string,
): Promise<DocByCollection[K] | null> {
  const doc = await finder(db, collection).findOne(id).exec();
  return doc ? (doc.toMutableJSON() as DocByCollection[K]) : null;
}

/** For ids the caller got from us (a page, a list): their absence is a stale screen, not bad input. */
export async function requireDoc<K extends CollectionName>(
  db: KithDatabase,
  collection: K,
  id: string,
): Promise<DocByCollection[K]> {
  const doc = await findDoc(db, collection, id);
  if (!doc)
    throw new Error(
      `There is no ${COLLECTION_NOUNS[collection].one} with id “${id}” (it may have been deleted).`,
    );
  return doc;
}

export async function findWhere<K extends CollectionName>(
  db: KithDatabase,
  collection: K,
  selector: MangoQuerySelector<DocByCollection[K]>,
): Promise<DocByCollection[K][]> {
  const docs = await finder(db, collection).find({ selector }).exec();
  return docs.map((d) => d.toMutableJSON() as DocByCollection[K]);
}

/** Refuses references to documents that do not exist, naming each field that holds one. */
export async function checkReferences(
  db: KithDatabase,
  collection: CollectionName,
  refs: { path: string; id: string; label: string }[],
  exists: ReadonlySet<string> = new Set(),
): Promise<void> {
  const wanted = refs.filter((r) => r.id !== '' && !exists.has(r.id));
  if (wanted.length === 0) return;
  const found = await finder(db, collection)
    .findByIds([...new Set(wanted.map((r) => r.id))])
    .exec();
  const issues: ValidationIssue[] = wanted
    .filter((r) => !found.has(r.id))
    .map((r) => ({
      path: r.path,
      message: `${r.label}: there is no ${COLLECTION_NOUNS[collection].one} with id “${r.id}”.`,
    }));
  if (issues.length > 0) throw new ValidationError(issues);
}
