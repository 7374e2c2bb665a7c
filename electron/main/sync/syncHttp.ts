import type { SyncWireRequest, SyncWireResponse } from '../../../shared/ipc';
import { syncRequestTarget } from '../../../shared/security/syncUrl';
import { parseResponseBody } from '../../../shared/sync/transport';

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export interface SyncCredentials {
  username: string;
  password: string;
}

/** A request that sets no timeout of its own still ends: a hung server must not pin a socket forever. */
export const DEFAULT_SYNC_TIMEOUT_MS = 60_000;

export function basicAuthorization({ username, password }: SyncCredentials): string {
  return `Basic ${Buffer.from(`${username}:${password}`, 'utf8').toString('base64')}`;
}

/**
 * Sends one CouchDB request to the database at `dbUrl` with the credentials. A path that leaves the
 * database, or any request Kith's sync engine never makes (checkSyncRequest), is refused (thrown)
 * before anything is sent. Any HTTP status is an answer; only a failure
 * to reach the server (offline, refused, timed out) is a `networkError`, in words a person can read.
 */
export async function sendSyncRequest(
  fetch: FetchLike,
  dbUrl: string,
  credentials: SyncCredentials | null,
  request: SyncWireRequest,
): Promise<SyncWireResponse> {
  const target = syncRequestTarget(dbUrl, request);
  if (!target.ok) throw new Error(`Refused a sync request: ${target.reason}.`);
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (credentials) headers.Authorization = basicAuthorization(credentials);
  if (request.body !== undefined) headers['Content-Type'] = 'application/json';
  const timeoutMs = request.timeoutMs ?? DEFAULT_SYNC_TIMEOUT_MS;
  let response: Response;
  try {
    response = await fetch(target.url, {
      method: request.method,
      headers,
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      // Redirects could carry the Authorization header to another origin.
      redirect: 'error',
      credentials: 'omit',
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    return { networkError: describeNetworkError(target.url, error, timeoutMs) };
  }
  const text = await response.text().catch(() => '');
  return { status: response.status, body: parseResponseBody(text) };
}

function describeNetworkError(url: string, error: unknown, timeoutMs: number): string {
  const host = new URL(url).host;
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return `The sync server at ${host} did not answer within ${Math.round(timeoutMs / 1000)} s.`;
  }
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : '';
  const detail = cause || (error instanceof Error ? error.message : String(error));
  return `Cannot reach the sync server at ${host}${detail ? ` (${detail})` : ''}.`;
}
