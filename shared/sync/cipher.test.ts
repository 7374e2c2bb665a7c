import { describe, expect, it } from 'vitest';
import { fromBase64, toBase64 } from './bytes';
import { deriveKey, newSalt, open, seal } from './cipher';
import { decodeEnvelope, encodeEnvelope } from './envelope';
import { createKeyDoc, unlockKeyDoc } from './keyDoc';
import { WRONG_PASSPHRASE_MESSAGE } from './errors';
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

describe('sync cipher and envelope', async () => {
  const { doc: keyDoc, key } = await createKeyDoc(crypto, 'correct horse battery staple');

  it('round-trips a document, keeping RxDB bookkeeping on the device', async () => {
    const envelope = await encodeEnvelope('people', 1, person, key);
    const decoded = await decodeEnvelope(envelope, key);
    const { _rev, _meta, _attachments, ...expected } = person;
    expect(decoded).toEqual({ collection: 'people', version: 1, doc: expected });
    expect(envelope._id).toBe('people:p1');
  });

  it('shows the server no plaintext', async () => {
    const raw = JSON.stringify(await encodeEnvelope('people', 1, person, key));
    for (const secret of ['Ada', 'Lovelace', 'Analytical', 'example.org', 'dev-a']) {
      expect(raw).not.toContain(secret);
    }
  });

  it('uses a fresh IV on every write', async () => {
    const a = await seal(key, 'same text');
    const b = await seal(key, 'same text');
    expect(a.iv).not.toBe(b.iv);
    expect(a.data).not.toBe(b.data);
  });

  it('refuses changed ciphertext', async () => {
    const envelope = await encodeEnvelope('people', 1, person, key);
    if (!envelope.enc) throw new Error('expected an encrypted envelope');
    const bytes = fromBase64(envelope.data);
    bytes[3] = (bytes[3] ?? 0) ^ 1;
    const tampered = { ...envelope, data: toBase64(bytes) };
    await expect(decodeEnvelope(tampered, key)).rejects.toThrow(/people:p1.*could not be decrypted/);
  });

  it('refuses ciphertext moved to another id', async () => {
    const envelope = await encodeEnvelope('people', 1, person, key);
    await expect(decodeEnvelope({ ...envelope, _id: 'people:p2' }, key)).rejects.toThrow(/moved/);
  });

  it('unlocks the key document with the right passphrase and refuses a wrong one clearly', async () => {
    const again = await unlockKeyDoc(crypto, keyDoc, 'correct horse battery staple');
    const envelope = await encodeEnvelope('people', 1, person, key);
    expect((await decodeEnvelope(envelope, again))?.doc.name).toBe('Ada Lovelace');
    await expect(unlockKeyDoc(crypto, keyDoc, 'Correct horse battery staple')).rejects.toThrow(
      WRONG_PASSPHRASE_MESSAGE,
    );
  });

  it('refuses a key document that weakens the key derivation', async () => {
    await expect(unlockKeyDoc(crypto, { ...keyDoc, iterations: 1000 }, 'x')).rejects.toThrow(/1000 PBKDF2/);
  });

  it('says the journal is encrypted when a device has no passphrase', async () => {
    const envelope = await encodeEnvelope('people', 1, person, key);
    await expect(decodeEnvelope(envelope, null)).rejects.toThrow(/encrypted: enter its sync passphrase/);
  });

  it('names a document sealed with another key', async () => {
    const other = await deriveKey(crypto, 'other', newSalt(crypto), 600_000);
    const envelope = await encodeEnvelope('people', 1, person, other);
    await expect(decodeEnvelope(envelope, key)).rejects.toThrow(/people:p1.*another passphrase/);
    await expect(open(key, { iv: 'AAAAAAAAAAAAAAAA', data: 'AAAA' })).rejects.toThrow();
  });

  it('keeps plaintext envelopes readable without a key, and ignores non-journal documents', async () => {
    const envelope = await encodeEnvelope('people', 1, person, null);
    expect(JSON.stringify(envelope)).toContain('Ada Lovelace');
    expect((await decodeEnvelope(envelope, null))?.doc.id).toBe('p1');
    expect(await decodeEnvelope(keyDoc, key)).toBeNull();
  });
});
