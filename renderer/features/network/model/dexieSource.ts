import type { RxCollection } from 'rxdb';
import { getBooleanIndexes } from 'rxdb/plugins/storage-dexie';
import type { KithDatabase } from '../../../../shared/db';
import { dexieDatabaseName, type JournalCollection, type JournalSource } from './journalSource';

/** Where the worker finds each collection, if the journal is kept by RxDB's Dexie storage. */
export function dexieSource(db: KithDatabase): JournalSource | null {
  // The validating wrapper names itself after the storage it wraps ("validate-…-dexie").
  if (!/(^|-)dexie$/.test(db.storage.name)) return null;
  const of = (name: JournalCollection) => {
    const collection = db[name] as unknown as RxCollection;
    return {
      database: dexieDatabaseName(db.name, collection.schema.version, name),
      booleans: getBooleanIndexes(collection.schema.jsonSchema).filter((field) => !field.includes('.')),
    };
  };
  return {
    people: of('people'),
    encounters: of('encounters'),
    ties: of('ties'),
    communities: of('communities'),
  };
}
