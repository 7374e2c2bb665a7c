import { open, seal, type SyncKey } from './cipher';
import { SyncPassphraseError } from './errors';

/**
 * How one journal document is stored on the server. Encrypted, the server sees the id, the
 * revision, the collection, the schema version and ciphertext; a removal is `_deleted: true` inside
 * the ciphertext, never a visible CouchDB tombstone.
 */
interface EnvelopeHead {
  _id: string;
  _rev?: string;
  kith: 1;
  /** Collection name. */
  c: string;
  /** Schema version of the writer's collection: a newer one is kept, not applied (see replicate.ts). */
  v: number;
}
export type Envelope =
  | (EnvelopeHead & { enc: true; kid: string; iv: string; data: string })
  | (EnvelopeHead & { enc: false; doc: SyncDoc });

/** An RxDB document as replication sees it: JSON fields plus `_deleted`. */
export type SyncDoc = Record<string, unknown> & { id: string; _deleted: boolean };

export interface Decoded {
  collection: string;
  version: number;
  doc: SyncDoc;
}

export function serverId(collection: string, id: string): string {
  return `${collection}:${id}`;
}

/** The replicated part: RxDB's bookkeeping (_meta, _rev, _attachments) stays on the device. */
export function portable(doc: Record<string, unknown>): SyncDoc {
  const { _meta: _m, _rev: _r, _attachments: _a, ...rest } = doc;
  return { ...rest, _deleted: rest._deleted === true } as SyncDoc;
}

export async function encodeEnvelope(
  collection: string,
  version: number,
  doc: Record<string, unknown>,
  key: SyncKey | null,
): Promise<Envelope> {
  const body = portable(doc);
  const head: EnvelopeHead = { _id: serverId(collection, body.id), kith: 1, c: collection, v: version };
  if (!key) return { ...head, enc: false, doc: body };
  // The collection goes inside too, so a server cannot move ciphertext to another id or collection.
  const sealed = await seal(key, { c: collection, doc: body });
  return { ...head, enc: true, kid: key.kid, ...sealed };
}

export function isEnvelope(value: unknown): value is Envelope {
  const e = value as Partial<Envelope> | null;
  return (
    !!e && e.kith === 1 && typeof e._id === 'string' && typeof e.c === 'string' && typeof e.v === 'number'
  );
}

function damaged(id: string, why: string): Error {
  return new Error(`The document “${id}” on the server ${why}.`);
}

/** Null for server documents that are not journal documents (the key document, design documents). */
export async function decodeEnvelope(value: unknown, key: SyncKey | null): Promise<Decoded | null> {
  if (!isEnvelope(value)) return null;
  const id = value._id;
  let collection: unknown;
  let doc: unknown;
  if (value.enc) {
    if (!key) {
      throw new SyncPassphraseError(
        'The journal on the server is encrypted: enter its sync passphrase to sync this device.',
      );
    }
    if (value.kid !== key.kid) {
      throw new SyncPassphraseError(
        `The document “${id}” was encrypted with another passphrase (was it changed on another device?).`,
      );
    }
    let inner: { c?: unknown; doc?: unknown };
    try {
      inner = (await open(key, value)) as typeof inner;
    } catch {
      throw damaged(id, 'could not be decrypted: it was changed or damaged on the server');
    }
    collection = inner?.c;
    doc = inner?.doc;
  } else {
    collection = value.c;
    doc = value.doc;
  }
  const d = doc as Partial<SyncDoc> | null;
  if (typeof collection !== 'string' || !d || typeof d.id !== 'string') {
    throw damaged(id, 'is not a Kith document');
  }
  if (serverId(collection, d.id) !== id || collection !== value.c) {
    throw damaged(id, `holds “${serverId(collection, d.id)}” instead: it was moved on the server`);
  }
  return { collection, version: value.v, doc: { ...d, _deleted: d._deleted === true } as SyncDoc };
}
