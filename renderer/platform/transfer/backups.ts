import type {
  BackupSettingsInput,
  BackupSettingsView,
  BackupWriteRequest,
  BackupWriteResult,
} from '../../../shared/ipc';
import { bridgeWith } from '../bridge';

const BACKUP_FUNCTIONS = [
  'loadBackupSettings',
  'saveBackupSettings',
  'chooseBackupFolder',
  'writeBackup',
] as const;

/**
 * Automatic backups are a desktop feature: only the main process can write into a folder on its
 * own schedule. A browser offers "Export a backup" (a download) instead, so these are null there.
 */
export type AutomaticBackups = {
  load(): Promise<BackupSettingsView>;
  save(input: BackupSettingsInput): Promise<BackupSettingsView>;
  chooseFolder(): Promise<BackupSettingsView>;
  write(request: BackupWriteRequest): Promise<BackupWriteResult>;
};

export function automaticBackups(): AutomaticBackups | null {
  const bridge = bridgeWith(BACKUP_FUNCTIONS);
  if (!bridge) return null;
  return {
    load: () => bridge.loadBackupSettings(),
    save: (input) => bridge.saveBackupSettings(input),
    chooseFolder: () => bridge.chooseBackupFolder(),
    write: (request) => bridge.writeBackup(request),
  };
}
