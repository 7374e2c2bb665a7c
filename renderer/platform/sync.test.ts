// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ALLOWED_SYNC_REQUESTS, REFUSED_SYNC_REQUESTS } from '../../shared/security/syncRequestExamples';
import { createFetchTransport } from './sync/fetchTransport';
import { loadSyncSettings, saveSyncSettings, syncTransport } from './index';

const globals = window as unknown as Record<string, unknown>;
const DB = 'http://127.0.0.1:5984/kith/';
const base = { serverUrl: 'http://127.0.0.1:5984', database: 'kith', username: 'ada', enabled: true };

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
});
afterEach(() => {
  delete globals.kith;
});

describe('the browser’s fetch transport', () => {
  it('sends Basic auth (UTF-8) and JSON to the database, and parses the answer', async () => {
    const fetchFn = vi.fn(async () => new Response('{"ok":true}', { status: 201 }));
    const transport = createFetchTransport(DB, () => ({ username: 'zoë', password: 'pässword' }), fetchFn);
    expect(await transport({ method: 'POST', path: '_bulk_docs', body: { docs: [] } })).toEqual({
      status: 201,
      body: { ok: true },
    });
    const [url, init] = fetchFn.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe(`${DB}_bulk_docs`);
    const headers = init.headers as Record<string, string>;
    const sent = Uint8Array.from(atob(headers.Authorization!.slice('Basic '.length)), (c) => c.charCodeAt(0));
    expect(new TextDecoder().decode(sent)).toBe('zoë:pässword');
    expect(init).toMatchObject({
      method: 'POST',
      body: '{"docs":[]}',
      credentials: 'omit',
      redirect: 'error',
    });
  });

  it('refuses a path outside the database without sending anything', async () => {
    const fetchFn = vi.fn(async () => new Response('{}'));
    const transport = createFetchTransport(DB, () => null, fetchFn);
    await expect(transport({ method: 'GET', path: '../_users' })).rejects.toThrow(
      'Refused a sync request: GET "../_users" is not a request Kith sends',
    );
    expect(fetchFn).not.toHaveBeenCalled();
  });

  it.each(REFUSED_SYNC_REQUESTS)(
    'refuses $method $path, which Kith never sends, before anything is fetched',
    async ({ why, ...request }) => {
      const fetchFn = vi.fn(async () => new Response('{}'));
      const transport = createFetchTransport(DB, () => ({ username: 'ada', password: 'pw' }), fetchFn);
      await expect(transport(request)).rejects.toThrow(`Refused a sync request: ${request.method} "`);
      await expect(transport(request)).rejects.toThrow(why);
      expect(fetchFn).not.toHaveBeenCalled();
    },
  );

  it('sends every request Kith’s sync engine makes', async () => {
    const fetchFn = vi.fn(async () => new Response('{}'));
    const transport = createFetchTransport(DB, () => null, fetchFn);
    for (const request of ALLOWED_SYNC_REQUESTS) await transport(request);
    expect(fetchFn.mock.calls.map((call) => (call as unknown as [string])[0])).toEqual(
      ALLOWED_SYNC_REQUESTS.map((request) => `${DB}${request.path}`),
    );
  });

  it('rejects in words when the server cannot be reached, and when stopped', async () => {
    const refused = createFetchTransport(
      DB,
      () => null,
      async () => Promise.reject(new TypeError('Failed to fetch')),
    );
    await expect(refused({ method: 'GET', path: '' })).rejects.toThrow(
      'Cannot reach the sync server at 127.0.0.1:5984 (Failed to fetch).',
    );
    const hanging = createFetchTransport(
      DB,
      () => null,
      (_url, init) =>
        new Promise((_resolve, reject) =>
          init?.signal?.addEventListener('abort', () => reject(new Error('aborted'))),
        ),
    );
    const controller = new AbortController();
    const pending = hanging({ method: 'GET', path: '_changes?feed=longpoll', signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toThrow('Sync stopped.');
  });
});

describe('sync settings in the browser', () => {
  it('drop the password when the server or username changes without a new one', async () => {
    await saveSyncSettings({ ...base, password: 'pw' });
    expect((await loadSyncSettings()).hasPassword).toBe(true);
    expect((await saveSyncSettings({ ...base, serverUrl: 'http://127.0.0.1:6000' })).hasPassword).toBe(false);
  });
});

describe('the desktop transport', () => {
  it('goes through the bridge without the abort signal, and turns a network error into a rejection', async () => {
    const syncRequest = vi.fn(async () => ({
      networkError: 'Cannot reach the sync server at 127.0.0.1:5984.',
    }));
    globals.kith = {
      loadSyncSettings: vi.fn(),
      saveSyncSettings: vi.fn(),
      testSyncConnection: vi.fn(),
      syncRequest,
    };
    const signal = new AbortController().signal;
    await expect(syncTransport()({ method: 'GET', path: '', timeoutMs: 500, signal })).rejects.toThrow(
      'Cannot reach the sync server at 127.0.0.1:5984.',
    );
    expect(syncRequest).toHaveBeenCalledWith({ method: 'GET', path: '', timeoutMs: 500 });
  });
});
