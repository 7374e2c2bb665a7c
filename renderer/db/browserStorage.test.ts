// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { IDBDatabase, IDBFactory } from 'fake-indexeddb';
import { browserStorageRoom, flushToDisk } from './browserStorage';

const globals = window as unknown as Record<string, unknown>;
const MiB = 1024 * 1024;
const GiB = 1024 * MiB;

function stubEstimate(estimate: (() => Promise<StorageEstimate>) | undefined): void {
  vi.stubGlobal('navigator', { ...navigator, storage: estimate && { estimate } });
}

afterEach(() => {
  delete globals.kith;
  vi.unstubAllGlobals();
});

describe('the room a bulk write checks', () => {
  it('is the disk’s free bytes when the quota estimate knows nothing of the full disk', async () => {
    // What Chromium said on a 48 MB disk with 12 MB free.
    stubEstimate(async () => ({ quota: GiB, usage: 0 }));
    globals.kith = { freeDiskBytes: vi.fn(async () => 12 * MiB) };
    await expect(browserStorageRoom(MiB)).resolves.toBe(12 * MiB);
  });

  it('is the quota left when that is smaller than the free disk', async () => {
    stubEstimate(async () => ({ quota: 100 * MiB, usage: 90 * MiB }));
    globals.kith = { freeDiskBytes: vi.fn(async () => 50 * GiB) };
    await expect(browserStorageRoom(MiB)).resolves.toBe(10 * MiB);
  });

  it('is the quota left in a browser, which cannot ask the OS', async () => {
    stubEstimate(async () => ({ quota: GiB, usage: 24 * MiB }));
    await expect(browserStorageRoom(MiB)).resolves.toBe(GiB - 24 * MiB);
  });

  it('is whichever figure is known when the other is not', async () => {
    stubEstimate(undefined);
    globals.kith = { freeDiskBytes: vi.fn(async () => 12 * MiB) };
    await expect(browserStorageRoom(MiB)).resolves.toBe(12 * MiB);

    stubEstimate(async () => ({ quota: 100 * MiB, usage: 40 * MiB }));
    globals.kith = { freeDiskBytes: vi.fn(async () => null) };
    await expect(browserStorageRoom(MiB)).resolves.toBe(60 * MiB);

    globals.kith = {
      freeDiskBytes: vi.fn(async () => Promise.reject(new Error('storage:free-bytes: refused'))),
    };
    await expect(browserStorageRoom(MiB)).resolves.toBe(60 * MiB);
  });

  it('is unknown (null) only when neither is known', async () => {
    stubEstimate(async () => ({}));
    globals.kith = { freeDiskBytes: vi.fn(async () => null) };
    await expect(browserStorageRoom(MiB)).resolves.toBeNull();

    stubEstimate(async () => Promise.reject(new Error('estimate failed')));
    delete globals.kith;
    await expect(browserStorageRoom(MiB)).resolves.toBeNull();
  });
});

describe('making a bulk write durable', () => {
  it('writes one strict-durability transaction, which the browser completes only once on the disk', async () => {
    const indexedDB = new IDBFactory();
    vi.stubGlobal('indexedDB', indexedDB);
    const transaction = vi.spyOn(IDBDatabase.prototype, 'transaction');
    await flushToDisk();
    await flushToDisk();
    const writes = transaction.mock.calls.filter(([, mode]) => mode === 'readwrite');
    expect(writes.map((call) => call.slice(1))).toEqual([
      ['readwrite', { durability: 'strict' }],
      ['readwrite', { durability: 'strict' }],
    ]);
    const stored = await new Promise<unknown>((resolve, reject) => {
      const open = indexedDB.open('kith-durability');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const get = open.result.transaction('flushes').objectStore('flushes').get('last');
        get.onsuccess = () => resolve(get.result);
      };
    });
    expect(typeof stored).toBe('number');
  });
});
