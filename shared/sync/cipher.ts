import { fromBase64, fromUtf8, toBase64, utf8 } from './bytes';
import type { CryptoKeyLike, CryptoLike } from './cryptoLike';

/** OWASP's 2023 figure for PBKDF2-HMAC-SHA256; a key document asking for fewer is refused. */
export const PBKDF2_ITERATIONS = 600_000;
const SALT_BYTES = 16;
const IV_BYTES = 12;

/** An AES-GCM key and the id of the salt it came from (stored beside every ciphertext). */
export interface SyncKey {
  key: CryptoKeyLike;
  kid: string;
  crypto: CryptoLike;
}

export interface Sealed {
  iv: string;
  data: string;
}

export function newSalt(crypto: CryptoLike): string {
  return toBase64(crypto.getRandomValues(new Uint8Array(SALT_BYTES)));
}

/** Short, public: tells which key a document was sealed with, so a stale key is named, not guessed. */
export function keyIdOf(salt: string): string {
  return salt.slice(0, 8);
}

export async function deriveKey(
  crypto: CryptoLike,
  passphrase: string,
  salt: string,
  iterations: number = PBKDF2_ITERATIONS,
): Promise<SyncKey> {
  const base = await crypto.subtle.importKey('raw', utf8(passphrase), 'PBKDF2', false, ['deriveKey']);
  const key = await crypto.subtle.deriveKey(
    { name: 'PBKDF2', salt: fromBase64(salt), iterations, hash: 'SHA-256' },
    base,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
  return { key, kid: keyIdOf(salt), crypto };
}

/** A fresh random IV on every call: AES-GCM must never reuse an IV with the same key. */
export async function seal(key: SyncKey, value: unknown): Promise<Sealed> {
  const iv = key.crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const data = await key.crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key.key, utf8(JSON.stringify(value)));
  return { iv: toBase64(iv), data: toBase64(new Uint8Array(data)) };
}

/** Throws when the key is wrong or the ciphertext was changed (GCM authenticates it). */
export async function open(key: SyncKey, sealed: Sealed): Promise<unknown> {
  const plain = await key.crypto.subtle.decrypt(
    { name: 'AES-GCM', iv: fromBase64(sealed.iv) },
    key.key,
    fromBase64(sealed.data),
  );
  return JSON.parse(fromUtf8(new Uint8Array(plain)));
}
