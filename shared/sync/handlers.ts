import type {
  MigrationStrategies,
  ReplicationPullHandler,
  ReplicationPushHandler,
  RxConflictHandler,
  WithDeleted,
} from 'rxdb';
import type { SyncKey } from './cipher';
import { decodeEnvelope, encodeEnvelope, serverId, type Decoded, type SyncDoc } from './envelope';
import type { Link } from './link';
import type { ChangePages } from './pages';

export interface Checkpoint {
  seq: unknown;
}

/** What one collection's handlers need; `counters` feed the status line. */
export interface HandlerContext {
  collection: string;
  version: number;
  migrationStrategies: MigrationStrategies;
  conflictHandler: RxConflictHandler<SyncDoc>;
  link: Link;
  pages: ChangePages;
  key: SyncKey | null;
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
}

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
async function migrate(ctx: HandlerContext, decoded: Decoded): Promise<SyncDoc | null> {
  let doc: SyncDoc | null = decoded.doc;
  for (let v = decoded.version + 1; v <= ctx.version && doc; v++) {
    const strategy = ctx.migrationStrategies[v];
    if (!strategy) throw new Error(`No migration from ${ctx.collection} version ${v - 1} to ${v}.`);
    const deleted: boolean = doc._deleted;
    // Kith's strategies use only the document (the collection argument is for RxDB's own run).
    doc = (await strategy(doc, undefined as never)) as SyncDoc | null;
    if (doc) doc = { ...doc, _deleted: deleted };
  }
  return doc;
}

/**
 * Decodes a server document into this collection's current shape. Null: not ours, or from a newer
 * Kith version (kept on the server and counted, never dropped: a later Kith applies it).
 */
async function readable(ctx: HandlerContext, value: unknown): Promise<SyncDoc | null> {
  const decoded = await decodeEnvelope(value, ctx.key);
  if (!decoded || decoded.collection !== ctx.collection) return null;
  const id = serverId(ctx.collection, decoded.doc.id);
  if (decoded.version > ctx.version) {
    if (!ctx.waiting.has(id)) {
      ctx.waiting.add(id);
      ctx.onWaitingChange();
    }
    return null;
  }
  if (ctx.waiting.delete(id)) ctx.onWaitingChange();
  return migrate(ctx, decoded);
}

function isNewer(ctx: HandlerContext, value: unknown): boolean {
  const v = (value as { v?: unknown } | null)?.v;
  return typeof v === 'number' && v > ctx.version;
}

export function pullHandler(ctx: HandlerContext): ReplicationPullHandler<SyncDoc, Checkpoint> {
  return async (checkpoint, batchSize) => {
    let since: unknown = checkpoint?.seq ?? 0;
    const documents: WithDeleted<SyncDoc>[] = [];
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
          await Promise.all(others.map(async (row) => [row, await readable(ctx, row.doc)] as const)),
        );
        for (const row of mine) {
          if (ctx.ownRevs.get(row.id) === (row.doc as { _rev?: unknown })._rev) {
            ownLast = row.doc;
            continue;
          }
          const doc = opened.get(row);
          if (doc) {
            documents.push(doc as WithDeleted<SyncDoc>);
            revOf.set(doc, { id: row.id, gen: generation((row.doc as { _rev?: unknown })._rev) });
          }
        }
      } finally {
        ctx.inFlight(-mine.length);
      }
      since = page.last_seq;
      if (documents.length >= batchSize || page.results.length < ctx.pages.pageSize) break;
    }
    // Decrypting takes a while: a push of this device may have stored a newer version meanwhile.
    const current = documents.filter((d) => {
      const r = revOf.get(d);
      return !r || r.gen >= (ctx.revs.get(r.id) ?? 0);
    });
    documents.length = 0;
    documents.push(...current);
    if (documents.length === 0 && ownLast) {
      const doc = await readable(ctx, ownLast);
      if (doc) documents.push(doc as WithDeleted<SyncDoc>);
    }
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

export function pushHandler(ctx: HandlerContext): ReplicationPushHandler<SyncDoc> {
  const handler = push(ctx);
  return (rows) => {
    const running = handler(rows);
    const tracked = running.catch(() => undefined);
    ctx.pushes.add(tracked);
    void tracked.then(() => ctx.pushes.delete(tracked));
    return running;
  };
}

function push(ctx: HandlerContext): ReplicationPushHandler<SyncDoc> {
  return async (rows) => {
    ctx.inFlight(rows.length);
    try {
      const ids = rows.map((r) => serverId(ctx.collection, (r.newDocumentState as SyncDoc).id));
      const current = await serverDocs(ctx, ids);
      const conflicts: WithDeleted<SyncDoc>[] = [];
      const pending: Promise<object>[] = [];
      for (const [i, row] of rows.entries()) {
        const server = current.get(ids[i] as string);
        const stored = server?.doc ?? null;
        // Never overwrite what a newer Kith wrote: this version would drop the fields it added.
        if (isNewer(ctx, stored)) {
          await readable(ctx, stored);
          continue;
        }
        const master = stored ? await readable(ctx, stored) : null;
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
            ctx.key,
          ).then((envelope) => (rev ? { ...envelope, _rev: rev } : envelope)),
        );
      }
      const writes = await Promise.all(pending);
      if (writes.length === 0) return conflicts;
      const res = await ctx.link.send(
        { method: 'POST', path: '_bulk_docs', body: { docs: writes } },
        'save documents',
      );
      const results = res.body as { id: string; rev?: string; error?: string; reason?: string }[];
      if (!Array.isArray(results)) throw new Error('The sync server sent a malformed answer to a save.');
      for (const r of results) {
        if (!r.rev) continue;
        fresh(ctx, r.id, r.rev);
        ctx.ownRevs.set(r.id, r.rev);
      }
      const lost = results.filter((r) => r.error === 'conflict').map((r) => r.id);
      const failed = results.find((r) => r.error && r.error !== 'conflict');
      if (failed)
        throw new Error(`The sync server refused “${failed.id}”: ${failed.reason ?? failed.error}.`);
      // Someone wrote in between: hand RxDB the newer server state to merge with, and push again.
      if (lost.length > 0) {
        for (const row of (await serverDocs(ctx, lost)).values()) {
          const master = row.doc ? await readable(ctx, row.doc) : null;
          if (master) conflicts.push(master as WithDeleted<SyncDoc>);
        }
      }
      return conflicts;
    } finally {
      ctx.inFlight(-rows.length);
    }
  };
}
