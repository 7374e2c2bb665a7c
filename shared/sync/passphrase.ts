import type { SyncKey } from './cipher';
import type { CryptoLike } from './cryptoLike';
import { decodeEnvelope, encodeEnvelope, isEnvelope } from './envelope';
import { send } from './http';
import { createKeyDoc, KEY_DOC_ID } from './keyDoc';
import type { SyncTransport } from './transport';
import { getDoc, unlockJournal } from './unlock';

export interface PassphraseProgress {
  done: number;
  total: number;
}

const PAGE = 200;

interface Row {
  id: string;
  doc?: Record<string, unknown> & { _rev: string };
}

async function reseal(
  doc: Row['doc'],
  oldKey: SyncKey | null,
  newKey: SyncKey | null,
): Promise<object | null> {
  if (!doc || !isEnvelope(doc)) return null;
  const decoded = await decodeEnvelope(doc, oldKey);
  if (!decoded) return null;
  // The writer's schema version stays: re-encrypting is not an upgrade.
  const envelope = await encodeEnvelope(decoded.collection, decoded.version, decoded.doc, newKey);
  return { ...envelope, _rev: doc._rev };
}

/**
 * Re-encrypts every document on the server with a key from `newPassphrase`. `oldPassphrase` is ''
 * when the journal was synced without encryption; `newPassphrase` '' turns encryption off.
 *
 * Stop this device's sync session first and start a new one afterwards. Documents are rewritten
 * first and the key document last, so until it is done other devices keep working with the old
 * passphrase; a document another device saves meanwhile is read again and re-encrypted too. If it
 * is interrupted, run it again with the same passphrases.
 */
export async function changePassphrase(
  transport: SyncTransport,
  crypto: CryptoLike,
  oldPassphrase: string,
  newPassphrase: string,
  onProgress?: (progress: PassphraseProgress) => void,
): Promise<void> {
  const oldKey = await unlockJournal(transport, crypto, oldPassphrase, false);
  const created = newPassphrase ? await createKeyDoc(crypto, newPassphrase) : null;
  const newKey = created?.key ?? null;
  const info = await send(transport, { method: 'GET', path: '' }, 'read the database');
  const total = Number((info.body as { doc_count?: unknown })?.doc_count ?? 0);
  let done = 0;
  let startkey: string | null = null;
  for (;;) {
    const from: string =
      startkey === null ? '' : `&startkey=${encodeURIComponent(JSON.stringify(startkey))}&skip=1`;
    const res = await send(
      transport,
      { method: 'GET', path: `_all_docs?include_docs=true&limit=${PAGE}${from}` },
      'read documents',
    );
    const rows = ((res.body as { rows?: Row[] })?.rows ?? []) as Row[];
    if (rows.length === 0) break;
    startkey = (rows[rows.length - 1] as Row).id;
    let pending = rows;
    while (pending.length > 0) {
      const docs = (await Promise.all(pending.map((r) => reseal(r.doc, oldKey, newKey)))).filter(
        (d): d is object => d !== null,
      );
      if (docs.length === 0) break;
      const saved = await send(
        transport,
        { method: 'POST', path: '_bulk_docs', body: { docs } },
        'save documents',
      );
      const lost = (saved.body as { id: string; error?: string }[]).filter((r) => r.error === 'conflict');
      // Saved by another device in between: read those again and re-encrypt the newer version.
      pending = [];
      for (const r of lost) {
        const doc = (await getDoc(transport, r.id)) as Row['doc'] | null;
        if (doc) pending.push({ id: r.id, doc });
      }
    }
    done += rows.length;
    onProgress?.({ done: Math.min(done, total), total });
  }
  const current = (await getDoc(transport, KEY_DOC_ID)) as { _rev?: string } | null;
  if (created) {
    const doc = current?._rev ? { ...created.doc, _rev: current._rev } : created.doc;
    await send(
      transport,
      { method: 'PUT', path: KEY_DOC_ID, body: doc },
      'store the new encryption key check',
    );
  } else if (current?._rev) {
    await send(
      transport,
      { method: 'DELETE', path: `${KEY_DOC_ID}?rev=${encodeURIComponent(current._rev)}` },
      'turn encryption off',
    );
  }
}
