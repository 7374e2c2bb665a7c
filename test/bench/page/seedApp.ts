import type { DatasetName } from '../../../shared/sample';
import type { Counts } from '../api';
import { collectionsOf, countsOf, ownerOf } from './datasets';
import { insertAll } from './rxdbInsert';
import { openUnvalidated } from './unvalidated';

/**
 * Fills the database the app opens (same origin, same name, same schemas) so the app starts on a
 * full journal, and leaves it in place. Set-up, not a figure: it skips the schema validator (the
 * same documents pass it in shared/sample's tests) because that more than halves the wait.
 */
export async function seedApp(dataset: DatasetName, dbName: string): Promise<{ ms: number; counts: Counts }> {
  const collections = collectionsOf(dataset);
  const db = await openUnvalidated(dbName);
  try {
    const existing = await db.encounters.count().exec();
    if (existing > 0)
      throw new Error(`The database "${dbName}" already holds ${existing} encounters; seed a fresh profile.`);
    const start = performance.now();
    // The owner is the document openDatabase() would create, so the app finds its "me" in place
    // (a profile that has already opened the app has it).
    const owner = ownerOf(dataset);
    if (!(await db.people.findOne(owner.id).exec())) await db.people.insert(owner);
    await insertAll(db, collections);
    return { ms: performance.now() - start, counts: countsOf(collections) };
  } finally {
    await db.close();
  }
}
