import type { KithDatabase } from '../../../shared/db';
import { backupToJson, createBackup, EXPORT_FILES } from '../../../shared/transfer';
import { appInfo, saveFile } from '../../platform';

/** The whole journal as the backup file's text, stamped with this app's version. */
export async function journalBackupJson(db: KithDatabase): Promise<string> {
  return (await journalBackup(db)).text;
}

/** The backup file's text and how many documents it holds (a kept copy is named with the count). */
export async function journalBackup(db: KithDatabase): Promise<{ text: string; documents: number }> {
  const info = await appInfo().catch(() => ({ version: 'unknown', platform: 'web' as const }));
  const backup = await createBackup(db, { app: `Kith ${info.version} (${info.platform})` });
  const documents = Object.values(backup.collections).reduce((sum, docs) => sum + docs.length, 0);
  return { text: backupToJson(backup), documents };
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
