import { describe, expect, it } from 'vitest';
import { fromBase64, fromUtf8, toBase64, utf8 } from './bytes';
import { openBytes, seal } from './cipher';
import {
  encodeEnvelope,
  openEnvelope,
  paddedLength,
  REFUSED,
  type Envelope,
  type EnvelopeKeys,
} from './envelope';
import { WRONG_PASSPHRASE_MESSAGE } from './errors';
import { changeIsGenuine, changeProof, createKeyRecord, unlockRecord, type KeyDoc } from './keyDoc';
import { testCrypto as crypto } from './testCrypto';

const person = {
  id: 'p1',
  name: 'Ada Lovelace',
  notes: 'Met at the Analytical Society — ünïcödé ✓',
  emails: ['ada@example.org'],
  fieldTimes: { name: '000000000000001@dev-a' },
  _deleted: false,
  _rev: '1-abc',
  _meta: { lwt: 1 },
  _attachments: {},
};
const { _rev, _meta, _attachments, ...portablePerson } = person;

describe('sync envelopes (format 2: authenticated, padded)', async () => {
  const { key, record } = await createKeyRecord(crypto, 'correct horse battery staple');
  const keys: EnvelopeKeys = { read: new Map([[key.kid, key]]), encrypted: true };
  const sealed = async () => (await encodeEnvelope('people', 2, person, key)) as Envelope & { enc: true };

  it('round-trips a document, keeping RxDB bookkeeping on the device', async () => {
    const envelope = await sealed();
    expect(envelope).toMatchObject({ _id: 'people:p1', kith: 2, c: 'people', v: 2, enc: true, kid: key.kid });
    expect(await openEnvelope(envelope, keys)).toEqual({
      kind: 'doc',
      collection: 'people',
      version: 2,
      doc: portablePerson,
    });
  });

  it('shows the server no plaintext, and a fresh IV on every write', async () => {
    const [a, b] = [await sealed(), await sealed()];
    for (const secret of ['Ada', 'Lovelace', 'Analytical', 'example.org', 'dev-a']) {
      expect(JSON.stringify(a)).not.toContain(secret);
    }
    expect(a.iv).not.toBe(b.iv);
    expect(a.data).not.toBe(b.data);
  });

  it('refuses a changed byte, a ciphertext moved to another id or collection, and a relabelled version', async () => {
    const envelope = await sealed();
    const bytes = fromBase64(envelope.data);
    bytes[3] = (bytes[3] ?? 0) ^ 1;
    const unauthentic = { kind: 'refused', reason: REFUSED.unauthentic };
    expect(await openEnvelope({ ...envelope, data: toBase64(bytes) }, keys)).toEqual(unauthentic);
    expect(await openEnvelope({ ...envelope, _id: 'people:p2' }, keys)).toEqual(unauthentic);
    expect(await openEnvelope({ ...envelope, _id: 'ties:p1', c: 'ties' }, keys)).toEqual(unauthentic);
    // An older version would run a migration over current data; a newer one would stop its pushes.
    for (const v of [0, 1, 3, 99]) expect(await openEnvelope({ ...envelope, v }, keys)).toEqual(unauthentic);
  });

  it('accepts no plaintext envelope and no first-format envelope in an encrypted journal', async () => {
    const plain = await encodeEnvelope('people', 2, person, null);
    expect(await openEnvelope(plain, keys)).toEqual({ kind: 'refused', reason: REFUSED.plaintext });
    const first = { ...(await sealed()), kith: 1 };
    expect(await openEnvelope(first, keys)).toEqual({ kind: 'refused', reason: REFUSED.oldFormat });
  });

  it('names a key it does not hold, and tells a device without a passphrase the journal is encrypted', async () => {
    const other = await createKeyRecord(crypto, 'another passphrase');
    const envelope = await encodeEnvelope('people', 2, person, other.key);
    expect(await openEnvelope(envelope, keys)).toEqual({ kind: 'unknown-key', kid: other.key.kid });
    expect(await openEnvelope(envelope, { read: new Map(), encrypted: false })).toEqual({
      kind: 'encrypted',
    });
  });

  it('keeps plaintext envelopes readable in a plain journal, and ignores documents that are not journal documents', async () => {
    const plain = await encodeEnvelope('people', 2, person, null);
    expect(JSON.stringify(plain)).toContain('Ada Lovelace');
    const none: EnvelopeKeys = { read: new Map(), encrypted: false };
    expect(await openEnvelope(plain, none)).toMatchObject({ kind: 'doc', doc: { id: 'p1' } });
    expect(await openEnvelope({ _id: 'kith-key', kith: 2, current: record }, none)).toEqual({
      kind: 'other',
    });
    expect(await openEnvelope({ ...plain, _id: 'people:p9' }, none)).toMatchObject({
      kind: 'refused',
      reason: expect.stringMatching(/moved on the server/),
    });
  });

  it('keeps the padded plaintext and its authenticated data byte for byte, so every device reads what any other wrote', async () => {
    const ascii = { ...person, id: 'p2', notes: 'Met at the Analytical Society' };
    for (const doc of [person, ascii]) {
      const envelope = (await encodeEnvelope('people', 2, doc, key)) as Envelope & { enc: true };
      const { _rev: _r, _meta: _m, _attachments: _a, ...body } = doc;
      const head = `{"doc":${JSON.stringify(body)},"pad":"`;
      const length = utf8(head).length + 2;
      const expected = `${head}${' '.repeat(paddedLength(length) - length)}"}`;
      const context = JSON.stringify(['kith-envelope', 2, envelope._id, 'people', 2, key.kid, 'encrypted']);
      expect(fromUtf8(await openBytes(key, envelope, context))).toBe(expected);
    }
  });

  it('never seals two documents with the same IV', async () => {
    // More than one batch of IVs drawn from the random source (see freshIv).
    const envelopes = await Promise.all(
      Array.from({ length: 2_500 }, (_, i) => encodeEnvelope('people', 2, { ...person, id: `p${i}` }, key)),
    );
    const ivs = envelopes.map((e) => (e as Envelope & { enc: true }).iv);
    expect(new Set(ivs).size).toBe(ivs.length);
    expect(ivs.every((iv) => fromBase64(iv).length === 12)).toBe(true);
  });

  it('pads every ciphertext to a size class, so the number of people met or a short note does not show', async () => {
    const encounter = (participants: number, notes: string) => ({
      id: 'e1',
      date: '2026-11-26',
      participantIds: Array.from({ length: participants }, (_, i) => `person-${i}-aaaaaaaaaaaaaaaaaaaaaaaa`),
      notes,
      // As the app writes them: every field stamped (about 60 bytes each).
      fieldTimes: Object.fromEntries(
        ['date', 'title', 'place', 'participantIds', 'notes', 'kind', 'channel', 'time'].map((f) => [
          f,
          '001764000000000@d4b1c9e0-5b7a-4c67-9a3e-0f6c1d2e3f40',
        ]),
      ),
      _deleted: false,
    });
    const size = async (e: ReturnType<typeof encounter>) =>
      ((await encodeEnvelope('encounters', 0, e, key)) as { data: string }).data.length;
    const sizes = await Promise.all(
      [
        encounter(1, ''),
        encounter(8, ''),
        encounter(2, 'A long talk about the food bank rota. '.repeat(8)),
      ].map(size),
    );
    expect(new Set(sizes).size).toBe(1);
    // Classes: powers of two from 512 bytes to 4 KiB…
    expect([100, 513, 1500, 3000].map(paddedLength)).toEqual([512, 1024, 2048, 4096]);
    // …then larger documents (photos) grow by at most an eighth.
    expect(paddedLength(100_001)).toBeLessThanOrEqual(100_001 * 1.125);
    expect(paddedLength(100_001)).toBeGreaterThan(100_001);
  });
});

describe('the key document', async () => {
  const { key, record } = await createKeyRecord(crypto, 'correct horse battery staple');

  it('unlocks with the right passphrase and refuses a wrong one clearly', async () => {
    const again = await unlockRecord(crypto, record, 'correct horse battery staple');
    expect(again.key.kid).toBe(key.kid);
    await expect(unlockRecord(crypto, record, 'Correct horse battery staple')).rejects.toThrow(
      WRONG_PASSPHRASE_MESSAGE,
    );
  });

  it('refuses iterations that weaken the key derivation or would stall every unlock, and binds the check to them', async () => {
    await expect(unlockRecord(crypto, { ...record, iterations: 1000 }, 'x')).rejects.toThrow(
      /1000 PBKDF2 iterations; Kith accepts 600000 to 2000000/,
    );
    await expect(unlockRecord(crypto, { ...record, iterations: 1e9 }, 'x')).rejects.toThrow(/1000000000/);
  });

  it('tells a passphrase change started by someone with the key from one a server made up', async () => {
    const next = await createKeyRecord(crypto, 'new passphrase');
    const doc: KeyDoc = {
      _id: 'kith-key',
      kith: 2,
      kdf: 'PBKDF2-SHA-256',
      current: record,
      change: { to: next.record, startedAt: 1, proof: await changeProof(key, next.record, 1) },
    };
    expect(await changeIsGenuine(doc, key)).toBe(true);
    const forged = await createKeyRecord(crypto, 'the server operator');
    expect(await changeIsGenuine({ ...doc, change: { ...doc.change!, to: forged.record } }, key)).toBe(false);
    expect(await changeIsGenuine({ ...doc, change: { to: next.record, startedAt: 1 } }, key)).toBe(false);
    const made = await seal(forged.key, { to: next.record.kid, startedAt: 1 });
    expect(await changeIsGenuine({ ...doc, change: { ...doc.change!, proof: made } }, key)).toBe(false);
  });
});
