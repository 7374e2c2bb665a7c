import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createSyncServer, type SyncServer } from '../../../scripts/sync-server/server.mjs';
import { fetchTransport } from '../../support/couchServer';

const servers: SyncServer[] = [];
const dirs: string[] = [];

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

async function server(options: Partial<Parameters<typeof createSyncServer>[0]> = {}) {
  const s = await createSyncServer({ memory: true, username: 'me', password: 'secret', ...options });
  servers.push(s);
  return s;
}

describe('the embedded sync server', () => {
  it('answers only with the right username and password', async () => {
    const s = await server();
    expect((await fetch(`${s.url}kith`, { method: 'PUT' })).status).toBe(401);
    expect((await fetchTransport(`${s.url}kith/`, 'me', 'wrong')({ method: 'PUT', path: '' })).status).toBe(
      401,
    );
    expect(
      (await fetchTransport(`${s.url}kith/`, 'other', 'secret')({ method: 'PUT', path: '' })).status,
    ).toBe(401);
    expect((await fetchTransport(`${s.url}kith/`, 'me', 'secret')({ method: 'PUT', path: '' })).status).toBe(
      201,
    );
  });

  it('answers CORS preflights for the browser build on this machine, and no other origin', async () => {
    const s = await server();
    const preflight = (origin: string) =>
      fetch(`${s.url}kith/_changes`, {
        method: 'OPTIONS',
        headers: {
          Origin: origin,
          'Access-Control-Request-Method': 'GET',
          'Access-Control-Request-Headers': 'authorization',
        },
      });
    const ok = await preflight('http://localhost:4173');
    expect(ok.status).toBe(204);
    expect(ok.headers.get('access-control-allow-origin')).toBe('http://localhost:4173');
    expect(ok.headers.get('access-control-allow-headers')).toMatch(/Authorization/);
    const foreign = await preflight('https://evil.example');
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('keeps its data on disk across a restart', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kith-sync-'));
    dirs.push(dir);
    const first = await createSyncServer({ dir, username: 'me', password: 'secret' });
    const t1 = fetchTransport(`${first.url}kith/`, 'me', 'secret');
    await t1({ method: 'PUT', path: '' });
    await t1({ method: 'PUT', path: 'doc', body: { kept: true } });
    await first.close();
    const second = await server({ memory: false, dir });
    const doc = await fetchTransport(`${second.url}kith/`, 'me', 'secret')({ method: 'GET', path: 'doc' });
    expect(doc.body).toMatchObject({ kept: true });
  });

  it('refuses to start without a folder, a username or a password', async () => {
    await expect(createSyncServer({ username: 'me', password: 'x' })).rejects.toThrow(/folder/);
    await expect(createSyncServer({ memory: true, username: '', password: 'x' })).rejects.toThrow(/username/);
    await expect(createSyncServer({ memory: true, username: 'me', password: '' })).rejects.toThrow(
      /password/,
    );
  });
});
