import { describe, expect, it } from 'vitest';
import { createPerson, updatePerson } from '../../../shared/db';
import { syncFixture, waitFor, waitForStatus } from './devices';

const server = syncFixture();
const device = server.device;
const person = server.person;

describe('sync between devices through a CouchDB-protocol server', () => {
  it('an encrypted person made on A appears on B, and the server holds none of its text', async () => {
    const a = await device('laptop', 'a long sync passphrase');
    const b = await device('desktop', 'a long sync passphrase');
    a.start();
    await waitForStatus(a.session!, 'synced');
    b.start();
    const { person: after } = await createPerson(a.db, {
      name: 'Grace Hopper',
      notes: 'Talked about COBOL and nanoseconds',
      emails: ['grace@navy.example'],
    });
    const onB = await waitFor('the person on B', () => person(b, after.id));
    expect(onB).toMatchObject({ name: 'Grace Hopper', emails: ['grace@navy.example'] });

    const raw = JSON.stringify(await server.couch.rawDocs());
    expect(raw).toContain(`people:${after.id}`);
    for (const secret of ['Grace', 'Hopper', 'COBOL', 'nanoseconds', 'navy.example', 'laptop', 'desktop']) {
      expect(raw).not.toContain(secret);
    }
  });

  it('merges concurrent edits made while the server was away, keeping both notes', async () => {
    const a = await device('laptop');
    const b = await device('desktop');
    a.start();
    b.start();
    const id = (await createPerson(a.db, { name: 'Ada', notes: 'first' })).person.id;
    await waitFor('the person on B', () => person(b, id));
    await server.couch.pause();
    await updatePerson(a.db, id, { notes: 'laptop notes', role: 'Analyst' });
    await updatePerson(b.db, id, { notes: 'desktop notes', organisation: 'Society' });
    await waitForStatus(a.session!, 'offline');
    await server.couch.resume();
    a.session!.retry();
    b.session!.retry();
    const merged = await waitFor('both devices to agree', async () => {
      const [pa, pb] = [await person(a, id), await person(b, id)];
      return (
        pa && pb && pa.notes === pb.notes && pa.organisation === 'Society' && pb.role === 'Analyst' && pa
      );
    });
    expect(merged!.notes).toMatch(
      /^desktop notes\n\n---\nConflicting edit from another device \(laptop\) at .* UTC:\nlaptop notes$/,
    );
  });

  it('starts while the server is unreachable and catches up when it answers', async () => {
    await server.couch.pause();
    const a = await device('laptop');
    const session = a.start();
    const offline = await waitForStatus(session, 'offline');
    expect(offline).toMatchObject({ lastSyncedAt: null });
    const id = (await createPerson(a.db, { name: 'Offline Olga' })).person.id;
    await server.couch.resume();
    session.retry();
    await waitForStatus(session, 'synced');
    const b = await device('desktop');
    b.start();
    await waitFor('the person on B', () => person(b, id));
  });

  it('a wrong passphrase on B stops with a clear error and B writes nothing', async () => {
    const a = await device('laptop', 'right passphrase');
    a.start();
    await createPerson(a.db, { name: 'Secret Sam' });
    await a.session!.awaitInSync();
    const before = await server.couch.rawDocs();
    const b = await device('desktop', 'wrong passphrase');
    await createPerson(b.db, { name: 'Local Lou' });
    const status = await waitForStatus(b.start(), 'error');
    expect(status).toMatchObject({
      message: 'The sync passphrase does not match the one this journal was encrypted with.',
    });
    expect(await server.couch.rawDocs()).toEqual(before);
    expect((await b.db.people.find().exec()).map((p) => p.name).sort()).toEqual(['Local Lou', 'Me'].sort());
  });

  it('keeps documents from a newer Kith version on the server without applying or dropping them', async () => {
    const a = await device('laptop');
    a.start();
    await waitForStatus(a.session!, 'synced');
    const future = {
      _id: 'people:future',
      kith: 1,
      c: 'people',
      v: 99,
      enc: false,
      doc: { id: 'future', name: 'From the future', hologram: true, _deleted: false },
    };
    await server.couch.transport()({
      method: 'PUT',
      path: encodeURIComponent('people:future'),
      body: future,
    });
    await waitFor(
      'the waiting count',
      () =>
        a.session!.status().state === 'synced' &&
        (
          a.session as unknown as { waitingFromNewerVersion$: { getValue(): number } }
        ).waitingFromNewerVersion$.getValue() === 1,
    );
    expect(await person(a, 'future')).toBeNull();
    await createPerson(a.db, { name: 'Still syncing' });
    await a.session!.awaitInSync();
    const raw = await server.couch.rawDocs();
    expect(raw.find((d) => d._id === 'people:future')).toMatchObject({ v: 99, doc: { hologram: true } });
  });
});
