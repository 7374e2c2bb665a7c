import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import type { SyncSettings } from '../../../shared/ipc';

/** The file in userData: the settings in clear, the password and passphrase sealed by safeStorage. */
export const SYNC_SETTINGS_FILE = 'sync-settings.json';

export interface SyncSettingsFile {
  settings: SyncSettings;
  /** base64 of safeStorage.encryptString(JSON of the secrets); null when none are kept on disk. */
  sealedSecrets: string | null;
}

const fileSchema = z.object({
  version: z.literal(1),
  settings: z.object({
    serverUrl: z.string(),
    database: z.string(),
    username: z.string(),
    enabled: z.boolean(),
  }),
  sealedSecrets: z.string().nullable(),
});

export const EMPTY_SYNC_SETTINGS: SyncSettings = {
  serverUrl: '',
  database: '',
  username: '',
  enabled: false,
};

/** A missing or unreadable file means "sync never set up" on this device. */
export function readSyncSettingsFile(file: string): SyncSettingsFile {
  try {
    const parsed = fileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (parsed.success) return { settings: parsed.data.settings, sealedSecrets: parsed.data.sealedSecrets };
  } catch {
    // fall through to the empty settings
  }
  return { settings: { ...EMPTY_SYNC_SETTINGS }, sealedSecrets: null };
}

/** Written to a temporary file and renamed over the old one, so a crash never leaves half a file. */
export function writeSyncSettingsFile(file: string, contents: SyncSettingsFile): void {
  const temporary = `${file}.tmp`;
  writeFileSync(temporary, JSON.stringify({ version: 1, ...contents }), { mode: 0o600 });
  renameSync(temporary, file);
}
