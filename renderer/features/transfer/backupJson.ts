import type { KithDatabase } from '../../../shared/db';
import { backupToJson, createBackup, EXPORT_FILES } from '../../../shared/transfer';
import { appInfo, saveFile } from '../../platform';

/** The whole journal as the backup file's text, stamped with this app's version. */
export async function journalBackupJson(db: KithDatabase): Promise<string> {
  const info = await appInfo().catch(() => ({ version: 'unknown', platform: 'web' as const }));
  const backup = await createBackup(db, { app: `Kith ${info.version} (${info.platform})` });
  return backupToJson(backup);
}

/** Saves a backup's text: the save dialog on the desktop, a download in a browser. */
export function saveBackupText(fileName: string, content: string) {
  const { label, extensions, mimeType } = EXPORT_FILES.backup;
  return saveFile({
    title: 'Save the journal',
    suggestedName: fileName,
    filters: [{ name: label, extensions }],
    mimeType,
    content,
  });
}
