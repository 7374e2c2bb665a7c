import type {
  MigrationStrategies,
  ReplicationPullHandler,
  ReplicationPushHandler,
  RxConflictHandler,
  WithDeleted,
} from 'rxdb';
import type { CollectionName } from '../db/collections';
import { checkRemovedDocument, checkStoredDocument, describeIssues } from '../db/checkDocument';
import type { SetAside } from '../db/quarantine';
import type { SyncKey } from './cipher';
import {
  encodeEnvelope,
  openEnvelope,
  portable,
  serverId,
  type EnvelopeKeys,
  type SyncDoc,
} from './envelope';
import { isOlder, type LocalDoc } from './conflicts';
import { SyncPassphraseError } from './errors';
import { KEY_DOC_ID, keyDocState } from './keyDoc';
import type { Link } from './link';
import type { ChangePages } from './pages';

export interface Checkpoint {
  seq: unknown;
}

/** What one collection's handlers need; `counters` feed the status line. */
export interface HandlerContext {
  collection: CollectionName;
  version: number;
  migrationStrategies: MigrationStrategies;
  conflictHandler: RxConflictHandler<SyncDoc>;
  link: Link;
  pages: ChangePages;
  /** What this device opens server documents with. */
  keys: EnvelopeKeys;
  /** What it seals its own writes with (null: the journal is not encrypted). */
  write: SyncKey | null;
  /** The key document's state when this session unlocked it (keyDocState): a push checks it is unchanged. */
  keyState: string;
  /**
   * A document sealed with a key this device does not hold: throws SyncPassphraseError when the key
   * document explains it (the passphrase was changed, a change is in progress), so the session stops
   * and asks; resolves when it is simply a document nobody could have sealed with this journal's keys.
   */
  unknownKey(kid: string): Promise<void>;
  /** Documents refused from the server: set aside on this device and counted in the status. */
  refuse(items: SetAside[]): Promise<void>;
  /**
   * The server's copies of these documents were refused for being forged, damaged or older than this
   * device's: this device writes its own copy back (once per document and session).
   */
  repair(ids: string[]): void;
  /** The server would not store this device's version of a document (`reason`: its words); null: it did. */
  serverRefused(id: string, reason: string | null): void;
  /**
   * Valid versions of these documents arrived: what was set aside for them is forgotten, and this
   * device's clock moves past their stamps.
   */
  accepted(ids: string[], docs: readonly SyncDoc[]): Promise<void>;
  /**
   * Server versions a push met (conflicts) that RxDB is about to merge into this device's copies:
   * this device's clock moves past their stamps, as it does for pulled ones. Without it, a device
   * whose clock runs slow stamps its next edit of a merged field older than the value it replaces,
   * and every device holding the merged version takes that edit for a server's rollback.
   */
  observe(docs: readonly SyncDoc[]): void;
  /** This device's copies, removed ones included. */
  local(ids: string[]): Promise<Map<string, LocalDoc>>;
  /** The server state this device last acknowledged per document (RxDB's "assumed master state"). */
  assumed(ids: string[]): Promise<Map<string, SyncDoc>>;
  /** Server ids of documents from a newer Kith version, seen but not applied. */
  waiting: Set<string>;
  onWaitingChange: () => void;
  inFlight: (delta: number) => void;
  /**
   * Newest revision generation seen per server id in this session. A pull that read a document
   * before this device's own push of it (or from a shared page read earlier) would otherwise hand
   * RxDB an older state after a newer one was acknowledged, and RxDB would write it back locally.
   */
  revs: Map<string, number>;
  /** The revision this device itself last wrote per server id: pulling it back would change nothing. */
  ownRevs: Map<string, string>;
  /** Pushes in flight, so the live feed can tell this device's own writes once they are recorded. */
  pushes: Set<Promise<unknown>>;
  /** The last state handed to RxDB per document id, until RxDB has written it (see guardedConflictHandler). */
  handedOver: Map<string, SyncDoc>;
}

/** The key document changed under a running session: the session stops writing and looks again. */
export const KEY_CHANGED =
  'The sync key document changed on the server (a passphrase change on another device?): this device stopped writing.';

export const ROLLED_BACK =
  'It is an older version of a document this device already has: the server replayed or rolled it back. This device kept its newer copy.';

function generation(rev: unknown): number {
  return typeof rev === 'string' ? Number.parseInt(rev, 10) || 0 : 0;
}

/** Records `rev` for `id`; false when a newer revision of it is already known (a stale read). */
function fresh(ctx: HandlerContext, id: string, rev: unknown): boolean {
  const g = generation(rev);
  const known = ctx.revs.get(id) ?? 0;
  if (g < known) return false;
  ctx.revs.set(id, g);
  return true;
}

/** Brings a document written by an older Kith up to this collection's version, as RxDB would. */
async function migrate(ctx: HandlerContext, version: number, from: SyncDoc): Promise<SyncDoc | null> {
  let doc: SyncDoc | null = from;
  for (let v = version + 1; v <= ctx.version && doc; v++) {
    const strategy = ctx.migrationStrategies[v];
    if (!strategy) throw new Error(`No migration from ${ctx.collection} version ${v - 1} to ${v}.`);
    const deleted: boolean = doc._deleted;
    // Kith's strategies use only the document (the collection argument is for RxDB's own run).
    doc = (await strategy(doc, undefined as never)) as SyncDoc | null;
    if (doc) doc = { ...doc, _deleted: deleted };
  }
  return doc;
}

/** What a server document means to this collection on this device. */
type Reading =
  | { kind: 'doc'; doc: SyncDoc }
  /** Not this collection's, a design document, or from a newer Kith (kept on the server, counted). */
  | { kind: 'skip' }
  /**
   * `repairable`: what the server holds is forged, damaged or an older version, so a device with its
   * own copy writes that back; not so for a version another device wrote against the journal's rules.
   */
  | { kind: 'refused'; item: SetAside; repairable: boolean };

function refusal(
  ctx: HandlerContext,
  value: unknown,
  reason: string,
  raw: unknown = value,
  repairable = true,
): Reading & { kind: 'refused' } {
  const id = String((value as { _id?: unknown } | null)?._id ?? '');
  const rev = String((value as { _rev?: unknown } | null)?._rev ?? '');
  const docId = id.slice(id.indexOf(':') + 1);
  return {
    kind: 'refused',
    repairable,
    item: {
      source: 'sync',
      collection: ctx.collection,
      docId,
      reason,
      issues: [],
      origin: `${id.slice(0, 120)}${rev ? ` (revision ${rev.slice(0, 40)})` : ''} on the sync server`,
      raw,
    },
  };
}

/** The document content the journal's rules apply to (what the storage's schema sees). */
function content(doc: SyncDoc): Record<string, unknown> {
  const { _deleted: _d, ...rest } = doc;
  return rest;
}

/**
 * Opens, authenticates, migrates and checks one server document. Everything that could not be
 * trusted or stored is refused one document at a time, never stopping the collection.
 */
async function read(ctx: HandlerContext, value: unknown): Promise<Reading> {
  const opened = await openEnvelope(value, ctx.keys);
  switch (opened.kind) {
    case 'other':
      return { kind: 'skip' };
    case 'encrypted':
      // Sealed with a key while this device syncs without one: the key document decides.
      await ctx.unknownKey('');
      return refusal(ctx, value, 'It is encrypted, but this journal is not.');
    case 'unknown-key':
      await ctx.unknownKey(opened.kid);
      return refusal(ctx, value, 'It was sealed with a key this journal does not have.');
    case 'refused':
      return refusal(ctx, value, opened.reason);
  }
  if (opened.collection !== ctx.collection) return { kind: 'skip' };
  const id = serverId(ctx.collection, opened.doc.id);
  if (opened.version > ctx.version) {
    if (!ctx.waiting.has(id)) {
      ctx.waiting.add(id);
      ctx.onWaitingChange();
    }
    return { kind: 'skip' };
  }
  if (ctx.waiting.delete(id)) ctx.onWaitingChange();
  let doc: SyncDoc | null;
  try {
    doc = await migrate(ctx, opened.version, opened.doc);
  } catch (error) {
    return refusal(
      ctx,
      value,
      `It could not be brought up to date: ${(error as Error).message}`,
      opened.doc,
      false,
    );
  }
  if (!doc) return { kind: 'skip' };
  const issues = doc._deleted
    ? checkRemovedDocument(ctx.collection, content(doc))
    : checkStoredDocument(ctx.collection, content(doc));
  if (issues.length > 0) {
    const refused = refusal(ctx, value, describeIssues(issues), opened.doc, false);
    refused.item.issues = issues;
    return refused;
  }
  return { kind: 'doc', doc };
}

/**
 * Pulled documents that would move this device back: older than its copy, while that copy is the
 * state it last acknowledged from the server (with an unpushed local edit RxDB keeps the edit and
 * merges on push, so nothing moves back and nothing is refused).
 */
async function rollbacks(ctx: HandlerContext, docs: SyncDoc[]): Promise<Set<SyncDoc>> {
  const ids = docs.map((d) => d.id);
  const [local, assumed] = await Promise.all([ctx.local(ids), ctx.assumed(ids)]);
  const found = new Set<SyncDoc>();
  for (const doc of docs) {
    const mine = local.get(doc.id);
    const acknowledged = assumed.get(doc.id);
    if (!mine || !acknowledged || !isOlder(doc as LocalDoc, mine)) continue;
    if (ctx.conflictHandler.isEqual(acknowledged, mine, 'kith-rollback')) found.add(doc);
  }
  return found;
}

export function pullHandler(ctx: HandlerContext): ReplicationPullHandler<SyncDoc, Checkpoint> {
  return async (checkpoint, batchSize) => {
    let since: unknown = checkpoint?.seq ?? 0;
    const documents: WithDeleted<SyncDoc>[] = [];
    const refused: SetAside[] = [];
    const repairs: string[] = [];
    // RxDB stops pulling at a batch smaller than batchSize, so read on until it is full or the feed ends.
    // The newest document this device wrote itself and skipped: handed back when nothing else came,
    // because RxDB keeps a checkpoint only from a non-empty batch (else every wake-up re-reads all).
    let ownLast: unknown = null;
    const revOf = new Map<object, { id: string; gen: number }>();
    for (;;) {
      const page = await ctx.pages.page(since);
      const mine = page.results.filter(
        (row) =>
          row.id.startsWith(`${ctx.collection}:`) &&
          row.doc &&
          !row.deleted &&
          fresh(ctx, row.id, (row.doc as { _rev?: unknown })._rev),
      );
      ctx.inFlight(mine.length);
      try {
        const others = mine.filter((row) => ctx.ownRevs.get(row.id) !== (row.doc as { _rev?: unknown })._rev);
        // Decrypted together (off the main thread, in parallel), then taken in feed order.
        const opened = new Map(
          await Promise.all(others.map(async (row) => [row, await read(ctx, row.doc)] as const)),
        );
        for (const row of mine) {
          if (ctx.ownRevs.get(row.id) === (row.doc as { _rev?: unknown })._rev) {
            ownLast = row.doc;
            continue;
          }
          const reading = opened.get(row);
          if (reading?.kind === 'doc') {
            documents.push(reading.doc as WithDeleted<SyncDoc>);
            revOf.set(reading.doc, { id: row.id, gen: generation((row.doc as { _rev?: unknown })._rev) });
          } else if (reading?.kind === 'refused') {
            refused.push(reading.item);
            if (reading.repairable) repairs.push(reading.item.docId);
          }
        }
      } finally {
        ctx.inFlight(-mine.length);
      }
      since = page.last_seq;
      if (documents.length >= batchSize || page.results.length < ctx.pages.pageSize) break;
    }
    const older = documents.length > 0 ? await rollbacks(ctx, documents) : new Set<SyncDoc>();
    for (const doc of older) {
      const envelope = { _id: serverId(ctx.collection, doc.id), _rev: `${revOf.get(doc)?.gen ?? ''}-` };
      refused.push(refusal(ctx, envelope, ROLLED_BACK, doc).item);
      repairs.push(doc.id);
    }
    // Set aside before the checkpoint moves past them, so nothing refused goes unrecorded; a device
    // that cannot record them (a full disk) still never applies them, and syncs on.
    await ctx.refuse(refused).catch(() => undefined);
    if (repairs.length > 0) ctx.repair(repairs);
    // Decrypting and checking take a while: a push of this device may have stored a newer version
    // meanwhile, which RxDB must not be handed an older state after (it would write it back).
    const current = documents.filter((d) => {
      const r = revOf.get(d);
      return !older.has(d) && (!r || r.gen >= (ctx.revs.get(r.id) ?? 0));
    });
    documents.length = 0;
    documents.push(...current);
    // Only what other writers sent releases an entry set aside: this device's own echo (a repair it
    // wrote) must not erase the record of what the server did.
    await ctx
      .accepted(
        current.map((d) => d.id),
        current,
      )
      .catch(() => undefined);
    if (documents.length === 0 && ownLast) {
      const reading = await read(ctx, ownLast);
      if (reading.kind === 'doc') documents.push(reading.doc as WithDeleted<SyncDoc>);
    }
    for (const doc of documents) ctx.handedOver.set(doc.id, doc);
    return { documents, checkpoint: { seq: since } };
  };
}

interface AllDocsRow {
  key: string;
  value?: { rev: string; deleted?: boolean };
  doc?: unknown;
  error?: string;
}

async function serverDocs(ctx: HandlerContext, ids: string[]): Promise<Map<string, AllDocsRow>> {
  const res = await ctx.link.send(
    { method: 'POST', path: '_all_docs?include_docs=true', body: { keys: ids } },
    'read documents',
  );
  const rows = (res.body as { rows?: AllDocsRow[] } | null)?.rows;
  if (!Array.isArray(rows)) throw new Error('The sync server sent a malformed document list.');
  for (const r of rows) if (r.value?.rev) fresh(ctx, r.key, r.value.rev);
  return new Map(rows.map((r) => [r.key, r]));
}

/**
 * Writes this device's own copies of `ids` over the server's, where the server's copy is still one
 * this device refuses (forged, damaged, sealed under no key of the journal, or older than its copy):
 * the journal on the server is repaired without waiting for the next edit. A copy that another device
 * replaced meanwhile with a good version is left alone.
 */
export async function writeOwnCopies(ctx: HandlerContext, ids: readonly string[]): Promise<void> {
  const local = await ctx.local([...ids]);
  const keys = ids.filter((id) => local.has(id)).map((id) => serverId(ctx.collection, id));
  if (keys.length === 0) return;
  const current = await serverDocs(ctx, [KEY_DOC_ID, ...keys]);
  // The keys changed under this session: the session stops and looks again; nothing is written.
  if (keyDocState(current.get(KEY_DOC_ID)?.doc ?? null) !== ctx.keyState) return;
  const writes: object[] = [];
  for (const key of keys) {
    const mine = local.get(key.slice(key.indexOf(':') + 1)) as LocalDoc;
    const server = current.get(key);
    const reading = server?.doc ? await read(ctx, server.doc) : null;
    const stale =
      reading?.kind === 'refused'
        ? reading.repairable
        : reading?.kind === 'doc' && isOlder(reading.doc as LocalDoc, mine);
    if (!stale) continue;
    const envelope = await encodeEnvelope(ctx.collection, ctx.version, portable(mine), ctx.write);
    writes.push(server?.value?.rev ? { ...envelope, _rev: server.value.rev } : envelope);
  }
  if (writes.length === 0) return;
  await saveEnvelopes(ctx, writes);
}

type SaveResult = { id: string; rev?: string; error?: string; reason?: string };

/**
 * Saves sealed envelopes in one request and returns the server's answer for each. A saved revision
 * is remembered as this device's own (its echo in the live feed needs no pull) and as the newest
 * known, so an older one replayed later is refused.
 */
async function saveEnvelopes(ctx: HandlerContext, writes: object[]): Promise<SaveResult[]> {
  const res = await ctx.link.send(
    { method: 'POST', path: '_bulk_docs', body: { docs: writes } },
    'save documents',
  );
  const results = res.body as SaveResult[];
  if (!Array.isArray(results)) throw new Error('The sync server sent a malformed answer to a save.');
  for (const r of results) {
    if (!r.rev) continue;
    fresh(ctx, r.id, r.rev);
    ctx.ownRevs.set(r.id, r.rev);
  }
  return results;
}

export function pushHandler(ctx: HandlerContext): ReplicationPushHandler<SyncDoc> {
  const handler = push(ctx);
  return (rows) => {
    // Before RxDB merges them: an edit made here after the merge comes after what it merged.
    const running = handler(rows).then((conflicts) => {
      ctx.observe(conflicts);
      return conflicts;
    });
    const tracked = running.catch(() => undefined);
    ctx.pushes.add(tracked);
    void tracked.then(() => ctx.pushes.delete(tracked));
    return running;
  };
}

/**
 * The server's copy as a state to merge with; null when there is none or it cannot be trusted
 * (forged, damaged, against the journal's rules): this device's valid version then replaces it.
 * 'newer': written by a newer Kith, never overwritten.
 */
async function masterOf(ctx: HandlerContext, stored: unknown): Promise<SyncDoc | null | 'newer'> {
  if (!stored) return null;
  const version = (stored as { v?: unknown }).v;
  const reading = await read(ctx, stored);
  if (reading.kind === 'doc') return reading.doc;
  if (reading.kind === 'skip' && typeof version === 'number' && version > ctx.version) return 'newer';
  return null;
}

function push(ctx: HandlerContext, attempt = 1): ReplicationPushHandler<SyncDoc> {
  return async (rows) => {
    ctx.inFlight(rows.length);
    try {
      const ids = rows.map((r) => serverId(ctx.collection, (r.newDocumentState as SyncDoc).id));
      // The key document is read with the documents: a device that missed a passphrase change (or
      // one starting) must not write another document under the old key, or in plain text.
      const current = await serverDocs(ctx, [KEY_DOC_ID, ...ids]);
      const keyRow = current.get(KEY_DOC_ID);
      if (keyDocState(keyRow?.doc ?? null) !== ctx.keyState) throw new SyncPassphraseError(KEY_CHANGED);
      const conflicts: WithDeleted<SyncDoc>[] = [];
      const pending: Promise<object>[] = [];
      for (const [i, row] of rows.entries()) {
        const server = current.get(ids[i] as string);
        const master = await masterOf(ctx, server?.doc ?? null);
        // Never overwrite what a newer Kith wrote: this version would drop the fields it added.
        if (master === 'newer') continue;
        if (master) {
          const assumed = row.assumedMasterState;
          if (!assumed || !ctx.conflictHandler.isEqual(master, assumed, 'kith-push')) {
            conflicts.push(master as WithDeleted<SyncDoc>);
            continue;
          }
        }
        // Encrypted together: WebCrypto runs them off the main thread, in parallel.
        const rev = server?.value?.rev;
        pending.push(
          encodeEnvelope(
            ctx.collection,
            ctx.version,
            row.newDocumentState as Record<string, unknown>,
            ctx.write,
          ).then((envelope) => (rev ? { ...envelope, _rev: rev } : envelope)),
        );
      }
      const writes = await Promise.all(pending);
      if (writes.length === 0) return conflicts;
      const results = await saveEnvelopes(ctx, writes);
      const lost = results.filter((r) => r.error === 'conflict').map((r) => r.id);
      // A document the server will not store (too large, a validation rule on the server) is named
      // in the status and kept on this device; it must not hold up every change queued after it, so
      // RxDB counts it as sent and sends it again with its next edit.
      for (const r of results) {
        if (r.error && r.error !== 'conflict') ctx.serverRefused(r.id, r.reason ?? r.error);
        else if (!r.error) ctx.serverRefused(r.id, null);
      }
      // Someone wrote in between: hand RxDB the newer server state to merge with, and push again.
      // A copy that cannot be trusted is overwritten again (a hostile server may keep writing one).
      const again: typeof rows = [];
      if (lost.length > 0) {
        for (const row of (await serverDocs(ctx, lost)).values()) {
          const master = await masterOf(ctx, row.doc ?? null);
          if (master === 'newer') continue;
          if (master) conflicts.push(master as WithDeleted<SyncDoc>);
          else again.push(rows[ids.indexOf(row.key)]!);
        }
      }
      if (again.length > 0) {
        if (attempt >= 3) throw new Error('The sync server keeps replacing documents this device saves.');
        conflicts.push(...(await push(ctx, attempt + 1)(again)));
      }
      return conflicts;
    } finally {
      ctx.inFlight(-rows.length);
    }
  };
}
