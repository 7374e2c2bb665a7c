import type { KithDatabase } from '../../../shared/db';
import { backupToJson, createBackup } from '../../../shared/transfer';
import { appInfo } from '../../platform';

/** The whole journal as the backup file's text, stamped with this app's version. */
export async function journalBackupJson(db: KithDatabase): Promise<string> {
  const info = await appInfo().catch(() => ({ version: 'unknown', platform: 'web' as const }));
  const backup = await createBackup(db, { app: `Kith ${info.version} (${info.platform})` });
  return backupToJson(backup);
}
