import type { SyncSettings, SyncSettingsInput, SyncSettingsView } from '../../../shared/ipc';
import { savedSync } from '../../../shared/security/syncUrl';

/*
 * The browser build's sync settings. The address, database, username and on/off are device-local
 * (localStorage; never the replicated journal). The password and passphrase live in sessionStorage,
 * gone when the tab closes, unless the person ticks "Remember on this device": then localStorage
 * holds them encrypted (AES-GCM) with a key this browser generated and keeps in IndexedDB as a
 * non-extractable CryptoKey. Script on this page can still use the key, so this protects the
 * secrets from anything that only reads the profile's storage (a copied localStorage, a backup of
 * the profile's files, another program reading them), not from someone who can use this browser.
 */
export const SETTINGS_KEY = 'kith.sync.settings';
export const SECRETS_KEY = 'kith.sync.secrets';
/** A database of its own: the journal's database is RxDB's, and this key must outlive a journal reset. */
export const DEVICE_KEYS_DATABASE = 'kith-device-keys';
const KEY_STORE = 'keys';
const SYNC_SECRETS_KEY_ID = 'sync-secrets';

export interface BrowserSecrets {
  password: string | null;
  passphrase: string | null;
}

/** What localStorage holds for remembered secrets: only ciphertext. */
interface SealedSecrets {
  v: 1;
  iv: string;
  data: string;
}

const EMPTY: SyncSettings = { serverUrl: '', database: '', username: '', enabled: false };
const NONE: BrowserSecrets = { password: null, passphrase: null };

function parseObject(json: string | null): Record<string, unknown> | null {
  try {
    const parsed: unknown = JSON.parse(json ?? 'null');
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

const readJson = (storage: Storage, key: string) => parseObject(storage.getItem(key));

const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const secret = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);
const secretsFrom = (stored: Record<string, unknown>): BrowserSecrets => ({
  password: secret(stored.password),
  passphrase: secret(stored.passphrase),
});

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

function request<T>(call: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    call.onsuccess = () => resolve(call.result);
    call.onerror = () => reject(call.error ?? new Error('IndexedDB failed'));
  });
}

async function withKeyStore<T>(task: (db: IDBDatabase) => Promise<T>): Promise<T> {
  const open = indexedDB.open(DEVICE_KEYS_DATABASE, 1);
  open.onupgradeneeded = () => open.result.createObjectStore(KEY_STORE);
  const db = await request(open);
  // Closed after each use, so clearing the site's data (a version change) is never blocked by Kith.
  try {
    return await task(db);
  } finally {
    db.close();
  }
}

async function loadOrCreateKey(): Promise<CryptoKey> {
  const stored = await withKeyStore((db) =>
    request(db.transaction(KEY_STORE, 'readonly').objectStore(KEY_STORE).get(SYNC_SECRETS_KEY_ID)),
  );
  if (stored instanceof CryptoKey) return stored;
  // Not extractable: no script, not even Kith's, can read the key's bytes, only use it here.
  const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, [
    'encrypt',
    'decrypt',
  ]);
  return withKeyStore(async (db) => {
    const keys = db.transaction(KEY_STORE, 'readwrite').objectStore(KEY_STORE);
    try {
      await request(keys.add(key, SYNC_SECRETS_KEY_ID));
      return key;
    } catch {
      // Another tab stored its key first: use that one, or the two would lock each other out.
      const theirs = await request(
        db.transaction(KEY_STORE, 'readonly').objectStore(KEY_STORE).get(SYNC_SECRETS_KEY_ID),
      );
      if (theirs instanceof CryptoKey) return theirs;
      throw new Error('the key could not be stored');
    }
  });
}

let keyPromise: Promise<CryptoKey> | null = null;

function deviceKey(): Promise<CryptoKey> {
  keyPromise ??= loadOrCreateKey().catch((error: unknown) => {
    keyPromise = null;
    const detail = error instanceof Error ? error.message : String(error);
    throw new Error(
      `This browser would not keep Kith's encryption key in IndexedDB (${detail}), so the sync password cannot be remembered here.`,
      { cause: error },
    );
  });
  return keyPromise;
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function fromBase64(value: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(atob(value), (c) => c.charCodeAt(0));
}

async function seal(secrets: BrowserSecrets): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const plain = new TextEncoder().encode(JSON.stringify(secrets));
  const data = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, await deviceKey(), plain));
  const sealed: SealedSecrets = { v: 1, iv: toBase64(iv), data: toBase64(data) };
  return JSON.stringify(sealed);
}

/** The secrets in `sealed`, or null when this browser's key does not open them. */
async function unseal(sealed: SealedSecrets): Promise<BrowserSecrets | null> {
  const key = await deviceKey();
  try {
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: fromBase64(sealed.iv) },
      key,
      fromBase64(sealed.data),
    );
    const parsed = parseObject(new TextDecoder().decode(plain));
    return parsed ? secretsFrom(parsed) : null;
  } catch {
    return null;
  }
}

const isSealed = (stored: Record<string, unknown>): stored is Record<string, unknown> & SealedSecrets =>
  stored.v === 1 && typeof stored.iv === 'string' && typeof stored.data === 'string';

/** The last remembered entry read and what it holds: every sync request reads the password. */
let opened: { stored: string; secrets: BrowserSecrets } | null = null;

async function rememberedSecrets(stored: string): Promise<BrowserSecrets | null> {
  if (opened?.stored === stored) return opened.secrets;
  const parsed = parseObject(stored);
  if (!parsed) return null;
  let secrets: BrowserSecrets | null;
  let kept = stored;
  if (isSealed(parsed)) {
    secrets = await unseal(parsed);
  } else {
    // Left in plain text by an older Kith: encrypt it now and keep no plain copy.
    secrets = secretsFrom(parsed);
    kept = await seal(secrets);
    localStorage.setItem(SECRETS_KEY, kept);
  }
  if (secrets === null) {
    // Sealed with a key this browser no longer has (its site data was partly cleared): the entry
    // can never be opened again, so it goes, and the form asks for the password once more.
    localStorage.removeItem(SECRETS_KEY);
    return null;
  }
  opened = { stored: kept, secrets };
  return secrets;
}

/** The secrets and whether they are remembered (encrypted in localStorage) rather than kept for the session. */
export async function readBrowserSecrets(): Promise<{ secrets: BrowserSecrets; remembered: boolean }> {
  const stored = localStorage.getItem(SECRETS_KEY);
  const remembered = stored === null ? null : await rememberedSecrets(stored);
  if (remembered) return { secrets: remembered, remembered: true };
  const session = readJson(sessionStorage, SECRETS_KEY);
  return { secrets: session ? secretsFrom(session) : { ...NONE }, remembered: false };
}

export async function browserSettingsView(): Promise<SyncSettingsView> {
  const { secrets, remembered } = await readBrowserSecrets();
  return {
    ...readBrowserSettings(),
    hasPassword: secrets.password !== null,
    passphrase: secrets.passphrase,
    secretStorage: remembered ? 'browser-local' : 'browser-session',
  };
}

/** The desktop's rules (savedSync): a password is kept only for the server and username it was typed for. */
export async function saveBrowserSettings(input: SyncSettingsInput): Promise<SyncSettingsView> {
  const { secrets: old, remembered } = await readBrowserSecrets();
  const { settings, ...secrets } = savedSync(input, { settings: readBrowserSettings(), ...old });
  const remember = input.remember ?? remembered;
  const hasSecrets = secrets.password !== null || secrets.passphrase !== null;
  // Sealed before anything is removed: if this browser cannot keep the key, nothing changes.
  const sealed = hasSecrets && remember ? await seal(secrets) : null;
  localStorage.setItem(SETTINGS_KEY, JSON.stringify(settings));
  localStorage.removeItem(SECRETS_KEY);
  sessionStorage.removeItem(SECRETS_KEY);
  if (sealed !== null) {
    localStorage.setItem(SECRETS_KEY, sealed);
    opened = { stored: sealed, secrets };
  } else if (hasSecrets) {
    sessionStorage.setItem(SECRETS_KEY, JSON.stringify(secrets));
  }
  return browserSettingsView();
}
