import type { SafeStorage } from 'electron';
import type { SecretStorage } from '../../../shared/ipc';

export type DesktopSecretStorage = Extract<SecretStorage, 'encrypted' | 'plain-text' | 'session-only'>;

/**
 * How safe the sync secrets can be on this machine. On Linux without a key ring Electron still
 * "encrypts", but with a key hard-coded in Chromium (backend 'basic_text'): that is plain text
 * in all but name, and the user is told so instead of being reassured.
 */
export function secretStorageKind(
  safeStorage: Pick<SafeStorage, 'isEncryptionAvailable' | 'getSelectedStorageBackend'>,
  platform: NodeJS.Platform,
): DesktopSecretStorage {
  if (!safeStorage.isEncryptionAvailable()) return 'session-only';
  // getSelectedStorageBackend exists on Linux only.
  if (platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') return 'plain-text';
  return 'encrypted';
}

export interface SyncSecrets {
  password: string | null;
  passphrase: string | null;
}

export const NO_SECRETS: SyncSecrets = { password: null, passphrase: null };

/** Seals the secrets for the settings file (base64 of safeStorage's ciphertext). */
export function sealSecrets(safeStorage: Pick<SafeStorage, 'encryptString'>, secrets: SyncSecrets): string {
  return safeStorage.encryptString(JSON.stringify(secrets)).toString('base64');
}

/**
 * Opens sealed secrets; null when they cannot be read (the OS key changed, the file was edited):
 * the user is then asked for the password again rather than shown an error they cannot act on.
 */
export function openSecrets(
  safeStorage: Pick<SafeStorage, 'decryptString'>,
  sealed: string,
): SyncSecrets | null {
  try {
    const parsed: unknown = JSON.parse(safeStorage.decryptString(Buffer.from(sealed, 'base64')));
    if (typeof parsed !== 'object' || parsed === null) return null;
    const { password, passphrase } = parsed as Record<string, unknown>;
    return {
      password: typeof password === 'string' ? password : null,
      passphrase: typeof passphrase === 'string' ? passphrase : null,
    };
  } catch {
    return null;
  }
}
