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
}

/**
 * Long-polls `_changes` (ids only) and reports which documents changed; each collection then pulls
 * from its own checkpoint. Runs until the link is stopped.
 */
export async function runLiveFeed({ link, since, signal, onChanges }: LiveFeedOptions): Promise<void> {
  let seq = since;
  while (!link.isStopped) {
    try {
      await link.ready();
      const path = `_changes?feed=longpoll&since=${seqParam(seq)}&timeout=${LONGPOLL_MS}&limit=1000`;
      let body: unknown;
      try {
        body = (await link.transport({ method: 'GET', path, timeoutMs: REQUEST_MS, signal })).body;
      } catch (err) {
        if (link.isStopped) return;
        // Timed out or offline: the probe's own failure marks the link offline and backs off.
        await link.send({ method: 'GET', path: '', timeoutMs: 10_000 }, 'read the database');
        void err;
        continue;
      }
      const page = body as { results?: ChangeRow[]; last_seq?: unknown } | null;
      if (!isChangePage(page)) {
        await link.send({ method: 'GET', path: '', timeoutMs: 10_000 }, 'read the database');
        // The database answers, its feed does not: say so (never "Synced" while nothing can be
        // pulled), and back off like any failure rather than spin.
        link.failed('error', MALFORMED_FEED);
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
