import { SyncOfflineError } from './http';
import type { Link } from './link';
import { isChangePage, MALFORMED_FEED, seqParam, type ChangeRow } from './pages';
import type { SyncAbortSignal } from './transport';

/** Asked of the server; CouchDB answers an empty list after it, express-pouchdb keeps waiting. */
const LONGPOLL_MS = 25_000;
/** When no answer came by then, a quick probe tells a quiet server from an absent one. */
const REQUEST_MS = LONGPOLL_MS + 10_000;

export interface LiveFeedOptions {
  link: Link;
  since: unknown;
  signal: SyncAbortSignal;
  /** Documents that changed since the last answer, with their new revision. */
  onChanges(changes: { id: string; rev: string | undefined }[]): void;
  /** The long-poll's timeout asked of the server, and how long to wait for its answer (tests shorten them). */
  longpollMs?: number;
  requestMs?: number;
}

/** A sequence as CouchDB (a string) or PouchDB (a number) writes it; anything else is not one. */
function isSeq(seq: unknown): boolean {
  return typeof seq === 'string' || (typeof seq === 'number' && Number.isFinite(seq));
}

const sameSeq = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * Long-polls `_changes` (ids only) and reports which documents changed; each collection then pulls
 * from its own checkpoint. Runs until the link is stopped.
 *
 * The feed follows the `last_seq` each answer hands back, which a broken or hostile server (or a
 * proxy in front of it) can make up. A made-up one can stall the feed for good even once the server
 * is honest again (express-pouchdb waits forever on `since=9999-x`, answering nothing). So the feed
 * keeps the last sequence the database itself confirmed (its `update_seq`, read with `GET ''`, which
 * does not echo what was asked) and starts again from there after a garbage answer, or when a
 * long-poll went unanswered while the database had moved on: the changes since are read again, and
 * reading a change twice only wakes a pull that finds nothing new.
 */
export async function runLiveFeed({
  link,
  since,
  signal,
  onChanges,
  longpollMs = LONGPOLL_MS,
  requestMs = REQUEST_MS,
}: LiveFeedOptions): Promise<void> {
  let seq = since;
  let confirmed = since;
  const probe = async (): Promise<unknown> =>
    (
      (await link.send({ method: 'GET', path: '', timeoutMs: 10_000 }, 'read the database')).body as {
        update_seq?: unknown;
      } | null
    )?.update_seq;
  while (!link.isStopped) {
    try {
      await link.ready();
      const path = `_changes?feed=longpoll&since=${seqParam(seq)}&timeout=${longpollMs}&limit=1000`;
      let body: unknown;
      try {
        body = (await link.transport({ method: 'GET', path, timeoutMs: requestMs, signal })).body;
      } catch (err) {
        if (link.isStopped) return;
        // Timed out or offline: the probe's own failure marks the link offline and backs off.
        const current = await probe();
        void err;
        // Quiet since `seq`: the database agrees with it. Moved on without the feed saying so: the
        // feed is stuck on a sequence the server does not know; read again from the confirmed one.
        if (isSeq(current) && sameSeq(current, seq)) confirmed = seq;
        else seq = confirmed;
        continue;
      }
      const page = body as { results?: ChangeRow[]; last_seq?: unknown } | null;
      if (!isChangePage(page) || (page.last_seq !== undefined && !isSeq(page.last_seq))) {
        await probe();
        // The database answers, its feed does not: say so (never "Synced" while nothing can be
        // pulled), and back off like any failure rather than spin. Whatever sequence the feed
        // handed over before is not trusted either.
        link.failed('error', MALFORMED_FEED);
        seq = confirmed;
        continue;
      }
      link.succeeded();
      if (page.last_seq !== undefined) seq = page.last_seq;
      if (page.results.length > 0) {
        onChanges(page.results.map((r) => ({ id: r.id, rev: r.changes?.[0]?.rev })));
      }
    } catch (err) {
      if (link.isStopped) return;
      if (!(err instanceof SyncOfflineError)) {
        // An HTTP error is already on the link (and backs off); anything else must not spin.
        await link.ready().catch(() => undefined);
      }
    }
  }
}
