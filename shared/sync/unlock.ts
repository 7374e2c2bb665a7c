import { toBase64 } from './bytes';
import type { SyncKey } from './cipher';
import type { CryptoLike } from './cryptoLike';
import { SyncPassphraseError } from './errors';
import { send } from './http';
import { createKeyDoc, KEY_DOC_ID, unlockKeyDoc } from './keyDoc';
import type { SyncTransport } from './transport';

/** A random id of this journal on this server: replication checkpoints belong to it. */
export const JOURNAL_DOC_ID = 'kith-journal';

export const ENCRYPTED_NEEDS_PASSPHRASE =
  'The journal on the server is encrypted: enter its sync passphrase to sync this device.';

export async function getDoc(transport: SyncTransport, id: string): Promise<unknown | null> {
  const res = await send(
    transport,
    { method: 'GET', path: encodeURIComponent(id) },
    `read ${id}`,
    [200, 404],
  );
  return res.status === 200 ? res.body : null;
}

/**
 * The key for `passphrase` (null: no encryption). Reads before it writes: a wrong passphrase, or a
 * missing one for an encrypted journal, throws SyncPassphraseError having written nothing.
 */
export async function unlockJournal(
  transport: SyncTransport,
  crypto: CryptoLike,
  passphrase: string,
  create = true,
): Promise<SyncKey | null> {
  const existing = await getDoc(transport, KEY_DOC_ID);
  if (!passphrase) {
    if (existing) throw new SyncPassphraseError(ENCRYPTED_NEEDS_PASSPHRASE);
    return null;
  }
  if (existing) return unlockKeyDoc(crypto, existing, passphrase);
  if (!create)
    throw new SyncPassphraseError('The journal on the server is not encrypted (it has no passphrase yet).');
  const { doc, key } = await createKeyDoc(crypto, passphrase);
  const res = await send(
    transport,
    { method: 'PUT', path: KEY_DOC_ID, body: doc },
    'store the encryption key check',
    [201, 202, 409],
  );
  if (res.status !== 409) return key;
  // Another device created it first: its passphrase must be this one.
  return unlockKeyDoc(crypto, await getDoc(transport, KEY_DOC_ID), passphrase);
}

/** This journal's id on the server, created by the first device that syncs. */
export async function journalId(transport: SyncTransport, crypto: CryptoLike): Promise<string> {
  const existing = (await getDoc(transport, JOURNAL_DOC_ID)) as { journalId?: unknown } | null;
  if (typeof existing?.journalId === 'string') return existing.journalId;
  const id = toBase64(crypto.getRandomValues(new Uint8Array(12))).replace(/[+/=]/g, '_');
  const res = await send(
    transport,
    { method: 'PUT', path: JOURNAL_DOC_ID, body: { _id: JOURNAL_DOC_ID, kith: 1, journalId: id } },
    'store the journal id',
    [201, 202, 409],
  );
  if (res.status !== 409) return id;
  return journalId(transport, crypto);
}
