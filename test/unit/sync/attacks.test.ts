/**
 * A hostile server (or whoever runs it): every attack of the adversarial review, against real
 * devices syncing through the in-process server. Each test acts as the server's operator by writing
 * to the database directly, then checks what the devices applied, set aside and said.
 */
import { webcrypto } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createPerson, personDocument, updatePerson } from '../../../shared/db';
import { makeStamp } from '../../../shared/db/fieldTimes';
import { listQuarantined } from '../../../shared/db/quarantine';
import { changePassphrase, restoreKeyDoc, WRONG_PASSPHRASE_MESSAGE } from '../../../shared/sync';
import { fromBase64, toBase64 } from '../../../shared/sync/bytes';
import { REFUSED } from '../../../shared/sync/envelope';
import { ROLLED_BACK } from '../../../shared/sync/handlers';
import { createKeyRecord } from '../../../shared/sync/keyDoc';
import {
  KEY_DOC_MISSING,
  PASSPHRASE_CHANGED_ELSEWHERE,
  TURNING_ON_WHILE_ENCRYPTED,
} from '../../../shared/sync/unlock';
import type { SyncRequest, SyncTransport } from '../../../shared/sync/transport';
import { syncFixture, waitFor, waitForStatus, type Device } from './devices';

const server = syncFixture();
const PASSPHRASE = 'a long sync passphrase';

type Raw = Record<string, unknown> & { _id: string; _rev: string };

const operator = () => server.couch.transport();

async function raw(id: string): Promise<Raw> {
  return (await operator()({ method: 'GET', path: encodeURIComponent(id) })).body as Raw;
}

async function overwrite(doc: Raw): Promise<void> {
  const res = await operator()({ method: 'PUT', path: encodeURIComponent(doc._id), body: doc });
  expect(res.status).toBe(201);
}

async function setAsideFor(d: Device, docId: string) {
  return waitFor(`“${docId}” set aside`, async () =>
    (await listQuarantined(d.db)).entries.find((e) => e.docId === docId),
  );
}

async function synced(d: Device) {
  await waitForStatus(d.session!, 'synced');
  await d.session!.awaitInSync();
}

/** A device with some people, synced. */
async function deviceWithPeople(id: string, names: string[], passphrase = PASSPHRASE) {
  const d = await server.device(id, passphrase || undefined);
  d.start();
  const ids: string[] = [];
  for (const name of names)
    ids.push((await createPerson(d.db, { name, addresses: [`${name} Street 1`] })).person.id);
  await synced(d);
  return { d, ids };
}

describe('a hostile sync server', () => {
  it('cannot inject a plaintext document into an encrypted journal', async () => {
    const { d } = await deviceWithPeople('laptop', ['Ada']);
    const forged = personDocument('mallory', { name: 'Mallory' }, { ms: 1, stamp: makeStamp(9e12, 'x') });
    const res = await operator()({
      method: 'PUT',
      path: 'people%3Amallory',
      body: { kith: 2, c: 'people', v: 2, enc: false, doc: { ...forged, _deleted: false } },
    });
    expect(res.status).toBe(201);
    const entry = await setAsideFor(d, 'mallory');
    expect(entry.reason).toBe(REFUSED.plaintext);
    expect(await server.person(d, 'mallory')).toBeNull();
  });

  it('cannot relabel a document’s schema version (which would run a migration or stop its pushes)', async () => {
    const { d, ids } = await deviceWithPeople('laptop', ['Ada', 'Grace']);
    for (const [id, v] of [
      [ids[0]!, 1],
      [ids[1]!, 99],
    ] as const) {
      const doc = await raw(`people:${id}`);
      await overwrite({ ...doc, v });
      expect((await setAsideFor(d, id)).reason).toBe(REFUSED.unauthentic);
    }
    // Nothing was migrated away on the device…
    expect((await server.person(d, ids[0]!))?.addresses).toEqual(['Ada Street 1']);
    // …and its next edits still reach the server, repairing what was tampered with.
    await updatePerson(d.db, ids[1]!, { role: 'Admiral' });
    await waitFor('the edit on the server', async () => (await raw(`people:${ids[1]}`)).v === 2);
    const fresh = await server.device('desktop', PASSPHRASE);
    fresh.start();
    await waitFor(
      'the repaired person on a new device',
      async () => (await server.person(fresh, ids[1]!))?.role === 'Admiral',
    );
    // The repairs do not erase the record of what the server did.
    await d.session!.awaitInSync();
    expect((await listQuarantined(d.db)).entries.map((e) => e.docId).sort()).toEqual([...ids].sort());
  });

  it('cannot roll a device back by replaying an older ciphertext under a new revision', async () => {
    const { d, ids } = await deviceWithPeople('laptop', ['Ada']);
    const id = ids[0]!;
    const old = await raw(`people:${id}`);
    await updatePerson(d.db, id, { notes: 'the newer notes' });
    await synced(d);
    const now = await raw(`people:${id}`);
    await overwrite({ ...old, _rev: now._rev });
    expect((await setAsideFor(d, id)).reason).toBe(ROLLED_BACK);
    expect((await server.person(d, id))?.notes).toBe('the newer notes');
    // The device writes its newer version back over the replay, without waiting for an edit.
    await waitFor(
      'the newer version back on the server',
      async () =>
        (await raw(`people:${id}`))._rev !== now._rev && (await raw(`people:${id}`)).data !== old.data,
    );
    const fresh = await server.device('desktop', PASSPHRASE);
    fresh.start();
    await waitFor('the newer version on a new device', async () => {
      const p = await server.person(fresh, id);
      return p?.notes === 'the newer notes';
    });
    expect((await listQuarantined(fresh.db)).entries).toEqual([]);
  });

  it('cannot swap ciphertexts between documents, and a damaged one stops nothing after it', async () => {
    const names = ['Ada', 'Barbara', 'Grace', 'Hedy', 'Katherine'];
    const { d: laptop, ids } = await deviceWithPeople('laptop', names);
    await laptop.stopSync();
    const [a, b] = [await raw(`people:${ids[0]}`), await raw(`people:${ids[1]}`)];
    const sealed = (d: Raw) => ({ kid: d.kid, iv: d.iv, data: d.data });
    await overwrite({ ...a, ...sealed(b) });
    await overwrite({ ...b, ...sealed(a) });
    const c = await raw(`people:${ids[2]}`);
    const bytes = fromBase64(c.data as string);
    bytes[10] = (bytes[10] ?? 0) ^ 0xff;
    await overwrite({ ...c, data: toBase64(bytes) });
    const d = await raw(`people:${ids[3]}`);
    await overwrite({ ...d, kid: toBase64(webcrypto.getRandomValues(new Uint8Array(16))) });

    const fresh = await server.device('desktop', PASSPHRASE);
    fresh.start();
    await waitFor('the undamaged person on a new device', () => server.person(fresh, ids[4]!));
    for (const id of ids.slice(0, 4))
      expect((await setAsideFor(fresh, id)).reason).toMatch(
        /could not be decrypted|key this journal does not have/,
      );
    for (const id of ids.slice(0, 4)) expect(await server.person(fresh, id)).toBeNull();

    // The laptop, which holds good copies, finds the damage when it syncs again and writes them back.
    laptop.start();
    for (const [i, id] of ids.slice(0, 4).entries())
      await waitFor(`${names[i]} repaired on the new device`, async () => {
        const p = await server.person(fresh, id);
        return p?.name === names[i] && p?.addresses?.[0] === `${names[i]} Street 1`;
      });
    expect((await listQuarantined(fresh.db)).entries).toEqual([]);
  });

  it('writes its good copy back even when the first write-backs fail (the server was down)', async () => {
    // The laptop's own line to the server: its next write-backs are refused with a 503.
    let failing = 0;
    const base = server.couch.transport();
    const laptopLine: SyncTransport = async (request) => {
      if (failing > 0 && request.method === 'POST' && request.path.startsWith('_bulk_docs')) {
        failing -= 1;
        return { status: 503, body: { error: 'unavailable' } };
      }
      return base(request);
    };
    const laptop = await server.device('laptop', PASSPHRASE, laptopLine);
    laptop.start();
    const id = (await createPerson(laptop.db, { name: 'Ada', addresses: ['Ada Street 1'] })).person.id;
    await synced(laptop);
    await laptop.stopSync();
    const stored = await raw(`people:${id}`);
    const bytes = fromBase64(stored.data as string);
    bytes[10] = (bytes[10] ?? 0) ^ 0xff;
    await overwrite({ ...stored, data: toBase64(bytes) });

    failing = 2;
    laptop.start();
    await setAsideFor(laptop, id);
    const fresh = await server.device('desktop', PASSPHRASE);
    fresh.start();
    await waitFor(
      'Ada repaired on the new device',
      async () => (await server.person(fresh, id))?.name === 'Ada',
    );
    expect(failing).toBe(0);
  });

  it('cannot get a deleted key document silently replaced: the device asks, and restores it with the same key', async () => {
    const { d, ids } = await deviceWithPeople('laptop', ['Ada']);
    const key = await raw('kith-key');
    await operator()({ method: 'DELETE', path: `kith-key?rev=${encodeURIComponent(key._rev)}` });
    const stopped = await waitForStatus(d.session!, 'error');
    expect(stopped).toMatchObject({ message: KEY_DOC_MISSING, action: 'restore-key' });
    await updatePerson(d.db, ids[0]!, { role: 'edited while stopped' });
    const fresh = await server.device('desktop', PASSPHRASE);
    expect(await waitForStatus(fresh.start(), 'error')).toMatchObject({ action: 'restore-key' });
    expect((await operator()({ method: 'GET', path: 'kith-key' })).status).toBe(404);

    await restoreKeyDoc(operator(), webcrypto, PASSPHRASE);
    expect(((await raw('kith-key')).current as { kid: string }).kid).toBe(
      key.current && (key.current as { kid: string }).kid,
    );
    d.session!.retry();
    fresh.session!.retry();
    await waitFor(
      'the edit on the other device',
      async () => (await server.person(fresh, ids[0]!))?.role === 'edited while stopped',
    );
  });

  it('cannot pass an encrypted journal off as one whose encryption is only being turned on', async () => {
    const { d } = await deviceWithPeople('laptop', ['Ada']);
    await d.stopSync();
    const key = await raw('kith-key');
    const { record } = await createKeyRecord(webcrypto, 'the operator’s own passphrase');
    await overwrite({
      ...key,
      current: null,
      retired: undefined,
      change: { to: record, startedAt: Date.now() },
    });
    // The device that synced it encrypted says what is off; a new device knows no better.
    expect(await waitForStatus(d.start(), 'error')).toMatchObject({ message: TURNING_ON_WHILE_ENCRYPTED });
    const fresh = await server.device('desktop', PASSPHRASE);
    expect(await waitForStatus(fresh.start(), 'error')).toMatchObject({
      message: expect.stringMatching(/has not finished/),
    });
  });

  it('tells a device whose passphrase was changed on another device that it was, not only that it does not match', async () => {
    const { d } = await deviceWithPeople('laptop', ['Ada']);
    await d.stopSync();
    await changePassphrase(operator(), webcrypto, PASSPHRASE, 'the new passphrase');
    expect(await waitForStatus(d.start(), 'error')).toMatchObject({ message: PASSPHRASE_CHANGED_ELSEWHERE });
    const stranger = await server.device('desktop', 'a guess');
    expect(await waitForStatus(stranger.start(), 'error')).toMatchObject({
      message: WRONG_PASSPHRASE_MESSAGE,
    });
  });

  it('cannot stall every unlock with an absurd number of key derivation iterations', async () => {
    await deviceWithPeople('laptop', ['Ada']);
    const key = await raw('kith-key');
    await overwrite({ ...key, current: { ...(key.current as object), iterations: 1_000_000_000 } });
    const started = Date.now();
    const fresh = await server.device('desktop', PASSPHRASE);
    expect(await waitForStatus(fresh.start(), 'error')).toMatchObject({
      message: expect.stringMatching(/1000000000 PBKDF2 iterations; Kith accepts 600000 to 2000000/),
    });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('cannot keep a plain journal’s devices from syncing with one impossible date', async () => {
    const { d, ids } = await deviceWithPeople('laptop', ['Ada', 'Grace'], '');
    const doc = await raw(`people:${ids[0]}`);
    await overwrite({ ...doc, doc: { ...(doc.doc as object), birthday: '2026-02-30' } });
    const entry = await setAsideFor(d, ids[0]!);
    expect(entry.reason).toBe('birthday: Birthday “2026-02-30” is not a real day.');
    expect((await server.person(d, ids[0]!))?.birthday).toBe('');
    const fresh = await server.device('desktop');
    fresh.start();
    await waitFor('the valid person on a new device', () => server.person(fresh, ids[1]!));
    await setAsideFor(fresh, ids[0]!);
  });

  it('says so when its changes feed is garbage, instead of “Synced”', async () => {
    const real = operator();
    let garbage = false;
    const hostile = async (request: SyncRequest) =>
      garbage && request.path.startsWith('_changes?feed=longpoll')
        ? { status: 200, body: { results: 'not a list' } }
        : real(request);
    const d = await server.device('laptop', undefined, hostile);
    d.start({ retryMs: 50 });
    await synced(d);
    garbage = true;
    await createPerson(d.db, { name: 'Ada' });
    expect(await waitForStatus(d.session!, 'error', 40_000)).toMatchObject({
      message: expect.stringMatching(/malformed changes feed/),
    });
  }, 60_000);
});

describe('passphrase changes', () => {
  /** A transport that stops answering after `saves` bulk saves: a crash in the middle of a change. */
  function failingAfter(saves: number) {
    const real = operator();
    let left = saves;
    return async (request: SyncRequest) => {
      if (request.path === '_bulk_docs' && left-- <= 0) throw new Error('killed');
      return real(request);
    };
  }

  async function manyPeople(d: Device, count: number) {
    const ms = Date.now();
    const docs = Array.from({ length: count }, (_, i) =>
      personDocument(`p${i}`, { name: `Person ${i}` }, { ms, stamp: makeStamp(ms, 'laptop') }),
    );
    await d.db.people.bulkInsert(docs);
  }

  async function kidsOnServer(): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    for (const doc of await server.couch.rawDocs()) {
      if (
        typeof doc._id !== 'string' ||
        !/^(people|encounters|communities|ties|followups|settings):/.test(doc._id)
      )
        continue;
      const k = doc.enc ? String(doc.kid) : 'plain';
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    return counts;
  }

  it('can be resumed after an interruption with the same two passphrases, and never with another', async () => {
    const d = await server.device('laptop', 'old passphrase');
    await manyPeople(d, 450);
    d.start();
    await synced(d);
    await d.close();
    await expect(
      changePassphrase(failingAfter(1), webcrypto, 'old passphrase', 'new passphrase'),
    ).rejects.toThrow();
    const mixed = await kidsOnServer();
    expect(mixed.size).toBe(2);

    // Another device sees the change in progress and waits, writing nothing.
    const waiting = await server.device('desktop', 'old passphrase');
    expect(await waitForStatus(waiting.start(), 'error')).toMatchObject({ action: 'finish-change' });
    await waiting.close();

    await expect(changePassphrase(operator(), webcrypto, 'old passphrase', 'another one')).rejects.toThrow(
      /A change to a different new passphrase was started .* Enter that passphrase/,
    );
    const result = await changePassphrase(operator(), webcrypto, 'old passphrase', 'new passphrase');
    expect(result.leftAsTheyWere).toBe(0);
    const after = await kidsOnServer();
    expect([...after.values()]).toEqual([451]);
    expect(((await raw('kith-key')).current as { kid: string }).kid).toBe([...after.keys()][0]);

    const fresh = await server.device('tablet', 'new passphrase');
    fresh.start();
    await waitFor(
      'every person on a new device',
      async () => (await fresh.db.people.count().exec()) === 451,
      20_000,
    );
  }, 60_000);

  it('cannot keep a passphrase change going forever by answering “conflict” to every save', async () => {
    const { d } = await deviceWithPeople('laptop', ['Ada', 'Grace'], 'old passphrase');
    await d.close();
    const conflicting = async (request: SyncRequest) => {
      const docs = (request.body as { docs?: { _id: string }[] } | undefined)?.docs;
      if (request.method === 'POST' && request.path.startsWith('_bulk_docs') && docs)
        return { status: 201, body: docs.map((doc) => ({ id: doc._id, error: 'conflict' })) };
      return operator()(request);
    };
    await expect(
      changePassphrase(conflicting, webcrypto, 'old passphrase', 'new passphrase'),
    ).rejects.toThrow(
      /answered “conflict” 20 times in a row for \d+ documents: the passphrase change stopped/,
    );
    // Resumed against an honest server, it finishes.
    expect(await changePassphrase(operator(), webcrypto, 'old passphrase', 'new passphrase')).toMatchObject({
      leftAsTheyWere: 0,
    });
  });

  it('stops a device that keeps writing during the change, and loses none of its edits', async () => {
    const a = await server.device('laptop', 'old passphrase');
    const b = await server.device('desktop', 'old passphrase');
    await manyPeople(a, 300);
    a.start();
    b.start();
    await synced(a);
    await waitFor('the people on B', async () => (await b.db.people.count().exec()) === 301, 20_000);
    await a.close();
    const written: string[] = [];
    let changing = true;
    const writer = (async () => {
      for (let i = 0; changing || i < 3; i++) {
        written.push((await createPerson(b.db, { name: `Written during the change ${i}` })).person.id);
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    await changePassphrase(operator(), webcrypto, 'old passphrase', 'new passphrase');
    changing = false;
    await writer;
    expect(await waitForStatus(b.session!, 'error')).toMatchObject({ state: 'error' });
    expect([...(await kidsOnServer()).keys()]).toHaveLength(1);

    // B is given the new passphrase: everything it wrote reaches the others.
    await b.stopSync();
    b.start({ passphrase: 'new passphrase' });
    await synced(b);
    const c = await server.device('tablet', 'new passphrase');
    c.start();
    await waitFor(
      'B’s people on a new device',
      async () => {
        const found = await c.db.people.findByIds(written).exec();
        return found.size === written.length;
      },
      20_000,
    );
  }, 60_000);

  it('turns encryption on while a plain device writes, leaving nothing in plain text', async () => {
    const a = await server.device('laptop');
    const b = await server.device('desktop');
    await manyPeople(a, 200);
    a.start();
    b.start();
    await synced(a);
    await a.close();
    let changing = true;
    const writer = (async () => {
      while (changing) {
        await createPerson(b.db, { name: 'Plain writer' });
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    await changePassphrase(operator(), webcrypto, '', 'now encrypted');
    changing = false;
    await writer;
    await waitForStatus(b.session!, 'error');
    expect((await kidsOnServer()).has('plain')).toBe(false);
  }, 60_000);
});

describe('a journal synced by the first sync format', () => {
  it('is upgraded once, in place, by the first device that unlocks it', async () => {
    const { deriveKeyBits, keyFromBits, newSalt, seal, legacyKeyIdOf } =
      await import('../../../shared/sync/cipher');
    const salt = newSalt(webcrypto);
    const bits = await deriveKeyBits(webcrypto, PASSPHRASE, salt, 600_000);
    const key = await keyFromBits(webcrypto, bits, legacyKeyIdOf(salt), true);
    const t = operator();
    await t({ method: 'PUT', path: '' });
    await t({
      method: 'PUT',
      path: 'kith-key',
      body: {
        kith: 1,
        kdf: 'PBKDF2-SHA-256',
        salt,
        iterations: 600_000,
        check: await seal(key, 'kith-key-check'),
      },
    });
    const ms = Date.now();
    for (const name of ['Ada', 'Grace']) {
      const doc = {
        ...personDocument(name.toLowerCase(), { name }, { ms, stamp: makeStamp(ms, 'old') }),
        _deleted: false,
      };
      const sealed = await seal(key, { c: 'people', doc });
      await t({
        method: 'PUT',
        path: `people%3A${doc.id}`,
        body: { kith: 1, c: 'people', v: 2, enc: true, kid: key.kid, ...sealed },
      });
    }
    const d = await server.device('laptop', PASSPHRASE);
    d.start();
    await waitFor(
      'both people on the device',
      async () => (await d.db.people.findByIds(['ada', 'grace']).exec()).size === 2,
    );
    const docs = (await server.couch.rawDocs()).filter((x) => String(x._id).startsWith('people:'));
    expect(docs.every((x) => x.kith === 2 && x.enc === true && x.kid !== key.kid)).toBe(true);
    expect(await raw('kith-key')).toMatchObject({ kith: 2, retired: [{ kid: key.kid, legacy: true }] });
  });
});
