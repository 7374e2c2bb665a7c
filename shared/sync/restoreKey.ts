import { deriveKeyBits, keyFromBits, PBKDF2_ITERATIONS, type SyncKey } from './cipher';
import type { CryptoLike } from './cryptoLike';
import { openEnvelope } from './envelope';
import { SyncPassphraseError } from './errors';
import { send } from './http';
import { KEY_DOC_ID, recordFor, retire, type KeyDoc, type UnlockedKey } from './keyDoc';
import type { SyncTransport } from './transport';
import { getDoc, serverEnvelopes } from './unlock';

/**
 * Key ids tried, most used first: each costs a full key derivation (about half a second), and a
 * hostile server could name thousands. A journal has one current key and a few from earlier
 * passphrases.
 */
const MAX_KEYS_TRIED = 5;
/** Documents tried per key id: one damaged document must not hide its key. */
const SAMPLES_PER_KEY = 3;

/**
 * Puts back a key document that was deleted on the server, from this device's passphrase: every
 * ciphertext names the salt its key was derived from, so the key of the documents on the server is
 * derived again and proved by opening one of them. Never creates a new salt: documents sealed under
 * the old one would be lost to every new device. Other keys the passphrase opens become retired keys.
 */
export async function restoreKeyDoc(
  transport: SyncTransport,
  crypto: CryptoLike,
  passphrase: string,
): Promise<void> {
  if ((await getDoc(transport, KEY_DOC_ID)) !== null) return;
  const byKid = new Map<string, { count: number; samples: unknown[] }>();
  for await (const page of serverEnvelopes(transport, 500)) {
    for (const { doc } of page) {
      if (doc.kith !== 2 || doc.enc !== true || typeof doc.kid !== 'string') continue;
      const seen = byKid.get(doc.kid) ?? { count: 0, samples: [] };
      seen.count += 1;
      if (seen.samples.length < SAMPLES_PER_KEY) seen.samples.push(doc);
      byKid.set(doc.kid, seen);
    }
  }
  const opened: UnlockedKey[] = [];
  const likeliest = [...byKid].sort((a, b) => b[1].count - a[1].count).slice(0, MAX_KEYS_TRIED);
  for (const [kid, { samples }] of likeliest) {
    let bits: Uint8Array<ArrayBuffer>;
    try {
      bits = await deriveKeyBits(crypto, passphrase, kid, PBKDF2_ITERATIONS);
    } catch {
      continue; // not a salt this version made
    }
    const key: SyncKey = await keyFromBits(crypto, bits, kid);
    const keys = { read: new Map([[kid, key]]), encrypted: true };
    for (const sample of samples) {
      if ((await openEnvelope(sample, keys)).kind !== 'doc') continue;
      opened.push({ key, bits });
      break;
    }
  }
  const [current, ...older] = opened;
  if (!current)
    throw new SyncPassphraseError(
      'This passphrase opens none of the encrypted documents on the server, so the key document cannot be restored with it.',
    );
  const doc: KeyDoc = {
    _id: KEY_DOC_ID,
    kith: 2,
    kdf: 'PBKDF2-SHA-256',
    current: await recordFor(current.key, PBKDF2_ITERATIONS),
    ...(older.length ? { retired: await Promise.all(older.map((k) => retire(current.key, k))) } : {}),
  };
  // 409: another device restored it a moment ago.
  await send(
    transport,
    { method: 'PUT', path: KEY_DOC_ID, body: doc },
    'restore the encryption key document',
    [201, 202, 409],
  );
}
