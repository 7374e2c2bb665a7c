import type { SyncRequest, SyncResponse, SyncTransport } from './transport';

/** The server answered, but not with what sync needs; `message` is for the status line. */
export class SyncHttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'SyncHttpError';
  }
}

/** The server did not answer at all: sync waits and retries. */
export class SyncOfflineError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SyncOfflineError';
  }
}

function reasonOf(body: unknown): string {
  const b = body as { reason?: unknown; error?: unknown } | null;
  const reason = typeof b?.reason === 'string' ? b.reason : typeof b?.error === 'string' ? b.error : '';
  return reason ? `: ${reason}` : '';
}

/** A sentence for the person, not a stack trace. */
export function describeHttpFailure(status: number, body: unknown, what: string): string {
  if (status === 401) return 'The sync server refused the username or password.';
  if (status === 403) return `This user may not ${what} on the sync server${reasonOf(body)}.`;
  if (status === 404) return 'The sync database does not exist on the server.';
  if (status === 413) return 'The sync server refused a document as too large.';
  if (status >= 500) return `The sync server had a problem (HTTP ${status}${reasonOf(body)}).`;
  return `The sync server answered HTTP ${status} when asked to ${what}${reasonOf(body)}.`;
}

/** Sends, turning a rejection into SyncOfflineError and any status outside `ok` into SyncHttpError. */
export async function send(
  transport: SyncTransport,
  request: SyncRequest,
  what: string,
  ok: readonly number[] = [200, 201, 202],
): Promise<SyncResponse> {
  let response: SyncResponse;
  try {
    response = await transport(request);
  } catch (err) {
    throw new SyncOfflineError(
      err instanceof Error && err.message ? err.message : 'The sync server did not answer.',
    );
  }
  if (!ok.includes(response.status)) {
    throw new SyncHttpError(response.status, describeHttpFailure(response.status, response.body, what));
  }
  return response;
}
