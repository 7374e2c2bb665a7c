import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  app,
  ipcMain,
  net,
  resetFakeElectron,
  safeStorage,
  type FakeFrame,
} from '../../testing/fakeElectron';
import { ALLOWED_SYNC_REQUESTS, REFUSED_SYNC_REQUESTS } from '../../../shared/security/syncRequestExamples';
import { SYNC_SETTINGS_FILE } from '../sync/settingsFile';
import { createIpcHandlers, registerIpcHandlers } from './handlers';

vi.mock('electron', () => import('../../testing/fakeElectron'));

const appFrame: FakeFrame = { url: 'app://kith/index.html', parent: null };
const PASSWORD = 'correct horse battery staple';
const PASSPHRASE = 'a journal only I can read';

interface Seen {
  method: string;
  url: string;
  authorization: string | undefined;
  body: string;
}

/** A loopback HTTP server that records every request and answers like a tiny CouchDB. */
function recordingServer(
  answer: (request: IncomingMessage) => { status: number; body?: unknown; headers?: Record<string, string> },
) {
  const seen: Seen[] = [];
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      seen.push({
        method: request.method ?? '',
        url: request.url ?? '',
        authorization: request.headers.authorization,
        body,
      });
      const { status, body: out, headers } = answer(request);
      response.writeHead(status, { 'Content-Type': 'application/json', ...headers });
      response.end(out === undefined ? '' : JSON.stringify(out));
    });
  });
  return {
    seen,
    start: () =>
      new Promise<string>((resolve) =>
        server.listen(0, '127.0.0.1', () =>
          resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`),
        ),
      ),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const couch = recordingServer((request) => {
  if (request.url === '/kith/') return { status: 200, body: { db_name: 'kith', doc_count: 7 } };
  if (request.url === '/elsewhere/') return { status: 302, headers: { Location: `${other.url}/steal` } };
  return { status: 404, body: { error: 'not_found', reason: 'missing' } };
});
const other = Object.assign(
  recordingServer(() => ({ status: 200, body: {} })),
  { url: '' },
);
let serverUrl = '';
let userData = '';

beforeAll(async () => {
  serverUrl = await couch.start();
  other.url = await other.start();
});
afterAll(async () => {
  await couch.stop();
  await other.stop();
});

beforeEach(() => {
  resetFakeElectron();
  userData = mkdtempSync(join(tmpdir(), 'kith-sync-'));
  app.userData = userData;
  couch.seen.length = 0;
  other.seen.length = 0;
});
afterEach(() => rmSync(userData, { recursive: true, force: true }));

function start(platform: NodeJS.Platform = 'linux'): void {
  registerIpcHandlers(ipcMain, createIpcHandlers({ version: '1.2.3', platform }));
}

async function invoke(channel: string, payload?: unknown): Promise<unknown> {
  const result = (await ipcMain.invoke(channel, appFrame, payload)) as {
    ok: boolean;
    value?: unknown;
    error?: string;
  };
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

const settings = () => ({ serverUrl, database: 'kith', username: 'ada', enabled: true });

describe('sync credentials in the main process', () => {
  it('are sealed with safeStorage on disk and open again after a restart', async () => {
    start();
    await invoke('sync:save-settings', { ...settings(), password: PASSWORD, passphrase: PASSPHRASE });
    const onDisk = readFileSync(join(userData, SYNC_SETTINGS_FILE), 'utf8');
    expect(onDisk).not.toContain(PASSWORD);
    expect(onDisk).not.toContain(PASSPHRASE);
    expect(safeStorage.encryptString).toHaveBeenCalled();

    resetFakeElectron();
    app.userData = userData;
    start();
    expect(await invoke('sync:load-settings')).toEqual({
      ...settings(),
      hasPassword: true,
      passphrase: PASSPHRASE,
      secretStorage: 'encrypted',
    });
  });

  it('never hand the password back to the renderer', async () => {
    start();
    const answers = [
      await invoke('sync:save-settings', { ...settings(), password: PASSWORD }),
      await invoke('sync:load-settings'),
      await invoke('sync:request', { method: 'GET', path: '' }),
      await ipcMain.invoke('sync:request', appFrame, { method: 'GET', path: '../_users' }),
    ];
    for (const answer of answers) expect(JSON.stringify(answer)).not.toContain(PASSWORD);
  });

  it('warn when Linux has no key ring and safeStorage falls back to a plain-text key', async () => {
    safeStorage.backend = 'basic_text';
    start('linux');
    const view = await invoke('sync:save-settings', { ...settings(), password: PASSWORD });
    expect(view).toMatchObject({ hasPassword: true, secretStorage: 'plain-text' });
  });

  it('do not consult the Linux-only backend on other systems', async () => {
    safeStorage.backend = 'basic_text';
    start('darwin');
    expect(await invoke('sync:load-settings')).toMatchObject({ secretStorage: 'encrypted' });
    expect(safeStorage.getSelectedStorageBackend).not.toHaveBeenCalled();
  });

  it('stay in memory only, never on disk, when the system offers no encryption', async () => {
    safeStorage.available = false;
    start();
    const view = await invoke('sync:save-settings', { ...settings(), password: PASSWORD });
    expect(view).toMatchObject({ hasPassword: true, secretStorage: 'session-only' });
    expect(readFileSync(join(userData, SYNC_SETTINGS_FILE), 'utf8')).not.toContain(PASSWORD);
    await invoke('sync:request', { method: 'GET', path: '' });
    expect(couch.seen[0]?.authorization).toBe(`Basic ${Buffer.from(`ada:${PASSWORD}`).toString('base64')}`);
  });

  it('drop the stored password when the server or the username changes without a new one', async () => {
    start();
    await invoke('sync:save-settings', { ...settings(), password: PASSWORD });
    expect(await invoke('sync:save-settings', { ...settings(), enabled: false })).toMatchObject({
      hasPassword: true,
    });
    expect(await invoke('sync:save-settings', { ...settings(), serverUrl: other.url })).toMatchObject({
      hasPassword: false,
    });
    await invoke('sync:save-settings', { ...settings(), password: PASSWORD });
    expect(await invoke('sync:save-settings', { ...settings(), username: 'eve' })).toMatchObject({
      hasPassword: false,
    });
  });
});

describe('sync requests through the main process', () => {
  it('go to the configured database with the stored credentials', async () => {
    start();
    await invoke('sync:save-settings', { ...settings(), password: PASSWORD });
    expect(await invoke('sync:request', { method: 'GET', path: '' })).toEqual({
      status: 200,
      body: { db_name: 'kith', doc_count: 7 },
    });
    expect(await invoke('sync:request', { method: 'POST', path: '_bulk_docs', body: { docs: [] } })).toEqual({
      status: 404,
      body: { error: 'not_found', reason: 'missing' },
    });
    expect(couch.seen.map(({ method, url, body }) => [method, url, body])).toEqual([
      ['GET', '/kith/', ''],
      ['POST', '/kith/_bulk_docs', '{"docs":[]}'],
    ]);
    expect(new Set(couch.seen.map((s) => s.authorization))).toEqual(
      new Set([`Basic ${Buffer.from(`ada:${PASSWORD}`).toString('base64')}`]),
    );
  });

  it.each([
    ['an absolute URL', `http://127.0.0.1:1/steal`, 'is not a Kith document'],
    ['a scheme-relative URL', '//evil.example/steal', 'is not a Kith document'],
    ['the server root', '/_users/org.couchdb.user:ada', 'is not a journal collection'],
    ['another database', '../_users/_all_docs', 'is not a Kith document'],
    ['an encoded climb', '%2e%2e/_config', 'is not a Kith document'],
    ['a backslash climb', '..\\_config', 'is not a Kith document'],
  ])('refuse %s and send nothing', async (_what, path, reason) => {
    start();
    await invoke('sync:save-settings', { ...settings(), password: PASSWORD });
    const result = await ipcMain.invoke('sync:request', appFrame, { method: 'GET', path });
    expect(result).toEqual({ ok: false, error: expect.stringContaining(reason) });
    expect((result as { error: string }).error).toMatch(/^sync:request: Refused a sync request: /);
    expect(couch.seen).toEqual([]);
    expect(net.fetch).not.toHaveBeenCalled();
  });

  it.each(REFUSED_SYNC_REQUESTS)(
    'refuse $method $path, which Kith never sends, and send nothing',
    async ({ why, ...request }) => {
      start();
      await invoke('sync:save-settings', { ...settings(), password: PASSWORD });
      const result = await ipcMain.invoke('sync:request', appFrame, request);
      expect(result).toEqual({ ok: false, error: expect.stringContaining(why) });
      expect((result as { error: string }).error).toMatch(
        new RegExp(`^sync:request: Refused a sync request: ${request.method} "`),
      );
      expect(couch.seen).toEqual([]);
    },
  );

  it('send every request Kith’s sync engine makes', async () => {
    start();
    await invoke('sync:save-settings', { ...settings(), password: PASSWORD });
    for (const request of ALLOWED_SYNC_REQUESTS) {
      expect(await invoke('sync:request', request)).toMatchObject({ status: expect.any(Number) });
    }
    expect(couch.seen.map(({ method, url }) => `${method} ${url}`)).toEqual(
      ALLOWED_SYNC_REQUESTS.map(({ method, path }) => `${method} /kith/${path}`),
    );
  });

  it('do not follow a redirect to another origin', async () => {
    start();
    await invoke('sync:save-settings', { ...settings(), database: 'elsewhere', password: PASSWORD });
    expect(await invoke('sync:request', { method: 'GET', path: '' })).toEqual({
      networkError: expect.stringMatching(/^Cannot reach the sync server at 127\.0\.0\.1:\d+/),
    });
    expect(other.seen).toEqual([]);
  });

  it('answer an unreachable server with a readable network error, not a failure', async () => {
    start();
    await invoke('sync:save-settings', {
      ...settings(),
      serverUrl: 'http://127.0.0.1:9',
      password: PASSWORD,
    });
    expect(await invoke('sync:request', { method: 'GET', path: '' })).toEqual({
      networkError: expect.stringMatching(/^Cannot reach the sync server at 127\.0\.0\.1:9/),
    });
  });

  it('say so when sync is not set up', async () => {
    start();
    expect(await ipcMain.invoke('sync:request', appFrame, { method: 'GET', path: '' })).toEqual({
      ok: false,
      error: 'sync:request: Sync is not set up on this device: add a server address and database name.',
    });
  });

  it('refuse a sender that is not the app’s top frame', async () => {
    start();
    await invoke('sync:save-settings', { ...settings(), password: PASSWORD });
    const frame = { url: 'https://evil.example/', parent: null };
    expect(await ipcMain.invoke('sync:request', frame, { method: 'GET', path: '' })).toEqual({
      ok: false,
      error: 'sync:request: refused, the sender is not on app://kith',
    });
    expect(await ipcMain.invoke('sync:load-settings', { ...appFrame, parent: appFrame }, undefined)).toEqual({
      ok: false,
      error: 'sync:load-settings: refused, the sender is not the top frame',
    });
    expect(couch.seen).toEqual([]);
  });
});

describe('"Test connection" from the main process', () => {
  it('tries what the form holds, with the typed password', async () => {
    start();
    expect(
      await invoke('sync:test-connection', {
        serverUrl,
        database: 'kith',
        username: 'ada',
        password: PASSWORD,
      }),
    ).toEqual({ ok: true, docCount: 7 });
    expect(couch.seen).toEqual([
      expect.objectContaining({
        method: 'GET',
        url: '/kith/',
        authorization: `Basic ${Buffer.from(`ada:${PASSWORD}`).toString('base64')}`,
      }),
    ]);
  });

  it('uses the stored password for the stored server and username only', async () => {
    start();
    await invoke('sync:save-settings', { ...settings(), password: PASSWORD });
    await invoke('sync:test-connection', { serverUrl, database: 'kith', username: 'ada' });
    expect(couch.seen[0]?.authorization).toBe(`Basic ${Buffer.from(`ada:${PASSWORD}`).toString('base64')}`);
    await invoke('sync:test-connection', { serverUrl: other.url, database: 'kith', username: 'ada' });
    await invoke('sync:test-connection', { serverUrl, database: 'kith', username: 'eve' });
    expect(other.seen).toEqual([expect.objectContaining({ authorization: undefined })]);
    expect(couch.seen[1]).toEqual(expect.objectContaining({ authorization: undefined }));
  });

  it('reports an unreachable server in words', async () => {
    start();
    expect(
      await invoke('sync:test-connection', {
        serverUrl: 'http://127.0.0.1:9',
        database: 'kith',
        username: '',
      }),
    ).toEqual({
      ok: false,
      message: expect.stringContaining('Cannot reach the sync server at 127.0.0.1:9'),
    });
  });
});

describe('sync payloads', () => {
  const base = { serverUrl: 'http://127.0.0.1:5984', database: 'kith', username: 'ada', enabled: true };
  it.each([
    [
      'sync:save-settings',
      { ...base, serverUrl: 'ftp://example.org' },
      'serverUrl: the address must start with http:// or https://',
    ],
    [
      'sync:save-settings',
      { ...base, serverUrl: 'http://ada:pw@example.org' },
      'serverUrl: put the username and password in their own fields',
    ],
    ['sync:save-settings', { ...base, serverUrl: 'not a url' }, 'serverUrl: it is not a complete address'],
    [
      'sync:save-settings',
      { ...base, database: 'My Journal' },
      'database: a database name starts with a lowercase letter',
    ],
    ['sync:save-settings', { ...base, serverUrl: '' }, 'serverUrl: required to turn sync on'],
    [
      'sync:save-settings',
      { ...base, enabled: 'yes' },
      'enabled: Invalid input: expected boolean, received string',
    ],
    [
      'sync:save-settings',
      { ...base, password: 42 },
      'password: Invalid input: expected string, received number',
    ],
    ['sync:save-settings', { ...base, token: 'x' }, 'Unrecognized key: "token"'],
    ['sync:request', { method: 'PATCH', path: '' }, 'method: Invalid option'],
    ['sync:request', { method: 'GET' }, 'path: Invalid input: expected string, received undefined'],
    ['sync:request', { method: 'GET', path: '', timeoutMs: -5 }, 'timeoutMs: Too small'],
    ['sync:request', { method: 'GET', path: '', url: 'http://evil.example' }, 'Unrecognized key: "url"'],
    ['sync:test-connection', { ...base, enabled: undefined, serverUrl: '' }, 'serverUrl: required'],
    ['sync:load-settings', { any: 1 }, 'payload: Invalid input: expected undefined, received object'],
  ])('%s with %j is refused naming the field', async (channel, payload, message) => {
    start();
    const { enabled: _enabled, ...withoutEnabled } = payload as Record<string, unknown>;
    const sent = channel === 'sync:test-connection' ? withoutEnabled : payload;
    const result = await ipcMain.invoke(channel, appFrame, sent);
    expect(result).toEqual({ ok: false, error: expect.stringContaining(message) });
    expect((result as { error: string }).error.startsWith(`${channel}: `)).toBe(true);
  });
});
