import { mkdir, stat } from 'node:fs/promises';
import {
  BACKUP_INTERVAL_MS,
  type BackupSettingsInput,
  type BackupSettingsView,
  type BackupWriteRequest,
  type BackupWriteResult,
} from '../../../shared/ipc';
import { readBackupSettings, writeBackupSettings, type StoredBackupSettings } from './backupSettingsFile';
import { writeBackupFile } from './backupFolder';

export interface BackupServiceOptions {
  /** The settings file, <userData>/backup-settings.json. */
  settingsFile: string;
  /** <userData>/backups; created when needed (a folder the user picked must already exist). */
  defaultFolder: string;
  now?: () => Date;
}

export interface BackupService {
  load(): Promise<BackupSettingsView>;
  save(input: BackupSettingsInput): Promise<BackupSettingsView>;
  /** `pick` is the native folder picker: an absolute path, or null when the user cancelled. */
  chooseFolder(pick: (current: string) => Promise<string | null>): Promise<BackupSettingsView>;
  write(request: BackupWriteRequest): Promise<BackupWriteResult>;
}

function isDue(settings: StoredBackupSettings, now: Date): boolean {
  if (!settings.enabled) return false;
  if (settings.lastBackupAt === null) return true;
  return now.getTime() - Date.parse(settings.lastBackupAt) >= BACKUP_INTERVAL_MS;
}

function describe(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'EACCES' || code === 'EPERM') return 'Kith may not write there (permission denied)';
  if (code === 'ENOSPC') return 'the disk is full';
  if (code === 'EROFS') return 'the folder is read-only';
  return error instanceof Error ? error.message : String(error);
}

/**
 * Automatic backups on the desktop. The renderer holds the journal, so it builds the backup JSON;
 * the main process decides whether one is due, writes it atomically into the folder the user picked
 * and keeps the newest N. Settings and the last outcome live in a small file in userData.
 */
export function createBackupService(options: BackupServiceOptions): BackupService {
  const { settingsFile, defaultFolder } = options;
  const now = options.now ?? (() => new Date());
  // One write at a time: two windows (or a click during an automatic run) must not race the prune.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };

  const view = (settings: StoredBackupSettings): BackupSettingsView => ({
    enabled: settings.enabled,
    keep: settings.keep,
    folder: settings.folder ?? defaultFolder,
    isDefaultFolder: settings.folder === null,
    lastBackupAt: settings.lastBackupAt,
    lastBackupFile: settings.lastBackupFile,
    lastError: settings.lastError,
    due: isDue(settings, now()),
  });

  const folderFor = async (settings: StoredBackupSettings): Promise<string> => {
    if (settings.folder === null) {
      await mkdir(defaultFolder, { recursive: true });
      return defaultFolder;
    }
    // Not created: a missing folder is usually an unplugged drive, and creating it would fill the
    // mount point underneath instead.
    const info = await stat(settings.folder).catch(() => null);
    if (!info?.isDirectory())
      throw new Error(`the backup folder ${settings.folder} is not there (is its drive connected?)`);
    return settings.folder;
  };

  return {
    load: async () => view(await readBackupSettings(settingsFile)),

    save: (input) =>
      serial(async () => {
        const settings = await readBackupSettings(settingsFile);
        const next: StoredBackupSettings = {
          ...settings,
          enabled: input.enabled,
          keep: input.keep,
          folder: input.useDefaultFolder ? null : settings.folder,
        };
        await writeBackupSettings(settingsFile, next);
        return view(next);
      }),

    chooseFolder: (pick) =>
      serial(async () => {
        const settings = await readBackupSettings(settingsFile);
        const picked = await pick(settings.folder ?? defaultFolder);
        if (picked === null) return view(settings);
        const next = { ...settings, folder: picked === defaultFolder ? null : picked, lastError: null };
        await writeBackupSettings(settingsFile, next);
        return view(next);
      }),

    write: ({ content, automatic }) =>
      serial(async () => {
        const settings = await readBackupSettings(settingsFile);
        const at = now();
        if (automatic && !isDue(settings, at)) return { file: null, settings: view(settings) };
        try {
          const folder = await folderFor(settings);
          const { file, notDeleted } = await writeBackupFile(folder, content, settings.keep, at);
          // The backup itself succeeded; an old one left behind only means the folder holds one more.
          for (const old of notDeleted) {
            console.warn(
              `Kith wrote the backup ${file} but could not delete the old backup ${old.file} in ${folder}: ${old.reason}`,
            );
          }
          const next = { ...settings, lastBackupAt: at.toISOString(), lastBackupFile: file, lastError: null };
          await writeBackupSettings(settingsFile, next);
          return { file, settings: view(next) };
        } catch (error) {
          const message = describe(error);
          await writeBackupSettings(settingsFile, { ...settings, lastError: message });
          throw new Error(`the backup was not written: ${message}`, { cause: error });
        }
      }),
  };
}
