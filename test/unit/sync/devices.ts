/** Test devices: a Kith database on fake IndexedDB, synced through the in-process server. */
import { webcrypto } from 'node:crypto';
import { afterEach, beforeEach } from 'vitest';
import { openDatabase, type KithDatabase } from '../../../shared/db';
import { fakeStorage, uniqueName } from '../../../shared/db/testing';
import { startSync, type SyncOptions, type SyncSession, type SyncTransport } from '../../../shared/sync';
import { startCouchServer, type TestCouch } from '../../support/couchServer';

export interface Device {
  db: KithDatabase;
  session: SyncSession | null;
  start(options?: Partial<SyncOptions>): SyncSession;
  stopSync(): Promise<void>;
  close(): Promise<void>;
}

export async function openDevice(
  deviceId: string,
  transport: SyncTransport,
  passphrase?: string,
): Promise<Device> {
  const db = await openDatabase({
    storage: fakeStorage(),
    name: uniqueName(deviceId),
    multiInstance: false,
    deviceId,
  });
  const device: Device = {
    db,
    session: null,
    start(options = {}) {
      device.session = startSync(db, {
        transport,
        crypto: webcrypto,
        passphrase,
        waitForLeadership: false,
        retryMs: 100,
        ...options,
      });
      return device.session;
    },
    async stopSync() {
      await device.session?.stop();
      device.session = null;
    },
    async close() {
      await device.stopSync();
      await db.close();
    },
  };
  return device;
}

/** Polls until `check` returns a value that is not false/null/undefined, or fails naming `what`. */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T | false | null | undefined> | T | false | null | undefined,
  timeoutMs = 10_000,
): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== false && value !== null && value !== undefined) return value;
    } catch (err) {
      last = err;
    }
    if (Date.now() > end)
      throw new Error(`Timed out waiting for ${what}${last ? ` (last error: ${String(last)})` : ''}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export async function waitForStatus(session: SyncSession, state: string, timeoutMs = 10_000) {
  return waitFor(
    `sync status “${state}” (is ${JSON.stringify(session.status())})`,
    () => session.status().state === state && session.status(),
    timeoutMs,
  );
}

/**
 * A fresh in-process server per test, and devices on it that are closed after the test:
 * `const server = syncFixture();` at the top of a test file, then `server.couch`, `server.device(…)`.
 */
export function syncFixture() {
  const devices: Device[] = [];
  const fixture = {
    couch: null as unknown as TestCouch,
    async device(id: string, passphrase?: string, transport?: SyncTransport): Promise<Device> {
      const d = await openDevice(id, transport ?? fixture.couch.transport(), passphrase);
      devices.push(d);
      return d;
    },
    async person(d: Device, id: string) {
      return (await d.db.people.findOne(id).exec())?.toMutableJSON() ?? null;
    },
  };
  beforeEach(async () => {
    fixture.couch = await startCouchServer();
  });
  afterEach(async () => {
    await Promise.all(devices.splice(0).map((d) => d.close()));
    await fixture.couch.close();
  });
  return fixture;
}
