import type { SyncSettings, SyncSettingsInput, SyncSettingsView } from '../../../shared/ipc';
import { savedSync } from '../../../shared/security/syncUrl';

/*
 * The browser build's sync settings. The address, database, username and on/off are device-local
 * (localStorage; never the replicated journal). The password and passphrase live in sessionStorage,
 * gone when the tab closes, unless the person ticks "Remember on this device" (localStorage).
 */
export const SETTINGS_KEY = 'kith.sync.settings';
export const SECRETS_KEY = 'kith.sync.secrets';

export interface BrowserSecrets {
  password: string | null;
  passphrase: string | null;
}

const EMPTY: SyncSettings = { serverUrl: '', database: '', username: '', enabled: false };
const NONE: BrowserSecrets = { password: null, passphrase: null };

function readJson(storage: Storage, key: string): Record<string, unknown> | null {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(key) ?? 'null');
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const secret = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

export function readBrowserSettings(): SyncSettings {
  const stored = readJson(localStorage, SETTINGS_KEY);
  if (!stored) return { ...EMPTY };
  return {
    serverUrl: text(stored.serverUrl),
    database: text(stored.database),
    username: text(stored.username),
    enabled: stored.enabled === true,
  };
}

/** The secrets and whether they are remembered (in localStorage) rather than kept for the session. */
export function readBrowserSecrets(): { secrets: BrowserSecrets; remembered: boolean } {
  const local = readJson(localStorage, SECRETS_KEY);
  const stored = local ?? readJson(sessionStorage, SECRETS_KEY);
  if (!stored) return { secrets: { ...NONE }, remembered: false };
  return {
    secrets: { password: secret(stored.password), passphrase: secret(stored.passphrase) },
    remembered: local !== null,
  };
}

export function browserSettingsView(): SyncSettingsView {
  const { secrets, remembered } = readBrowserSecrets();
  return {
    ...readBrowserSettings(),
    hasPassword: secrets.password !== null,
    passphrase: secrets.passphrase,
    secretStorage: remembered ? 'browser-local' : 'browser-session',
  };
}

/** The desktop's rules (savedSync): a password is kept only for the server and username it was typed for. */
export function saveBrowserSettings(input: SyncSettingsInput): SyncSettingsView {
  const { secrets: old, remembered } = readBrowserSecrets();
  const { settings, ...secrets } = savedSync(input, { settings: readBrowserSettings(), ...old });
  const remember = input.remember ?? remembered;
  localStorage.setItem(SETTINGS_KEY, JSON.stringify(settings));
  localStorage.removeItem(SECRETS_KEY);
  sessionStorage.removeItem(SECRETS_KEY);
  if (secrets.password !== null || secrets.passphrase !== null) {
    (remember ? localStorage : sessionStorage).setItem(SECRETS_KEY, JSON.stringify(secrets));
  }
  return browserSettingsView();
}
