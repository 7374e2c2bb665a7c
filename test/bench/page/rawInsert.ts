import { collectionCreators } from '../../../shared/db/collections';
import type { DatasetName } from '../../../shared/sample';
import type { RawVariant } from '../api';
import { collectionsOf, type SampleCollectionName } from './datasets';

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed.'));
  });
}

/**
 * By default only the primary key: the plainest write IndexedDB can do, the floor RxDB is measured
 * against. With `indexes`, also the secondary indexes the RxDB schemas declare, to show their share.
 */
function openRaw(name: string, stores: SampleCollectionName[], indexes: boolean): Promise<IDBDatabase> {
  const req = indexedDB.open(name, 1);
  req.onupgradeneeded = () => {
    for (const store of stores) {
      const objects = req.result.createObjectStore(store, { keyPath: 'id' });
      if (!indexes) continue;
      for (const index of collectionCreators[store].schema.indexes as readonly (
        string | readonly string[]
      )[]) {
        const keyPath = typeof index === 'string' ? index : [...index];
        objects.createIndex(typeof index === 'string' ? index : index.join('+'), keyPath);
      }
    }
  };
  req.onblocked = () => console.warn(`Opening ${name} is blocked by another connection.`);
  return request(req);
}

function writeStore(db: IDBDatabase, store: string, docs: readonly object[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const tx = db.transaction(store, 'readwrite');
    const objects = tx.objectStore(store);
    for (const doc of docs) objects.put(doc);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error(`Writing ${store} failed.`));
    tx.onabort = () => reject(tx.error ?? new Error(`Writing ${store} was aborted.`));
  });
}

export async function rawInsert(
  dataset: DatasetName,
  dbName: string,
  variant: RawVariant = {},
): Promise<number> {
  const collections = collectionsOf(dataset);
  const entries = Object.entries(collections) as [SampleCollectionName, object[]][];
  const db = await openRaw(
    dbName,
    entries.map(([name]) => name),
    variant.indexes ?? false,
  );
  try {
    const start = performance.now();
    for (const [name, docs] of entries) await writeStore(db, name, docs);
    return performance.now() - start;
  } finally {
    db.close();
    await request(indexedDB.deleteDatabase(dbName));
  }
}
