import { describe, expect, it } from 'vitest';
import { Link } from './link';
import type { SyncTransport } from './transport';

describe('sync link backoff', () => {
  it('waits longer after each failed round, resets on success, and retries at once on request', async () => {
    let up = false;
    const calls: number[] = [];
    const transport: SyncTransport = async () => {
      calls.push(Date.now());
      if (!up) throw new Error('connection refused');
      return { status: 200, body: {} };
    };
    const states: string[] = [];
    const link = new Link(transport, 40, (s) => states.push(s.kind));
    const attempt = () => link.send({ method: 'GET', path: '' }, 'read').catch(() => 'failed');

    expect(await attempt()).toBe('failed');
    // Seven loops failing together count as one failure, not seven doublings.
    await Promise.all([attempt(), attempt(), attempt()]);
    const delays = calls.slice(1).map((t) => t - (calls[0] as number));
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(35);
    expect(link.state).toMatchObject({ kind: 'offline', message: 'connection refused' });
    const before = Date.now();
    await attempt();
    // Second failed round: 40 ms doubled.
    expect((calls.at(-1) as number) - before).toBeGreaterThanOrEqual(70);

    const waiting = attempt();
    link.retry();
    up = true;
    expect(await waiting).toMatchObject({ status: 200 });
    expect(link.state).toEqual({ kind: 'ok' });
    expect(states.at(-1)).toBe('ok');

    link.stop();
    await expect(link.send({ method: 'GET', path: '' }, 'read')).rejects.toThrow('Sync was stopped.');
  });

  it('reports a refused password as an error with a human reason', async () => {
    const link = new Link(
      async () => ({ status: 401, body: { error: 'unauthorized' } }),
      10,
      () => undefined,
    );
    await expect(link.send({ method: 'GET', path: '' }, 'read')).rejects.toThrow(
      'The sync server refused the username or password.',
    );
    expect(link.state).toMatchObject({ kind: 'error' });
  });
});
