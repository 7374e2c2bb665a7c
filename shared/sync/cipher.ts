import { fromBase64, fromUtf8, toBase64, utf8 } from './bytes';
import type { CryptoKeyLike, CryptoLike } from './cryptoLike';

/** OWASP's 2023 figure for PBKDF2-HMAC-SHA256; a key document asking for fewer is refused. */
export const PBKDF2_ITERATIONS = 600_000;
/**
 * The most a key document may ask for: a hostile server could otherwise stall every unlock for
 * minutes. About three times the default, a few seconds on a slow phone.
 */
export const MAX_PBKDF2_ITERATIONS = 2_000_000;
const SALT_BYTES = 16;
const IV_BYTES = 12;

/**
 * An AES-GCM key and its id. The id is the salt the key was derived from, so every ciphertext says
 * how to derive its key again from the passphrase, even if the server loses the key document.
 * `legacy`: a key of the first sync format, whose ciphertexts bind nothing around them (read only,
 * to upgrade them).
 */
export interface SyncKey {
  key: CryptoKeyLike;
  kid: string;
  crypto: CryptoLike;
  legacy?: boolean;
}

export interface Sealed {
  iv: string;
  data: string;
}

export function newSalt(crypto: CryptoLike): string {
  return toBase64(crypto.getRandomValues(new Uint8Array(SALT_BYTES)));
}

/** The first format's short key id (a prefix of the salt), kept to read its documents. */
export function legacyKeyIdOf(salt: string): string {
  return salt.slice(0, 8);
}

/** The 256 key bits PBKDF2-SHA-256 derives from a passphrase and salt (what AES-GCM-256 uses). */
export async function deriveKeyBits(
  crypto: CryptoLike,
  passphrase: string,
  salt: string,
  iterations: number,
): Promise<Uint8Array<ArrayBuffer>> {
  const base = await crypto.subtle.importKey('raw', utf8(passphrase), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', salt: fromBase64(salt), iterations, hash: 'SHA-256' },
    base,
    256,
  );
  return new Uint8Array(bits);
}

/** A non-extractable AES-GCM key from raw bits (derived, or unwrapped from the key document). */
export async function keyFromBits(
  crypto: CryptoLike,
  bits: Uint8Array<ArrayBuffer>,
  kid: string,
  legacy = false,
): Promise<SyncKey> {
  const key = await crypto.subtle.importKey('raw', bits, { name: 'AES-GCM' }, false, ['encrypt', 'decrypt']);
  return { key, kid, crypto, ...(legacy ? { legacy } : {}) };
}

/**
 * IVs are drawn from the platform's CSPRNG a batch at a time: one getRandomValues call per document
 * cost an initial encrypted sync more than the document's JSON (node's goes through argument checks
 * and a native call each time). The random bytes are the same; each 12-byte slice is handed out once
 * and the batch is replaced when used up, so no IV is ever given twice. IVs are public (they travel
 * beside the ciphertext), so holding the next ones in memory reveals nothing.
 */
const IV_BATCH = 1024;
const ivBatches = new WeakMap<CryptoLike, { bytes: Uint8Array<ArrayBuffer>; next: number }>();

export function freshIv(crypto: CryptoLike): Uint8Array<ArrayBuffer> {
  let batch = ivBatches.get(crypto);
  if (!batch || batch.next + IV_BYTES > batch.bytes.length) {
    batch = { bytes: crypto.getRandomValues(new Uint8Array(IV_BYTES * IV_BATCH)), next: 0 };
    ivBatches.set(crypto, batch);
  }
  const iv = batch.bytes.slice(batch.next, batch.next + IV_BYTES);
  batch.next += IV_BYTES;
  return iv;
}

/**
 * A fresh random IV on every call: AES-GCM must never reuse an IV with the same key. `context` is
 * authenticated but not encrypted (AES-GCM's additional data): whatever travels beside the ciphertext
 * that a reader acts on must be in it, or a server can change it unnoticed.
 */
export async function sealBytes(
  key: SyncKey,
  plain: Uint8Array<ArrayBuffer>,
  context?: string,
): Promise<Sealed> {
  const iv = freshIv(key.crypto);
  const data = await key.crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, ...(context === undefined ? {} : { additionalData: utf8(context) }) },
    key.key,
    plain,
  );
  return { iv: toBase64(iv), data: toBase64(new Uint8Array(data)) };
}

/** Throws when the key is wrong, or the ciphertext or its context was changed (GCM authenticates both). */
export async function openBytes(
  key: SyncKey,
  sealed: Sealed,
  context?: string,
): Promise<Uint8Array<ArrayBuffer>> {
  const plain = await key.crypto.subtle.decrypt(
    {
      name: 'AES-GCM',
      iv: fromBase64(sealed.iv),
      ...(context === undefined ? {} : { additionalData: utf8(context) }),
    },
    key.key,
    fromBase64(sealed.data),
  );
  return new Uint8Array(plain);
}

export async function seal(key: SyncKey, value: unknown, context?: string): Promise<Sealed> {
  return sealBytes(key, utf8(JSON.stringify(value)), context);
}

export async function open(key: SyncKey, sealed: Sealed, context?: string): Promise<unknown> {
  return JSON.parse(fromUtf8(await openBytes(key, sealed, context)));
}
