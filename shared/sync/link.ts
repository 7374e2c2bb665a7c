import { send, SyncHttpError, SyncOfflineError } from './http';
import type { SyncRequest, SyncResponse, SyncTransport } from './transport';
import { clearTimer, setTimer } from './timers';

export type LinkState =
  | { kind: 'ok' }
  | { kind: 'offline'; message: string; retryAt: number }
  | { kind: 'error'; message: string; retryAt: number };

const MAX_BACKOFF_MS = 30_000;

export class SyncStoppedError extends Error {
  constructor() {
    super('Sync was stopped.');
    this.name = 'SyncStoppedError';
  }
}

/**
 * Every request of a session goes through here: after a failure, requests wait until the next
 * attempt (1 s doubling to 30 s, or at once on retry()), so seven replication loops and the live feed
 * do not hammer a server that is down, and the status knows when the next attempt is.
 */
export class Link {
  state: LinkState = { kind: 'ok' };
  private failures = 0;
  private retryAt = 0;
  private waiters = new Set<() => void>();
  private stopped = false;

  constructor(
    readonly transport: SyncTransport,
    private readonly retryMs: number,
    private readonly onChange: (state: LinkState, reconnected: boolean) => void,
  ) {}

  async send(request: SyncRequest, what: string, ok?: readonly number[]): Promise<SyncResponse> {
    await this.ready();
    try {
      const response = await send(this.transport, request, what, ok);
      this.succeeded();
      return response;
    } catch (err) {
      if (this.stopped) throw new SyncStoppedError();
      if (err instanceof SyncOfflineError) this.failed('offline', err.message);
      else if (err instanceof SyncHttpError) this.failed('error', err.message);
      throw err;
    }
  }

  /** Waits for the next allowed attempt; throws once the session is stopped. */
  async ready(): Promise<void> {
    while (!this.stopped && Date.now() < this.retryAt) {
      await new Promise<void>((resolve) => {
        const timer = setTimer(done, this.retryAt - Date.now());
        const waiters = this.waiters;
        function done() {
          clearTimer(timer);
          waiters.delete(done);
          resolve();
        }
        this.waiters.add(done);
      });
    }
    if (this.stopped) throw new SyncStoppedError();
  }

  failed(kind: 'offline' | 'error', message: string): void {
    // Requests failing together count as one failure, not seven doublings.
    if (Date.now() >= this.retryAt) {
      const delay = Math.min(this.retryMs * 2 ** this.failures, MAX_BACKOFF_MS);
      this.failures += 1;
      this.retryAt = Date.now() + delay;
    }
    this.state = { kind, message, retryAt: this.retryAt };
    this.onChange(this.state, false);
  }

  succeeded(): void {
    if (this.state.kind === 'ok') return;
    this.failures = 0;
    this.retryAt = 0;
    this.state = { kind: 'ok' };
    this.onChange(this.state, true);
  }

  /** How long until the next attempt is allowed (0: now). */
  retryDelay(): number {
    return Math.max(0, this.retryAt - Date.now());
  }

  retry(): void {
    this.retryAt = 0;
    for (const wake of [...this.waiters]) wake();
  }

  stop(): void {
    this.stopped = true;
    this.retry();
  }

  get isStopped(): boolean {
    return this.stopped;
  }
}
