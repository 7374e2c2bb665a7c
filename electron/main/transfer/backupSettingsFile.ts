import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { BACKUP_KEEP_DEFAULT, BACKUP_KEEP_MAX, BACKUP_KEEP_MIN } from '../../../shared/ipc';
import { writeFileAtomically } from './atomicWrite';

/** In userData, beside the window state and sync settings: device-local, never in the journal. */
export const BACKUP_SETTINGS_FILE = 'backup-settings.json';

export interface StoredBackupSettings {
  enabled: boolean;
  keep: number;
  /** null: the default folder, <userData>/backups. */
  folder: string | null;
  lastBackupAt: string | null;
  lastBackupFile: string | null;
  lastError: string | null;
}

export const DEFAULT_BACKUP_SETTINGS: StoredBackupSettings = {
  enabled: true,
  keep: BACKUP_KEEP_DEFAULT,
  folder: null,
  lastBackupAt: null,
  lastBackupFile: null,
  lastError: null,
};

const fileSchema = z.object({
  version: z.literal(1),
  enabled: z.boolean(),
  keep: z.number().int().min(BACKUP_KEEP_MIN).max(BACKUP_KEEP_MAX),
  folder: z.string().min(1).nullable(),
  lastBackupAt: z.iso.datetime().nullable(),
  lastBackupFile: z.string().nullable(),
  lastError: z.string().nullable(),
});

/**
 * A missing file means backups were never configured: daily backups are on by default, so a new
 * user is protected without visiting Settings. A damaged file falls back to the same defaults.
 */
export async function readBackupSettings(file: string): Promise<StoredBackupSettings> {
  try {
    const parsed = fileSchema.safeParse(JSON.parse(await readFile(file, 'utf8')));
    if (parsed.success) {
      const { version: _version, ...settings } = parsed.data;
      return settings;
    }
  } catch {
    // fall through to the defaults
  }
  return { ...DEFAULT_BACKUP_SETTINGS };
}

export async function writeBackupSettings(file: string, settings: StoredBackupSettings): Promise<void> {
  await writeFileAtomically(file, JSON.stringify({ version: 1, ...settings }, null, 2));
}
