// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const base = { serverUrl: 'http://127.0.0.1:5984', database: 'kith', username: 'ada', enabled: true };
const PASSWORD = 'pw-correct-horse';
const PASSPHRASE = 'only me and my devices';

/** The module as a fresh page load finds it: nothing in memory, the same browser storage. */
async function afterReload() {
  vi.resetModules();
  return import('./browserStore');
}

function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error ?? new Error(`could not delete ${name}`));
  });
}

function storedValues(storage: Storage): string[] {
  return Object.keys(storage).map((key) => storage.getItem(key) ?? '');
}

beforeEach(async () => {
  localStorage.clear();
  sessionStorage.clear();
  await deleteDatabase('kith-device-keys');
});

describe('sync secrets remembered in the browser', () => {
  it('are stored encrypted: no localStorage value holds the password or passphrase', async () => {
    const store = await afterReload();
    const view = await store.saveBrowserSettings({
      ...base,
      password: PASSWORD,
      passphrase: PASSPHRASE,
      remember: true,
    });
    expect(view).toMatchObject({ hasPassword: true, passphrase: PASSPHRASE, secretStorage: 'browser-local' });
    expect(localStorage.getItem(store.SECRETS_KEY)).not.toBeNull();
    for (const value of storedValues(localStorage)) {
      expect(value).not.toContain(PASSWORD);
      expect(value).not.toContain(PASSPHRASE);
    }
    expect(storedValues(sessionStorage)).toEqual([]);
  });

  it('are read back after a reload', async () => {
    const before = await afterReload();
    await before.saveBrowserSettings({ ...base, password: PASSWORD, passphrase: PASSPHRASE, remember: true });
    const after = await afterReload();
    expect(await after.readBrowserSecrets()).toEqual({
      secrets: { password: PASSWORD, passphrase: PASSPHRASE },
      remembered: true,
    });
    expect(await after.browserSettingsView()).toMatchObject({
      hasPassword: true,
      passphrase: PASSPHRASE,
      secretStorage: 'browser-local',
    });
  });

  it('are encrypted with a key this browser keeps and cannot export', async () => {
    const store = await afterReload();
    await store.saveBrowserSettings({ ...base, password: PASSWORD, remember: true });
    const key = await new Promise<CryptoKey>((resolve, reject) => {
      const open = indexedDB.open('kith-device-keys');
      open.onerror = () => reject(open.error ?? new Error('could not open kith-device-keys'));
      open.onsuccess = () => {
        const names = [...open.result.objectStoreNames];
        const get = open.result.transaction(names, 'readonly').objectStore(names[0]!).getAll();
        get.onsuccess = () => {
          open.result.close();
          resolve((get.result as CryptoKey[])[0]!);
        };
      };
    });
    expect(key.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('raw', key)).rejects.toThrow();
  });

  it('left in plain text by an older Kith are encrypted on first read', async () => {
    const old = await afterReload();
    localStorage.setItem(old.SECRETS_KEY, JSON.stringify({ password: PASSWORD, passphrase: PASSPHRASE }));
    const store = await afterReload();
    expect((await store.readBrowserSecrets()).secrets).toEqual({
      password: PASSWORD,
      passphrase: PASSPHRASE,
    });
    for (const value of storedValues(localStorage)) {
      expect(value).not.toContain(PASSWORD);
      expect(value).not.toContain(PASSPHRASE);
    }
    const reloaded = await afterReload();
    expect(await reloaded.readBrowserSecrets()).toEqual({
      secrets: { password: PASSWORD, passphrase: PASSPHRASE },
      remembered: true,
    });
  });

  it('are forgotten, not garbled, when this browser lost the key (site data partly cleared)', async () => {
    const store = await afterReload();
    await store.saveBrowserSettings({ ...base, password: PASSWORD, remember: true });
    await deleteDatabase('kith-device-keys');
    const reloaded = await afterReload();
    expect(await reloaded.readBrowserSecrets()).toEqual({
      secrets: { password: null, passphrase: null },
      remembered: false,
    });
    expect(localStorage.getItem(reloaded.SECRETS_KEY)).toBeNull();
  });

  it('stay in sessionStorage for this tab only when not remembered', async () => {
    const store = await afterReload();
    await store.saveBrowserSettings({ ...base, password: PASSWORD, passphrase: PASSPHRASE, remember: false });
    expect(localStorage.getItem(store.SECRETS_KEY)).toBeNull();
    expect(JSON.parse(sessionStorage.getItem(store.SECRETS_KEY) ?? '')).toEqual({
      password: PASSWORD,
      passphrase: PASSPHRASE,
    });
  });
});
