import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { webcrypto } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createSyncServer, type SyncServer } from '../../scripts/sync-server/server.mjs';
import { createIpcHandlers, registerIpcHandlers } from '../../electron/main/ipc/handlers';
import { SYNC_SETTINGS_FILE } from '../../electron/main/sync/settingsFile';
import {
  app,
  contextBridge,
  ipcMain,
  ipcRenderer,
  net,
  resetFakeElectron,
} from '../../electron/testing/fakeElectron';
import { createPerson, type KithDatabase } from '../../shared/db';
import { openTestDatabase } from '../../shared/db/testing';
import type { KithBridge } from '../../shared/ipc';
import { startSync, type CryptoLike, type SyncSession } from '../../shared/sync';
import type * as PlatformSync from '../../renderer/platform/sync';
import { createFetchTransport } from '../../renderer/platform/sync/fetchTransport';

vi.mock('electron', () => import('../../electron/testing/fakeElectron'));

const USER = 'kith';
const PASSWORD = 'desktop-password';
const PASSPHRASE = 'desk passphrase';
const crypto = webcrypto as unknown as CryptoLike;

/**
 * The desktop's whole sync path without Electron: the renderer's transport → the real preload →
 * IPC (fake, with the app's frame as sender) → the main process's handlers, which add the
 * password and send with net.fetch → the embedded server. Another device reads it back by fetch.
 */
describe('desktop sync through the main process', () => {
  let server: SyncServer;
  let userData: string;
  let platform: typeof PlatformSync;
  const dbs: KithDatabase[] = [];
  const sessions: SyncSession[] = [];

  beforeAll(async () => {
    server = await createSyncServer({ memory: true, port: 0, username: USER, password: PASSWORD });
    resetFakeElectron();
    userData = mkdtempSync(join(tmpdir(), 'kith-desktop-sync-'));
    app.userData = userData;
    registerIpcHandlers(ipcMain, createIpcHandlers({ version: '1.2.3', platform: 'linux' }));
    ipcRenderer.invoke.mockImplementation((channel: string, ...args: unknown[]) =>
      ipcMain.invoke(channel, { url: 'app://kith/index.html', parent: null }, ...args),
    );
    await import('../../electron/preload/index');
    const bridge = contextBridge.exposeInMainWorld.mock.calls[0]![1] as KithBridge;
    // renderer/platform finds the bridge at window.kith, as in the desktop window.
    vi.stubGlobal('window', { kith: bridge });
    platform = await import('../../renderer/platform/sync');
  });
  afterAll(async () => {
    await Promise.all(sessions.map((session) => session.stop()));
    await Promise.all(dbs.map((db) => db.remove()));
    vi.unstubAllGlobals();
    await server.close();
    rmSync(userData, { recursive: true, force: true });
  });

  it('syncs an encrypted journal while the renderer never holds the password', async () => {
    const saved = await platform.saveSyncSettings({
      serverUrl: server.url,
      database: 'desk',
      username: USER,
      enabled: true,
      password: PASSWORD,
      passphrase: PASSPHRASE,
    });
    expect(saved).toEqual({
      serverUrl: server.url,
      database: 'desk',
      username: USER,
      enabled: true,
      hasPassword: true,
      passphrase: PASSPHRASE,
      secretStorage: 'encrypted',
    });
    expect(readFileSync(join(userData, SYNC_SETTINGS_FILE), 'utf8')).not.toContain(PASSWORD);
    expect(
      await platform.testSyncConnection({ serverUrl: server.url, database: 'desk', username: USER }),
    ).toEqual({
      ok: true,
      docCount: 0,
    });

    const laptop = await openTestDatabase();
    dbs.push(laptop);
    await createPerson(laptop, { name: 'Ana Lopez', emails: ['ana@example.org'] });
    const session = startSync(laptop, {
      transport: platform.syncTransport(),
      crypto,
      passphrase: PASSPHRASE,
      waitForLeadership: false,
    });
    sessions.push(session);
    await session.awaitInSync();
    expect(net.fetch).toHaveBeenCalled();
    for (const [url] of net.fetch.mock.calls) expect(String(url).startsWith(`${server.url}desk/`)).toBe(true);

    const raw = await fetch(`${server.url}desk/_all_docs?include_docs=true`, {
      headers: { Authorization: `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}` },
    });
    const text = await raw.text();
    expect(text).toContain('"enc":true');
    expect(text).not.toContain('Ana Lopez');
    expect(text).not.toContain('ana@example.org');

    // Another device (the browser build) with the same passphrase reads it back.
    const phone = await openTestDatabase();
    dbs.push(phone);
    const phoneSession = startSync(phone, {
      transport: createFetchTransport(`${server.url}desk/`, () => ({ username: USER, password: PASSWORD })),
      crypto,
      passphrase: PASSPHRASE,
      waitForLeadership: false,
    });
    sessions.push(phoneSession);
    await phoneSession.awaitInSync();
    const names = (await phone.people.find().exec()).map((person) => person.name);
    expect(names).toContain('Ana Lopez');
  });
});
