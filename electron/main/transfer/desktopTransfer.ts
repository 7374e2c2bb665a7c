import { join } from 'node:path';
import { app, dialog } from 'electron';
import { createBackupService, type BackupService } from './backupService';
import { BACKUP_SETTINGS_FILE } from './backupSettingsFile';
import { createFileDialogs, type FileDialogs } from './fileDialogs';

export const DEFAULT_BACKUP_FOLDER = 'backups';

export interface TransferServices {
  dialogs: FileDialogs;
  backups: BackupService;
}

/** The app's dialogs and backups: settings in userData, backups by default in <userData>/backups. */
export function createDesktopTransfer(): TransferServices {
  const userData = app.getPath('userData');
  return {
    dialogs: createFileDialogs(dialog),
    backups: createBackupService({
      settingsFile: join(userData, BACKUP_SETTINGS_FILE),
      defaultFolder: join(userData, DEFAULT_BACKUP_FOLDER),
    }),
  };
}
