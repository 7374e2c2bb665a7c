import { filter, map, type Observable } from 'rxjs';
import type { KithDatabase } from './collections';

/**
 * The data of one local document of the database (RxDB's `db.upsertLocal`), each time it changes:
 * null once removed. Followed in every window of the journal (local documents are shared by them).
 *
 * Not getLocal$: it runs a promise per change event of every collection, which an import or a
 * restore of 100,000 documents turns into minutes of rxjs bookkeeping; the bulks of local-document
 * changes suffice. Emits changes only, not the stored data at subscription.
 */
export function localDocumentChanges$<T>(db: KithDatabase, id: string): Observable<T | null> {
  return db.eventBulks$.pipe(
    filter((bulk) => bulk.isLocal && !bulk.collectionName),
    map((bulk) => bulk.events.filter((event) => event.documentId === id).at(-1)),
    filter((event) => event !== undefined),
    map((event) => {
      const doc = event.documentData as { _deleted?: boolean; data?: T };
      return event.operation === 'DELETE' || doc._deleted ? null : (doc.data ?? null);
    }),
  );
}
