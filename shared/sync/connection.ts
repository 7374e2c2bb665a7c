import { send, SyncHttpError, SyncOfflineError } from './http';
import type { SyncTransport } from './transport';

export type ConnectionResult = { ok: true; docCount: number } | { ok: false; message: string };

/** For the "Test connection" button: never throws, says what is wrong in words. */
export async function testConnection(transport: SyncTransport): Promise<ConnectionResult> {
  try {
    const res = await send(
      transport,
      { method: 'GET', path: '', timeoutMs: 10_000 },
      'read the database',
      [200, 404],
    );
    const body = res.body as { db_name?: unknown; doc_count?: unknown; error?: unknown } | null;
    // A missing database is created by the first sync (or must be created by a CouchDB admin).
    if (res.status === 404 && body?.error === 'not_found') return { ok: true, docCount: 0 };
    if (res.status === 200 && typeof body?.db_name === 'string') {
      return { ok: true, docCount: typeof body.doc_count === 'number' ? body.doc_count : 0 };
    }
    return { ok: false, message: 'This address does not answer like a CouchDB database.' };
  } catch (err) {
    if (err instanceof SyncOfflineError)
      return { ok: false, message: `No answer from the sync server (${err.message}).` };
    return { ok: false, message: err instanceof Error ? err.message : String(err) };
  }
}

/** Creates the database when it is missing (the embedded server, or CouchDB with admin rights). */
export async function ensureDatabase(transport: SyncTransport): Promise<void> {
  const res = await send(transport, { method: 'GET', path: '' }, 'read the database', [200, 404]);
  if (res.status === 200) return;
  try {
    // 412: created by another device a moment ago.
    await send(transport, { method: 'PUT', path: '' }, 'create the database', [201, 202, 412]);
  } catch (err) {
    if (err instanceof SyncHttpError && (err.status === 401 || err.status === 403)) {
      throw new SyncHttpError(
        err.status,
        'The sync database does not exist and this user may not create it: create it on the server (see Kith’s docs/sync.md, “Using Apache CouchDB instead”).',
      );
    }
    throw err;
  }
}
