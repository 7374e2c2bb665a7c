import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { openDatabase } from '../../../shared/db';
import type { DatasetName } from '../../../shared/sample';
import { fileSafetyCopy } from '../../../shared/transfer';
import { opfsFiles } from '../../../renderer/db/opfsFiles';
import type { SafetyCopyRun } from '../api';
import { collectionsOf, ownerOf } from './datasets';
import { insertAll } from './rxdbInsert';
import { openUnvalidated } from './unvalidated';

/**
 * What the safety copy adds to every import and restore in the browser (shared/transfer/safetyCopy.ts):
 * the journal kept as a backup file in memory and in the origin private file system before the first
 * document is written, and let go after. The dataset is seeded first (not timed), then the journal is
 * opened as the app opens it and the copy kept and released as a bulk write does.
 */
export async function safetyCopyRun(dataset: DatasetName, dbName: string): Promise<SafetyCopyRun> {
  const seeded = await openUnvalidated(dbName);
  try {
    await seeded.people.insert(ownerOf(dataset));
    await insertAll(seeded, collectionsOf(dataset));
  } finally {
    await seeded.close();
  }
  const files = await opfsFiles();
  if (!files) throw new Error('This browser has no origin private file system to keep the copy in.');
  const db = await openDatabase({ storage: getRxStorageDexie(), name: dbName, multiInstance: false });
  try {
    const copy = fileSafetyCopy(files);
    const start = performance.now();
    await copy.keep(db, { kind: 'import', source: 'bench.vcf' });
    const kept = performance.now();
    const bytes = copy.held()?.text.length ?? 0;
    await copy.release();
    return { keepMs: kept - start, releaseMs: performance.now() - kept, chars: bytes };
  } finally {
    await db.remove();
  }
}
