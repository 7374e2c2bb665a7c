/**
 * How the sync engine talks to a CouchDB-protocol server: one injected function. The desktop passes
 * one that goes through the main process (which holds the password), the browser one that calls
 * fetch; a later peer-to-peer transport only has to answer the same requests.
 */
export type SyncMethod = 'GET' | 'POST' | 'PUT' | 'DELETE' | 'HEAD';

export interface SyncRequest {
  method: SyncMethod;
  /**
   * Relative to the database URL (which ends with '/'): '' for the database itself,
   * '_changes?since=0', 'kith-key', '_bulk_docs'. Document ids in it are URI-encoded.
   */
  path: string;
  /** Sent as JSON. */
  body?: unknown;
  timeoutMs?: number;
  signal?: SyncAbortSignal;
}

export interface SyncResponse {
  status: number;
  /** Parsed JSON, or null when the response had no JSON body. */
  body: unknown;
}

/**
 * Resolves with every HTTP answer, errors included (401, 404, 409 ...). Rejects only when no answer
 * came (offline, refused, timed out, aborted), with a human message: the engine treats a rejection
 * as "offline, retry later".
 */
export type SyncTransport = (request: SyncRequest) => Promise<SyncResponse>;

/**
 * The AbortSignal the engine passes (it aborts the long-poll on stop). Typed minimally because shared/
 * compiles without DOM types; a fetch transport passes it on as `request.signal as AbortSignal`.
 */
export interface SyncAbortSignal {
  readonly aborted: boolean;
  addEventListener(type: 'abort', listener: () => void): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}

/** A response body as a transport hands it on: parsed JSON, or null when empty or not JSON. */
export function parseResponseBody(text: string): unknown {
  if (text === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}
