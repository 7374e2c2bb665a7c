/**
 * A CouchDB-protocol server for tests (the embedded server's factory, in memory, on loopback) and a
 * node fetch transport like the browser build's.
 */
import type { SyncRequest, SyncResponse, SyncTransport } from '../../shared/sync';
import { createSyncServer, type SyncServer } from '../../scripts/sync-server/server.mjs';

export const TEST_USER = 'kith';
export const TEST_PASSWORD = 'test-password';

export interface TestCouch extends SyncServer {
  /** Transport to one database of this server, with the test credentials unless given others. */
  transport(db?: string, credentials?: { user: string; password: string }): SyncTransport;
  /** Every document of a database as stored, for "what does the server see?" checks. */
  rawDocs(db?: string): Promise<Record<string, unknown>[]>;
}

export function fetchTransport(dbUrl: string, user: string, password: string): SyncTransport {
  const base = dbUrl.endsWith('/') ? dbUrl : `${dbUrl}/`;
  const authorization = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
  return async (request: SyncRequest): Promise<SyncResponse> => {
    const signals = [AbortSignal.timeout(request.timeoutMs ?? 30_000)];
    if (request.signal) signals.push(request.signal as AbortSignal);
    let res: Response;
    try {
      res = await fetch(new URL(request.path, base), {
        method: request.method,
        headers: {
          Authorization: authorization,
          Accept: 'application/json',
          'Content-Type': 'application/json',
        },
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
        signal: AbortSignal.any(signals),
      });
    } catch (err) {
      throw new Error(`No answer from ${base} (${(err as Error).message}).`, { cause: err });
    }
    const text = await res.text().catch(() => '');
    let body: unknown;
    try {
      body = text.trim() ? JSON.parse(text) : null;
    } catch {
      body = null;
    }
    return { status: res.status, body };
  };
}

export async function startCouchServer(): Promise<TestCouch> {
  const server = await createSyncServer({ memory: true, username: TEST_USER, password: TEST_PASSWORD });
  const transport = (db = 'kith', credentials = { user: TEST_USER, password: TEST_PASSWORD }) =>
    fetchTransport(`${server.url}${db}/`, credentials.user, credentials.password);
  return {
    ...server,
    transport,
    async rawDocs(db = 'kith') {
      const res = await transport(db)({ method: 'GET', path: '_all_docs?include_docs=true' });
      const rows = (res.body as { rows: { doc: Record<string, unknown> }[] }).rows;
      return rows.map((r) => r.doc);
    },
  };
}
