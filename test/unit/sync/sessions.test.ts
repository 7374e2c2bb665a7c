import { webcrypto } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createPerson, deletePerson, holdSync, updatePerson } from '../../../shared/db';
import { changePassphrase, ensureDatabase, testConnection, type SyncTransport } from '../../../shared/sync';
import { TEST_USER } from '../../support/couchServer';
import { syncFixture, waitFor, waitForStatus } from './devices';

const server = syncFixture();
const device = server.device;
const person = server.person;

describe('sync sessions', () => {
  it('an edit made while another device deleted the person brings the person back, on both', async () => {
    const a = await device('laptop');
    const b = await device('desktop');
    a.start();
    b.start();
    const id = (await createPerson(a.db, { name: 'Linus' })).person.id;
    await waitFor('the person on B', () => person(b, id));
    await a.session!.awaitInSync();
    await b.session!.awaitInSync();
    await server.couch.pause();
    await deletePerson(a.db, id);
    await updatePerson(b.db, id, { notes: 'Still in touch' });
    await server.couch.resume();
    a.session!.retry();
    b.session!.retry();
    await waitFor(
      'the person back on A with the edit',
      async () => (await person(a, id))?.notes === 'Still in touch',
    );
    expect(await person(b, id)).toMatchObject({ notes: 'Still in touch' });
  });

  it('a delete of the version the other device saw stays deleted everywhere', async () => {
    const a = await device('laptop');
    const b = await device('desktop');
    a.start();
    b.start();
    const id = (await createPerson(a.db, { name: 'Gone Gary' })).person.id;
    await waitFor('the person on B', () => person(b, id));
    await deletePerson(b.db, id);
    await waitFor('the person gone on A', async () => (await person(a, id)) === null);
  });

  it('changing the passphrase re-encrypts everything; the old passphrase then fails clearly', async () => {
    const a = await device('laptop', 'old passphrase');
    a.start();
    await createPerson(a.db, { name: 'Barbara Liskov', notes: 'substitution' });
    await a.session!.awaitInSync();
    const kidsBefore = new Set((await server.couch.rawDocs()).filter((d) => d.enc).map((d) => d.kid));
    // The open RxDB core allows 13 collections per process: two Kith databases at a time.
    await a.close();
    const progress: number[] = [];
    await changePassphrase(server.couch.transport(), webcrypto, 'old passphrase', 'new passphrase', (p) =>
      progress.push(p.done),
    );
    expect(progress.length).toBeGreaterThan(0);
    const raw = await server.couch.rawDocs();
    const kidsAfter = new Set(raw.filter((d) => d.enc).map((d) => d.kid));
    expect(kidsAfter.size).toBe(1);
    expect([...kidsAfter][0]).not.toBe([...kidsBefore][0]);
    expect(JSON.stringify(raw)).not.toMatch(/Barbara|Liskov|substitution/);

    const stale = await device('desktop', 'old passphrase');
    expect(await waitForStatus(stale.start(), 'error')).toMatchObject({
      message: 'The sync passphrase does not match the one this journal was encrypted with.',
    });
    await stale.close();
    const fresh = await device('tablet', 'new passphrase');
    fresh.start();
    await waitFor('the person on the device with the new passphrase', async () =>
      (await fresh.db.people.find().exec()).some((p) => p.name === 'Barbara Liskov'),
    );
  });

  const onServer = async (id: string) => (await server.couch.rawDocs()).some((d) => d._id === `people:${id}`);

  it.each([
    [
      'pushes nothing of an import or a restore until it is written whole (sync is held meanwhile)',
      'before the hold',
    ],
    [
      'starts held when an import is already being written as sync starts, and syncs once it ends',
      'during the hold',
    ],
  ] as const)('%s', async (_name, syncStarts) => {
    const a = await device('laptop');
    if (syncStarts === 'before the hold') {
      a.start();
      await waitForStatus(a.session!, 'synced');
    }
    const release = holdSync(a.db);
    const id = (await createPerson(a.db, { name: 'Written during an import' })).person.id;
    if (syncStarts === 'during the hold') a.start();
    await new Promise((r) => setTimeout(r, 1_500));
    expect(a.session!.status()).toMatchObject({ state: 'syncing', held: true });
    expect(await onServer(id)).toBe(false);
    release();
    await waitFor('the person on the server', () => onServer(id));
    await waitForStatus(a.session!, 'synced');
  });

  it('names a document the server will not store, and keeps syncing the ones after it', async () => {
    const refusing = (id: string): SyncTransport => {
      const inner = server.couch.transport();
      return async (request) => {
        const docs = (request.body as { docs?: { _id: string }[] } | undefined)?.docs;
        if (request.method !== 'POST' || !request.path.startsWith('_bulk_docs') || !docs)
          return inner(request);
        const kept = docs.filter((d) => d._id !== `people:${id}`);
        const res = await inner({ ...request, body: { ...(request.body as object), docs: kept } });
        if (kept.length === docs.length) return res;
        const error = { id: `people:${id}`, error: 'forbidden', reason: 'documents over 1 MB are refused' };
        return { ...res, body: [...(res.body as object[]), error] };
      };
    };
    const a = await device('laptop');
    const big = (await createPerson(a.db, { name: 'Refused Rita' })).person.id;
    a.start({ transport: refusing(big) });
    await waitFor('the refusal named', () => {
      const s = a.session!.status();
      return (
        s.state === 'error' &&
        /would not store people “.+”: documents over 1 MB are refused/.test(s.message) &&
        s
      );
    });
    const later = (await createPerson(a.db, { name: 'Stored Sam' })).person.id;
    await waitFor('a later person on the server', async () =>
      (await server.couch.rawDocs()).some((d) => d._id === `people:${later}`),
    );
    expect((await server.couch.rawDocs()).some((d) => d._id === `people:${big}`)).toBe(false);
    expect(await person(a, big)).toMatchObject({ name: 'Refused Rita' });
  });

  it('stays paused, not stopped, when the key document cannot be read after it changed, and carries on once it can', async () => {
    let keyReadsFail = false;
    const inner = server.couch.transport();
    const flaky: SyncTransport = (request) =>
      keyReadsFail && request.method === 'GET' && request.path.startsWith('kith-key')
        ? Promise.reject(new Error('connect ECONNREFUSED'))
        : inner(request);
    const a = await device('laptop', 'a passphrase');
    a.start({ transport: flaky });
    await waitForStatus(a.session!, 'synced');
    keyReadsFail = true;
    const key = (await inner({ method: 'GET', path: 'kith-key' })).body as { _rev: string };
    await inner({ method: 'PUT', path: 'kith-key', body: key });
    const offline = await waitForStatus(a.session!, 'offline');
    expect(offline).not.toHaveProperty('message');
    const id = (await createPerson(a.db, { name: 'Made while the key was unreadable' })).person.id;
    await new Promise((r) => setTimeout(r, 500));
    expect((await server.couch.rawDocs()).some((d) => d._id === `people:${id}`)).toBe(false);
    keyReadsFail = false;
    await waitFor('the person on the server', async () =>
      (await server.couch.rawDocs()).some((d) => d._id === `people:${id}`),
    );
    await waitForStatus(a.session!, 'synced');
  });

  it('says in words when the password is wrong, and tests a connection without throwing', async () => {
    const wrong = server.couch.transport('kith', { user: TEST_USER, password: 'nope' });
    expect(await testConnection(wrong)).toEqual({
      ok: false,
      message: 'The sync server refused the username or password.',
    });
    const d = await device('laptop', undefined, wrong);
    expect(await waitForStatus(d.start(), 'error')).toMatchObject({
      message: 'The sync server refused the username or password.',
    });
    const right = server.couch.transport('journal2');
    expect(await testConnection(right)).toEqual({ ok: true, docCount: 0 });
    await ensureDatabase(right);
    await right({ method: 'PUT', path: 'x', body: { a: 1 } });
    expect(await testConnection(right)).toEqual({ ok: true, docCount: 1 });
    await server.couch.pause();
    expect(await testConnection(right)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^No answer/),
    });
  });
});
