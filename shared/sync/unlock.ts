import { toBase64 } from './bytes';
import { utcMinute } from './utcMinute';
import type { SyncKey } from './cipher';
import type { CryptoLike } from './cryptoLike';
import { isEnvelope } from './envelope';
import { SyncPassphraseError } from './errors';
import { send } from './http';
import {
  changeIsGenuine,
  createKeyRecord,
  DAMAGED_KEY_DOC,
  isKeyDoc,
  isLegacyKeyDoc,
  KEY_DOC_ID,
  keyDocState,
  retiredKeys,
  unlockRecord,
  type KeyDoc,
} from './keyDoc';
import type { SyncTransport } from './transport';

/** A random id of this journal on this server: replication checkpoints belong to it. */
export const JOURNAL_DOC_ID = 'kith-journal';

export const ENCRYPTED_NEEDS_PASSPHRASE =
  'The journal on the server is encrypted: enter its sync passphrase to sync this device.';
export const KEY_DOC_MISSING =
  "The server's encryption key document is missing, although the journal on it is encrypted: it was deleted on the server. Kith has not replaced it. Restore it with this device's passphrase (Settings › Sync).";
export const NOT_ENCRYPTED =
  'The journal on the server is not encrypted. To encrypt it, use “Change passphrase” in Settings › Sync; to sync it without encryption, clear this device’s passphrase.';
export const FORGED_CHANGE =
  "The server's key document announces a passphrase change that nobody with the passphrase started: it was changed on the server. This device writes nothing until it is repaired.";

export const PASSPHRASE_CHANGED_ELSEWHERE =
  'The sync passphrase does not match any more: it was changed on another device. Enter the new passphrase in Settings › Sync to go on syncing.';
export const TURNING_ON_WHILE_ENCRYPTED =
  "The server's key document says encryption is only now being turned on, but this device synced this journal encrypted. Unless encryption was turned off and on again on another device, the key document was changed on the server. This device writes nothing until the change is finished.";

export function changeInProgress(startedAt: number): string {
  return `A change of the sync passphrase, started at ${utcMinute(startedAt)}, has not finished. This device waits: finish it in Settings › Sync (with the current and the new passphrase), or let the device that started it finish.`;
}

/** The keys a sync session works with. */
export interface KeyRing {
  /** What new writes are sealed with; null: the journal is not encrypted. */
  write: SyncKey | null;
  /** What this device can open, by key id: the current key and the keys of earlier passphrases. */
  read: Map<string, SyncKey>;
  /** The key document's state when unlocked (see keyDocState), compared at every push. */
  state: string;
  /** The journal on the server is still in the first format: upgrade it before syncing. */
  legacy?: boolean;
}

export async function getDoc(transport: SyncTransport, id: string): Promise<unknown | null> {
  const res = await send(
    transport,
    { method: 'GET', path: encodeURIComponent(id) },
    `read ${id}`,
    [200, 404],
  );
  return res.status === 200 ? res.body : null;
}

const JOURNAL_ID = /^(people|encounters|communities|ties|followups|settings):/;

/** Pages through every journal document on the server (the change and the key restore read them all). */
export async function* serverEnvelopes(
  transport: SyncTransport,
  pageSize = 200,
): AsyncGenerator<{ id: string; doc: Record<string, unknown> & { _rev: string } }[]> {
  let startkey: string | null = null;
  for (;;) {
    const from: string =
      startkey === null ? '' : `&startkey=${encodeURIComponent(JSON.stringify(startkey))}&skip=1`;
    const res = await send(
      transport,
      { method: 'GET', path: `_all_docs?include_docs=true&limit=${pageSize}${from}` },
      'read documents',
    );
    const rows = (res.body as { rows?: { id?: unknown; doc?: unknown }[] } | null)?.rows;
    if (!Array.isArray(rows)) throw new Error('The sync server sent a malformed document list.');
    if (rows.length === 0) return;
    const last = rows[rows.length - 1]?.id;
    if (typeof last !== 'string' || last === startkey) return;
    startkey = last;
    yield rows.flatMap((r) =>
      typeof r.id === 'string' && JOURNAL_ID.test(r.id) && isEnvelope(r.doc)
        ? [{ id: r.id, doc: r.doc as unknown as Record<string, unknown> & { _rev: string } }]
        : [],
    );
  }
}

/** Whether the server holds encrypted and plain journal documents (read until one encrypted is found). */
export async function journalKinds(
  transport: SyncTransport,
): Promise<{ encrypted: boolean; plain: boolean }> {
  const found = { encrypted: false, plain: false };
  for await (const page of serverEnvelopes(transport, 500)) {
    for (const { doc } of page) found[doc.enc === true ? 'encrypted' : 'plain'] = true;
    if (found.encrypted) break;
  }
  return found;
}

async function createKeyDoc(transport: SyncTransport, crypto: CryptoLike, passphrase: string) {
  const { key, record } = await createKeyRecord(crypto, passphrase);
  const doc: KeyDoc = { _id: KEY_DOC_ID, kith: 2, kdf: 'PBKDF2-SHA-256', current: record };
  const res = await send(
    transport,
    { method: 'PUT', path: KEY_DOC_ID, body: doc },
    'store the encryption key check',
    [201, 202, 409],
  );
  return res.status === 409 ? null : { key, doc };
}

/**
 * The keys for `passphrase` (a plain ring without one). Reads before it writes: a wrong passphrase,
 * a missing one for an encrypted journal, a key document that went missing or a passphrase change in
 * progress throw SyncPassphraseError having written nothing. Only a brand-new journal (no key
 * document and no journal document on the server) gets a key document, and only when `create`.
 */
export async function unlockJournal(
  transport: SyncTransport,
  crypto: CryptoLike,
  passphrase: string,
  create = true,
  /** The key id this device last synced this journal with (see ./keyMemory), for clearer refusals. */
  remembered: string | null = null,
): Promise<KeyRing> {
  const existing = await getDoc(transport, KEY_DOC_ID);
  if (!passphrase) {
    if (existing === null) return { write: null, read: new Map(), state: 'none' };
    throw new SyncPassphraseError(ENCRYPTED_NEEDS_PASSPHRASE);
  }
  if (existing === null) {
    const kinds = await journalKinds(transport);
    if (kinds.encrypted) throw new SyncPassphraseError(KEY_DOC_MISSING, 'restore-key');
    if (kinds.plain) throw new SyncPassphraseError(NOT_ENCRYPTED);
    if (!create)
      throw new SyncPassphraseError('The journal on the server is not encrypted (it has no passphrase yet).');
    const created = await createKeyDoc(transport, crypto, passphrase);
    // Another device created it first: its passphrase must be this one.
    if (!created) return unlockJournal(transport, crypto, passphrase, false, remembered);
    return {
      write: created.key,
      read: new Map([[created.key.kid, created.key]]),
      state: keyDocState(created.doc),
    };
  }
  if (isLegacyKeyDoc(existing))
    return { write: null, read: new Map(), state: keyDocState(existing), legacy: true };
  if (!isKeyDoc(existing)) throw new SyncPassphraseError(DAMAGED_KEY_DOC);
  const change = existing.change;
  if (!existing.current)
    throw new SyncPassphraseError(
      remembered ? TURNING_ON_WHILE_ENCRYPTED : changeInProgress(change?.startedAt ?? 0),
      'finish-change',
    );
  let current: SyncKey;
  try {
    current = (await unlockRecord(crypto, existing.current, passphrase)).key;
  } catch (error) {
    // Already given the new passphrase while the change is still being made elsewhere.
    if (
      change?.to &&
      (await unlockRecord(crypto, change.to, passphrase).then(
        () => true,
        () => false,
      ))
    )
      throw new SyncPassphraseError(changeInProgress(change.startedAt), 'finish-change');
    if (remembered && existing.retired?.some((r) => r.kid === remembered))
      throw new SyncPassphraseError(PASSPHRASE_CHANGED_ELSEWHERE);
    throw error;
  }
  if (!(await changeIsGenuine(existing, current))) throw new SyncPassphraseError(FORGED_CHANGE);
  if (change) throw new SyncPassphraseError(changeInProgress(change.startedAt), 'finish-change');
  const retired = await retiredKeys(existing, current);
  return {
    write: current,
    read: new Map([current, ...retired.filter((k) => !k.legacy)].map((k) => [k.kid, k])),
    state: keyDocState(existing),
  };
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
