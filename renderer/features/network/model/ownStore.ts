/**
 * A small IndexedDB database of the map's own with one object store (the kept map, the kept copy of
 * the journal): opened for each transaction and closed after, never standing in the way of another
 * connection's upgrade. A new `format` drops what an older one kept: it is only ever a cache.
 */
export interface OwnStore {
  database: string;
  format: number;
  store: string;
  keyPath?: string;
  /** What it keeps, for error messages ("the map snapshot"). */
  what: string;
}

function open(indexedDB: IDBFactory, own: OwnStore): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(own.database, own.format);
    request.onupgradeneeded = () => {
      const db = request.result;
      if (db.objectStoreNames.contains(own.store)) db.deleteObjectStore(own.store);
      db.createObjectStore(own.store, own.keyPath ? { keyPath: own.keyPath } : undefined);
    };
    request.onsuccess = () => {
      request.result.onversionchange = () => request.result.close();
      resolve(request.result);
    };
    request.onerror = () => reject(request.error ?? new Error(`Could not open ${own.database}.`));
  });
}

/** One transaction on the store; resolves with the result of the request `act` returns, if any. */
export function transact<T>(
  indexedDB: IDBFactory,
  own: OwnStore,
  mode: IDBTransactionMode,
  act: (store: IDBObjectStore) => IDBRequest | void,
): Promise<T | undefined> {
  return open(indexedDB, own).then(
    (db) =>
      new Promise<T | undefined>((resolve, reject) => {
        const tx = db.transaction(own.store, mode);
        const request = act(tx.objectStore(own.store));
        tx.oncomplete = () => {
          db.close();
          resolve(request ? (request.result as T) : undefined);
        };
        tx.onerror = tx.onabort = () => {
          db.close();
          const verb = mode === 'readonly' ? 'read' : 'kept';
          reject(tx.error ?? new Error(`${own.what} could not be ${verb}.`));
        };
      }),
  );
}
