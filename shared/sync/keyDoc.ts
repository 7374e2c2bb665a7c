import {
  deriveKeyBits,
  keyFromBits,
  legacyKeyIdOf,
  MAX_PBKDF2_ITERATIONS,
  newSalt,
  open,
  openBytes,
  PBKDF2_ITERATIONS,
  seal,
  sealBytes,
  type Sealed,
  type SyncKey,
} from './cipher';
import type { CryptoLike } from './cryptoLike';
import { SyncPassphraseError } from './errors';

/**
 * The one server document that is not a journal document, `kith-key`: how to derive the journal's
 * key from its passphrase, a check that tells a wrong passphrase, the keys of earlier passphrases
 * (sealed with the current key, so a document written under one is never lost), and a passphrase
 * change in progress (its new key is stored before any document is re-sealed, so a change can be
 * resumed after any interruption, and other devices stop writing until it is done).
 */
export const KEY_DOC_ID = 'kith-key';
const CHECK_TEXT = 'kith-key-check';

export interface KeyRecord {
  /** The key id written beside every ciphertext: the salt itself (the first format: its first 8 characters). */
  kid: string;
  /** A key of the first sync format, current only while a journal is being upgraded from it. */
  legacy?: true;
  salt: string;
  iterations: number;
  check: Sealed;
}

/** A key of an earlier passphrase, its bits sealed with the current key. */
export interface RetiredKey {
  kid: string;
  legacy?: true;
  wrapped: Sealed;
}

export interface PassphraseChange {
  /** The new key; null: encryption is being turned off. */
  to: KeyRecord | null;
  startedAt: number;
  /** `{ to, startedAt }` sealed with the current key: only someone with the passphrase starts a change. */
  proof?: Sealed;
}

export interface KeyDoc {
  _id: typeof KEY_DOC_ID;
  _rev?: string;
  kith: 2;
  kdf: 'PBKDF2-SHA-256';
  /** null while encryption is being turned on (the journal is still plain). */
  current: KeyRecord | null;
  retired?: RetiredKey[];
  change?: PassphraseChange;
}

/** The first sync format's key document: one salt and a check, nothing else. */
export interface LegacyKeyDoc {
  _id: typeof KEY_DOC_ID;
  _rev?: string;
  kith: 1;
  kdf: 'PBKDF2-SHA-256';
  salt: string;
  iterations: number;
  check: Sealed;
}

export const DAMAGED_KEY_DOC = `The server's encryption key document “${KEY_DOC_ID}” is damaged or from an unknown Kith version.`;

const isSealed = (s: unknown): s is Sealed =>
  !!s && typeof (s as Sealed).iv === 'string' && typeof (s as Sealed).data === 'string';

function isRecord(r: unknown): r is KeyRecord {
  const k = r as Partial<KeyRecord> | null;
  return (
    !!k &&
    typeof k.salt === 'string' &&
    k.kid === (k.legacy === true ? legacyKeyIdOf(k.salt) : k.salt) &&
    typeof k.iterations === 'number' &&
    isSealed(k.check)
  );
}

export function isLegacyKeyDoc(value: unknown): value is LegacyKeyDoc {
  const d = value as Partial<LegacyKeyDoc> | null;
  return (
    !!d &&
    d._id === KEY_DOC_ID &&
    (d.kith === 1 || d.kith === undefined) &&
    d.kdf === 'PBKDF2-SHA-256' &&
    typeof d.salt === 'string' &&
    typeof d.iterations === 'number' &&
    isSealed(d.check)
  );
}

export function isKeyDoc(value: unknown): value is KeyDoc {
  const d = value as Partial<KeyDoc> | null;
  if (!d || d._id !== KEY_DOC_ID || d.kith !== 2 || d.kdf !== 'PBKDF2-SHA-256') return false;
  if (d.current !== null && !isRecord(d.current)) return false;
  if (d.retired !== undefined && !(Array.isArray(d.retired) && d.retired.every((r) => isSealed(r?.wrapped))))
    return false;
  if (d.change !== undefined) {
    const c = d.change;
    if (!c || typeof c.startedAt !== 'number' || (c.to !== null && !isRecord(c.to))) return false;
  }
  return d.current !== null || d.change !== undefined;
}

/**
 * What a device compares to notice, at every push, that the key document changed under it: the
 * current key and whether a change is in progress.
 */
export function keyDocState(value: unknown): string {
  if (value === null || value === undefined) return 'none';
  if (isLegacyKeyDoc(value)) return `legacy:${legacyKeyIdOf(value.salt)}`;
  if (!isKeyDoc(value)) return 'damaged';
  return `${value.current?.kid ?? 'plain'}${value.change ? `>${value.change.to?.kid ?? 'plain'}` : ''}`;
}

function checkIterations(iterations: number): void {
  // A server must talk no device into a weaker key derivation, nor into stalling every unlock.
  if (!Number.isInteger(iterations) || iterations < PBKDF2_ITERATIONS || iterations > MAX_PBKDF2_ITERATIONS) {
    throw new SyncPassphraseError(
      `The server's encryption key document asks for ${iterations} PBKDF2 iterations; Kith accepts ${PBKDF2_ITERATIONS} to ${MAX_PBKDF2_ITERATIONS}.`,
    );
  }
}

const checkContext = (kid: string, iterations: number) => JSON.stringify(['kith-key', kid, iterations]);
const changeContext = (kid: string) => JSON.stringify(['kith-key-change', kid]);

/** A key and the bits it was made from (the bits are needed only to seal it as a retired key). */
export interface UnlockedKey {
  key: SyncKey;
  bits: Uint8Array<ArrayBuffer>;
}

/** The record of a key derived with `iterations`: its salt (its id) and a check sealed with it. */
export async function recordFor(key: SyncKey, iterations: number): Promise<KeyRecord> {
  const check = await seal(key, CHECK_TEXT, checkContext(key.kid, iterations));
  return { kid: key.kid, salt: key.kid, iterations, check };
}

export async function createKeyRecord(
  crypto: CryptoLike,
  passphrase: string,
): Promise<UnlockedKey & { record: KeyRecord }> {
  if (passphrase === '') throw new SyncPassphraseError('The sync passphrase is empty.');
  const salt = newSalt(crypto);
  const bits = await deriveKeyBits(crypto, passphrase, salt, PBKDF2_ITERATIONS);
  const key = await keyFromBits(crypto, bits, salt);
  return { key, bits, record: await recordFor(key, PBKDF2_ITERATIONS) };
}

/** The key of `record` for `passphrase`, or SyncPassphraseError(message) when it does not match. */
export async function unlockRecord(
  crypto: CryptoLike,
  record: KeyRecord,
  passphrase: string,
  message?: string,
): Promise<UnlockedKey> {
  if (record.legacy) return unlockLegacy(crypto, record, passphrase, message);
  checkIterations(record.iterations);
  const bits = await deriveKeyBits(crypto, passphrase, record.salt, record.iterations);
  const key = await keyFromBits(crypto, bits, record.kid);
  try {
    if ((await open(key, record.check, checkContext(record.kid, record.iterations))) === CHECK_TEXT)
      return { key, bits };
  } catch {
    // A wrong passphrase: GCM refuses the check.
  }
  throw new SyncPassphraseError(message);
}

export async function unlockLegacy(
  crypto: CryptoLike,
  doc: Pick<LegacyKeyDoc, 'salt' | 'iterations' | 'check'>,
  passphrase: string,
  message?: string,
): Promise<UnlockedKey> {
  checkIterations(doc.iterations);
  const bits = await deriveKeyBits(crypto, passphrase, doc.salt, doc.iterations);
  const key = await keyFromBits(crypto, bits, legacyKeyIdOf(doc.salt), true);
  let check: unknown;
  try {
    check = await open(key, doc.check);
  } catch {
    throw new SyncPassphraseError(message);
  }
  if (check !== CHECK_TEXT) throw new SyncPassphraseError(message);
  return { key, bits };
}

/** The first format's key document as the current key of a format-2 one (while it is upgraded). */
export function legacyRecord(doc: LegacyKeyDoc): KeyRecord {
  return {
    kid: legacyKeyIdOf(doc.salt),
    legacy: true,
    salt: doc.salt,
    iterations: doc.iterations,
    check: doc.check,
  };
}

/** Seals an earlier key's bits with the key that replaces it. */
export async function retire(newKey: SyncKey, old: UnlockedKey): Promise<RetiredKey> {
  return {
    kid: old.key.kid,
    ...(old.key.legacy ? { legacy: true as const } : {}),
    wrapped: await sealBytes(newKey, old.bits, JSON.stringify(['kith-retired', old.key.kid])),
  };
}

/** The retired keys of a key document, opened with its current key (unreadable ones are skipped). */
export async function retiredKeys(doc: KeyDoc, current: SyncKey): Promise<SyncKey[]> {
  const keys: SyncKey[] = [];
  for (const r of doc.retired ?? []) {
    try {
      const bits = await openBytes(current, r.wrapped, JSON.stringify(['kith-retired', r.kid]));
      keys.push(await keyFromBits(current.crypto, bits, r.kid, r.legacy === true));
    } catch {
      // Damaged: documents under that key stay unreadable and are set aside, not the whole journal.
    }
  }
  return keys;
}

export async function changeProof(
  current: SyncKey,
  to: KeyRecord | null,
  startedAt: number,
): Promise<Sealed> {
  return seal(current, { to: to?.kid ?? null, startedAt }, changeContext(current.kid));
}

/** Whether the change in `doc` was started by someone holding the current key (not forged by a server). */
export async function changeIsGenuine(doc: KeyDoc, current: SyncKey | null): Promise<boolean> {
  const change = doc.change;
  if (!change) return true;
  // Turning encryption on has no key to prove it with: a plain journal trusts its server anyway.
  if (!current) return doc.current === null;
  if (!change.proof) return false;
  try {
    const proof = (await open(current, change.proof, changeContext(current.kid))) as {
      to?: unknown;
      startedAt?: unknown;
    };
    return proof.to === (change.to?.kid ?? null) && proof.startedAt === change.startedAt;
  } catch {
    return false;
  }
}
