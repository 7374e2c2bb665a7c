import { syncRequestTarget } from '../../../shared/security/syncUrl';
import type { SyncRequest, SyncResponse, SyncTransport } from '../../../shared/sync';
import { parseResponseBody } from '../../../shared/sync/transport';

export interface Credentials {
  username: string;
  password: string;
}

/** A request that sets no timeout still ends: a hung server must not hold a connection forever. */
export const DEFAULT_TIMEOUT_MS = 60_000;

export function basicAuthorization({ username, password }: Credentials): string {
  const bytes = new TextEncoder().encode(`${username}:${password}`);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return `Basic ${btoa(binary)}`;
}

/**
 * The browser build's transport: fetch straight to the CouchDB database at `dbUrl` (the server
 * must allow this page's origin by CORS). Like the desktop's main process it refuses any path that
 * leaves the database and any request Kith's sync engine never makes, and reports "no answer" as a rejection in words a person can read.
 */
export function createFetchTransport(
  dbUrl: string,
  credentials: () => Credentials | null,
  fetchFn: typeof fetch = (input, init) => fetch(input, init),
): SyncTransport {
  return async (request: SyncRequest): Promise<SyncResponse> => {
    const target = syncRequestTarget(dbUrl, request);
    if (!target.ok) throw new Error(`Refused a sync request: ${target.reason}.`);
    const headers: Record<string, string> = { Accept: 'application/json' };
    const auth = credentials();
    if (auth) headers.Authorization = basicAuthorization(auth);
    if (request.body !== undefined) headers['Content-Type'] = 'application/json';
    const timeoutMs = request.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const controller = new AbortController();
    const timer = setTimeout(
      () => controller.abort(new DOMException('timed out', 'TimeoutError')),
      timeoutMs,
    );
    const outer = request.signal;
    const forward = (): void => controller.abort(new DOMException('stopped', 'AbortError'));
    if (outer?.aborted) forward();
    outer?.addEventListener('abort', forward);
    try {
      const response = await fetchFn(target.url, {
        method: request.method,
        headers,
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
        // The page's cookies are not ours to send, and a redirect could take the password elsewhere.
        credentials: 'omit',
        redirect: 'error',
        signal: controller.signal,
      });
      const text = await response.text();
      return { status: response.status, body: parseResponseBody(text) };
    } catch (error) {
      throw new Error(describeFailure(target.url, error, controller.signal, timeoutMs), { cause: error });
    } finally {
      clearTimeout(timer);
      outer?.removeEventListener('abort', forward);
    }
  };
}

function describeFailure(url: string, error: unknown, signal: AbortSignal, timeoutMs: number): string {
  const host = new URL(url).host;
  const reason: unknown = signal.reason;
  if (signal.aborted && reason instanceof DOMException && reason.name === 'TimeoutError') {
    return `The sync server at ${host} did not answer within ${Math.round(timeoutMs / 1000)} s.`;
  }
  if (signal.aborted) return 'Sync stopped.';
  // A browser reports a refused connection and a missing CORS permission alike ("Failed to fetch").
  const detail = error instanceof Error ? error.message : String(error);
  return `Cannot reach the sync server at ${host} (${detail}). Check that it is running and allows this page’s origin (CORS).`;
}
