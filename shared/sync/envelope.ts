import { fromUtf8, utf8, utf8Into } from './bytes';
import { openBytes, sealBytes, type SyncKey } from './cipher';

/**
 * How one journal document is stored on the server. Encrypted, the server sees the id, the
 * revision, the collection, the schema version, the key id and ciphertext; a removal is
 * `_deleted: true` inside the ciphertext, never a visible CouchDB tombstone.
 *
 * Format 2 binds everything beside the ciphertext that a reader acts on (id, collection, schema
 * version, key id, and that it is encrypted) into AES-GCM's authenticated data, so a server can
 * neither move a ciphertext to another document nor relabel its version; and pads the plaintext to
 * size classes, so a ciphertext's length says little about what it holds. Format 1 (the first sync
 * format) bound nothing; its documents are read only to upgrade them (./passphrase.ts).
 */
export const ENVELOPE_FORMAT = 2;

interface EnvelopeHead {
  _id: string;
  _rev?: string;
  kith: 1 | 2;
  /** Collection name. */
  c: string;
  /** Schema version of the writer's collection: a newer one is kept, not applied (see handlers.ts). */
  v: number;
}
export type Envelope =
  | (EnvelopeHead & { enc: true; kid: string; iv: string; data: string })
  | (EnvelopeHead & { enc: false; doc: SyncDoc });

/** An RxDB document as replication sees it: JSON fields plus `_deleted`. */
export type SyncDoc = Record<string, unknown> & { id: string; _deleted: boolean };

export function serverId(collection: string, id: string): string {
  return `${collection}:${id}`;
}

/** The replicated part: RxDB's bookkeeping (_meta, _rev, _attachments) stays on the device. */
export function portable(doc: Record<string, unknown>): SyncDoc {
  const { _meta: _m, _rev: _r, _attachments: _a, ...rest } = doc;
  return { ...rest, _deleted: rest._deleted === true } as SyncDoc;
}

/** What AES-GCM authenticates beside the ciphertext. */
function context(id: string, collection: string, version: number, kid: string): string {
  return JSON.stringify(['kith-envelope', ENVELOPE_FORMAT, id, collection, version, kid, 'encrypted']);
}

/**
 * Size classes: powers of two from 512 bytes to 4 KiB, then steps of an eighth of the power of two
 * below (as PADMÉ does), so a size tells little (which class) at a cost of at most double the bytes
 * for the small documents and an eighth for large ones. Measured on the typical sample journal
 * (8,723 documents): 1.26 times the bytes; a single 2 KiB class cost 2.67 times, and slowed an initial
 * encrypted sync as much.
 */
const SMALLEST = 512;
const WHOLE = 4096;

/** The padded size of a plaintext of `length` bytes. */
export function paddedLength(length: number): number {
  if (length <= WHOLE) return Math.max(SMALLEST, 2 ** Math.ceil(Math.log2(Math.max(length, 1))));
  const step = 2 ** (Math.floor(Math.log2(length)) - 3);
  return Math.ceil(length / step) * step;
}

const [SPACE, QUOTE, CLOSE] = [0x20, 0x22, 0x7d];

const NOT_ASCII = /[\u0080-\uffff]/;

/**
 * `{"doc":…,"pad":"<spaces>"}` at its padded length, the document's JSON encoded once, and straight
 * into the padded buffer when it is ASCII (most are: their UTF-8 length is their string length); the
 * spaces and the closing `"}` are written as bytes. Every encrypted write goes through here.
 */
function padded(doc: SyncDoc): Uint8Array<ArrayBuffer> {
  const text = `{"doc":${JSON.stringify(doc)},"pad":"`;
  const encoded = NOT_ASCII.test(text) ? utf8(text) : null;
  const length = encoded ? encoded.length : text.length;
  const bytes = new Uint8Array(paddedLength(length + 2));
  if (encoded) bytes.set(encoded);
  else utf8Into(text, bytes);
  bytes.fill(SPACE, length, bytes.length - 2);
  bytes[bytes.length - 2] = QUOTE;
  bytes[bytes.length - 1] = CLOSE;
  return bytes;
}

export async function encodeEnvelope(
  collection: string,
  version: number,
  doc: Record<string, unknown>,
  key: SyncKey | null,
): Promise<Envelope> {
  const body = portable(doc);
  const head: EnvelopeHead = {
    _id: serverId(collection, body.id),
    kith: ENVELOPE_FORMAT,
    c: collection,
    v: version,
  };
  if (!key) return { ...head, enc: false, doc: body };
  const sealed = await sealBytes(key, padded(body), context(head._id, collection, version, key.kid));
  return { ...head, enc: true, kid: key.kid, ...sealed };
}

export function isEnvelope(value: unknown): value is Envelope {
  const e = value as Partial<Envelope> | null;
  return (
    !!e &&
    (e.kith === 1 || e.kith === 2) &&
    typeof e._id === 'string' &&
    typeof e.c === 'string' &&
    typeof e.v === 'number'
  );
}

/** The keys a device reads with, and whether its journal is encrypted. */
export interface EnvelopeKeys {
  /** Keys this device can open, by key id: the journal's current key and retired ones. */
  read: ReadonlyMap<string, SyncKey>;
  /** An encrypted journal accepts no plaintext envelope and no envelope of the first format. */
  encrypted: boolean;
  /** Accept the first format's envelopes (only the upgrade to format 2 does). */
  legacy?: boolean;
}

export type Opened =
  | { kind: 'doc'; collection: string; version: number; doc: SyncDoc }
  /** Not a journal document (the key document, the journal id, anything else on the server). */
  | { kind: 'other' }
  /** Forged, damaged or not allowed here: never applied; `reason` is a sentence for a person. */
  | { kind: 'refused'; reason: string }
  /** Sealed with a key this device does not hold (a new passphrase, or a forgery). */
  | { kind: 'unknown-key'; kid: string }
  /** Encrypted, reaching a device that syncs without a passphrase. */
  | { kind: 'encrypted' };

export const REFUSED = {
  plaintext:
    'It arrived unencrypted in an encrypted journal: only the server, or someone with access to it, could have written it.',
  unauthentic:
    'It could not be decrypted: its ciphertext, id, collection or version were changed on the server, or it is damaged.',
  oldFormat: 'It is in the first sync format, which an encrypted journal no longer accepts once upgraded.',
  notKith: 'It is not a Kith document.',
} as const;

const refused = (reason: string): Opened => ({ kind: 'refused', reason });

function checked(id: string, collection: unknown, version: number, doc: unknown): Opened {
  const d = doc as Partial<SyncDoc> | null;
  if (typeof collection !== 'string' || !d || typeof d !== 'object' || typeof d.id !== 'string')
    return refused(REFUSED.notKith);
  if (serverId(collection, d.id) !== id)
    return refused(
      `It holds “${serverId(collection, d.id).slice(0, 100)}” instead: it was moved on the server.`,
    );
  if (!Number.isInteger(version) || version < 0) return refused(REFUSED.notKith);
  return { kind: 'doc', collection, version, doc: { ...d, _deleted: d._deleted === true } as SyncDoc };
}

async function openSealed(value: Envelope & { enc: true }, key: SyncKey): Promise<unknown> {
  if (key.legacy) {
    // The first format sealed { c, doc } with nothing authenticated around it.
    const inner = JSON.parse(fromUtf8(await openBytes(key, value))) as { c?: unknown; doc?: unknown };
    if (inner?.c !== value.c) throw new Error('moved');
    return inner.doc;
  }
  const plain = await openBytes(key, value, context(value._id, value.c, value.v, value.kid));
  return (JSON.parse(fromUtf8(plain)) as { doc?: unknown }).doc;
}

/** Opens a server document with `keys`, saying what it is when it cannot be applied. Never throws. */
export async function openEnvelope(value: unknown, keys: EnvelopeKeys): Promise<Opened> {
  if (!isEnvelope(value)) return { kind: 'other' };
  if (!value.enc) {
    if (keys.encrypted) return refused(REFUSED.plaintext);
    return checked(value._id, value.c, value.v, (value as { doc?: unknown }).doc);
  }
  if (!keys.encrypted) return { kind: 'encrypted' };
  if (value.kith === 1 && !keys.legacy) return refused(REFUSED.oldFormat);
  if (typeof value.kid !== 'string' || typeof value.iv !== 'string' || typeof value.data !== 'string')
    return refused(REFUSED.notKith);
  const key = keys.read.get(value.kid);
  if (!key) return { kind: 'unknown-key', kid: value.kid };
  if ((value.kith === 1) !== (key.legacy === true)) return refused(REFUSED.unauthentic);
  let doc: unknown;
  try {
    doc = await openSealed(value, key);
  } catch {
    return refused(REFUSED.unauthentic);
  }
  return checked(value._id, value.c, value.v, doc);
}
