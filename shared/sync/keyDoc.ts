import { deriveKey, newSalt, open, PBKDF2_ITERATIONS, seal, type Sealed, type SyncKey } from './cipher';
import type { CryptoLike } from './cryptoLike';
import { SyncPassphraseError } from './errors';

/** The one server document that is not a journal document: how to derive the key, and a check. */
export const KEY_DOC_ID = 'kith-key';
const CHECK_TEXT = 'kith-key-check';

export interface KeyDoc {
  _id: typeof KEY_DOC_ID;
  _rev?: string;
  kith: 1;
  kdf: 'PBKDF2-SHA-256';
  salt: string;
  iterations: number;
  check: Sealed;
}

export async function createKeyDoc(
  crypto: CryptoLike,
  passphrase: string,
): Promise<{ doc: KeyDoc; key: SyncKey }> {
  if (passphrase === '') throw new SyncPassphraseError('The sync passphrase is empty.');
  const salt = newSalt(crypto);
  const key = await deriveKey(crypto, passphrase, salt, PBKDF2_ITERATIONS);
  const check = await seal(key, CHECK_TEXT);
  return {
    doc: { _id: KEY_DOC_ID, kith: 1, kdf: 'PBKDF2-SHA-256', salt, iterations: PBKDF2_ITERATIONS, check },
    key,
  };
}

function isKeyDoc(value: unknown): value is KeyDoc {
  const d = value as Partial<KeyDoc> | null;
  return (
    !!d &&
    d._id === KEY_DOC_ID &&
    d.kdf === 'PBKDF2-SHA-256' &&
    typeof d.salt === 'string' &&
    typeof d.iterations === 'number' &&
    typeof d.check?.iv === 'string' &&
    typeof d.check?.data === 'string'
  );
}

/** The key for `passphrase`, or a SyncPassphraseError saying clearly what does not match. */
export async function unlockKeyDoc(crypto: CryptoLike, doc: unknown, passphrase: string): Promise<SyncKey> {
  if (!isKeyDoc(doc)) {
    throw new SyncPassphraseError(
      `The server's encryption key document “${KEY_DOC_ID}” is damaged or from an unknown Kith version.`,
    );
  }
  // A server (or whoever runs it) must not be able to talk a device into a weaker key derivation.
  if (doc.iterations < PBKDF2_ITERATIONS) {
    throw new SyncPassphraseError(
      `The server's encryption key document asks for ${doc.iterations} PBKDF2 iterations; Kith requires at least ${PBKDF2_ITERATIONS}.`,
    );
  }
  const key = await deriveKey(crypto, passphrase, doc.salt, doc.iterations);
  let check: unknown;
  try {
    check = await open(key, doc.check);
  } catch {
    throw new SyncPassphraseError();
  }
  if (check !== CHECK_TEXT) throw new SyncPassphraseError();
  return key;
}
