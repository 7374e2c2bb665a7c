import { describe, expect, it } from 'vitest';
import { Link } from './link';
import { runLiveFeed } from './live';
import { setTimer, sleep } from './timers';
import type { SyncAbortSignal, SyncRequest, SyncResponse } from './transport';

/**
 * A database as express-pouchdb serves it: numbered sequences; a long-poll from a sequence it does
 * not know ("9999-g", or one ahead of it) answers nothing until the client gives up, even when
 * documents change meanwhile. `garbage` answers the next long-polls instead, one each.
 */
function pouchLike() {
  const changes: { seq: number; id: string }[] = [];
  const garbage: unknown[] = [];
  const waiting = new Set<() => void>();
  const transport = async (request: SyncRequest): Promise<SyncResponse> => {
    if (request.path === '') return { status: 200, body: { update_seq: changes.length } };
    const since = decodeURIComponent(/since=([^&]*)/.exec(request.path)?.[1] ?? '0');
    if (garbage.length > 0) return { status: 200, body: garbage.shift() };
    const from = /^\d+$/.test(since) ? Number(since) : null;
    const deadline = Date.now() + (request.timeoutMs ?? 60_000);
    while (from !== null && from >= changes.length && Date.now() < deadline) {
      await new Promise<void>((wake) => {
        waiting.add(wake);
        setTimer(wake, 10);
      });
    }
    if (from === null || from >= changes.length) {
      await sleep(Math.max(deadline - Date.now(), 0));
      throw new Error('timed out');
    }
    const results = changes.slice(from).map((c) => ({ id: c.id, seq: c.seq, changes: [{ rev: '1-a' }] }));
    return { status: 200, body: { results, last_seq: changes.length } };
  };
  return {
    transport,
    garbage,
    change(id: string) {
      changes.push({ seq: changes.length + 1, id });
      for (const wake of [...waiting]) wake();
      waiting.clear();
    },
  };
}

function feed(db: ReturnType<typeof pouchLike>) {
  const seen: string[] = [];
  const states: string[] = [];
  const link = new Link(db.transport, 10, (state) => states.push(state.kind));
  const signal: SyncAbortSignal = {
    aborted: false,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
  };
  const done = runLiveFeed({
    link,
    since: 0,
    signal,
    onChanges: (changes) => seen.push(...changes.map((c) => c.id)),
    longpollMs: 100,
    requestMs: 200,
  });
  return {
    seen,
    states,
    async stop() {
      link.stop();
      await done;
    },
  };
}

async function until(what: string, check: () => boolean, ms = 5_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}

describe('live changes feed', () => {
  it('reports changes as the database makes them', async () => {
    const db = pouchLike();
    const f = feed(db);
    db.change('people:a');
    await until('people:a', () => f.seen.includes('people:a'));
    db.change('people:b');
    await until('people:b', () => f.seen.includes('people:b'));
    await f.stop();
  });

  it('is not stalled for good by a sequence a hostile answer made up', async () => {
    const db = pouchLike();
    const f = feed(db);
    db.change('people:a');
    await until('people:a', () => f.seen.includes('people:a'));
    // A well-formed page, but its sequence is one the database does not know.
    db.garbage.push({ results: [{ id: 'people:forged', seq: '9999-g' }], last_seq: '9999-g' });
    await until('the forged page', () => f.seen.includes('people:forged'));
    db.change('encounters:later');
    await until('a change made after the forged page', () => f.seen.includes('encounters:later'));
    await f.stop();
  });

  it('says the feed is malformed when its sequence is not one, and recovers', async () => {
    const db = pouchLike();
    const f = feed(db);
    db.garbage.push({ results: [], last_seq: { evil: true } });
    await until('the error', () => f.states.includes('error'));
    db.change('people:after');
    await until('a change made after the garbage', () => f.seen.includes('people:after'));
    expect(f.states.at(-1)).toBe('ok');
    await f.stop();
  });
});
