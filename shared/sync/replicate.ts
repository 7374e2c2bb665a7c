import { addRxPlugin, type RxCollection } from 'rxdb';
import { RxDBLeaderElectionPlugin } from 'rxdb/plugins/leader-election';
import { replicateRxCollection, type RxReplicationState } from 'rxdb/plugins/replication';
import { BehaviorSubject, combineLatest, Subject, type Subscription } from 'rxjs';
import { COLLECTION_NAMES, type CollectionName, type KithDatabase } from '../db/collections';
import type { SyncKey } from './cipher';
import { ensureDatabase } from './connection';
import type { SyncDoc } from './envelope';
import { SyncPassphraseError } from './errors';
import { pullHandler, pushHandler, type Checkpoint, type HandlerContext } from './handlers';
import { send, SyncHttpError, SyncOfflineError } from './http';
import { KEY_DOC_ID } from './keyDoc';
import { Link, SyncStoppedError, type LinkState } from './link';
import { runLiveFeed } from './live';
import { conflictHandlerFor } from './merge';
import { ChangePages } from './pages';
import type { SyncOptions, SyncSession } from './session';
import type { SyncStatus } from './status';
import { journalId, unlockJournal } from './unlock';

/** Documents per push and pull; a `_changes` page holds at least 1,000 (all collections share it). */
const BATCH = 500;

type Replication = RxReplicationState<SyncDoc, Checkpoint>;

/** The abort controller exists in browsers and node; typed here for shared/'s ES-only lib. */
interface AbortControllerLike {
  signal: {
    aborted: boolean;
    addEventListener(t: 'abort', l: () => void): void;
    removeEventListener(t: 'abort', l: () => void): void;
  };
  abort(): void;
}
const AbortControllerCtor = (globalThis as unknown as { AbortController: new () => AbortControllerLike })
  .AbortController;

/**
 * One sync session: unlock (check the passphrase before anything is written), then one RxDB
 * replication per collection with handlers that encrypt and decrypt inside them, and one live
 * long-poll that tells each collection when to pull. Never awaited by app start-up.
 *
 * Why replicateRxCollection and not replicateCouchDB: end-to-end encryption must happen inside the
 * handlers, before states are compared (see shared/notes/rxdb-facts.md).
 * Why toggleOnDocumentVisible false: a desktop journal keeps syncing while its window is hidden.
 */
class Session implements SyncSession {
  readonly status$: BehaviorSubject<SyncStatus> = new BehaviorSubject<SyncStatus>({ state: 'connecting' });
  readonly waitingFromNewerVersion$ = new BehaviorSubject<number>(0);
  private readonly link: Link;
  private readonly abort = new AbortControllerCtor();
  private replications: Replication[] = [];
  private subs: Subscription[] = [];
  private readonly waiting = new Set<string>();
  /** Revisions this device wrote, by server id: their echo in the live feed needs no pull. */
  private readonly ownRevs = new Map<string, string>();
  private readonly pushes = new Set<Promise<unknown>>();
  private phase: 'connecting' | 'running' | 'stopped' = 'connecting';
  private fatal: string | null = null;
  private active = false;
  private inFlight = 0;
  /** Collections whose first full pull and push has not finished yet. */
  private initialPending = 0;
  private lastSyncedAt: number | null = null;
  private readonly started: Promise<boolean>;
  private wakeFatal: (() => void) | null = null;

  constructor(
    private readonly db: KithDatabase,
    private readonly options: SyncOptions,
  ) {
    this.link = new Link(options.transport, options.retryMs ?? 1000, (state, reconnected) =>
      this.onLink(state, reconnected),
    );
    this.started = this.begin();
  }

  private get names(): readonly CollectionName[] {
    return this.options.collections ?? COLLECTION_NAMES;
  }

  private get stopped(): boolean {
    return this.phase === 'stopped';
  }

  status(): SyncStatus {
    return this.status$.getValue();
  }

  retry(): void {
    this.link.retry();
    this.wakeFatal?.();
    if (this.fatal && this.phase === 'running') void this.resumeAfterFatal();
    for (const r of this.replications) r.reSync();
  }

  /** After a passphrase problem mid-session: carry on only if the passphrase matches again. */
  private async resumeAfterFatal(): Promise<void> {
    try {
      await unlockJournal(this.options.transport, this.options.crypto, this.options.passphrase ?? '');
    } catch {
      return;
    }
    this.fatal = null;
    await Promise.all(this.replications.map((r) => r.start()));
    this.publish();
  }

  async awaitInSync(): Promise<void> {
    if (!(await this.started)) throw new Error(this.fatal ?? 'Sync was stopped.');
    await Promise.all(this.replications.map((r) => r.awaitInSync()));
  }

  async stop(): Promise<void> {
    this.phase = 'stopped';
    this.link.stop();
    this.abort.abort();
    this.wakeFatal?.();
    await Promise.all(this.replications.map((r) => r.cancel()));
    for (const s of this.subs) s.unsubscribe();
    this.publish();
  }

  /** What a session needs from the server before replicating; writes nothing on a wrong passphrase. */
  private async connect(): Promise<{ key: SyncKey | null; journal: string; since: unknown }> {
    const t = this.options.transport;
    await ensureDatabase(t);
    const key = await unlockJournal(t, this.options.crypto, this.options.passphrase ?? '');
    const journal = await journalId(t, this.options.crypto);
    // Changes from here on wake the pulls; the pulls themselves start from their checkpoints.
    const info = await send(t, { method: 'GET', path: '' }, 'read the database');
    return { key, journal, since: (info.body as { update_seq?: unknown } | null)?.update_seq ?? 'now' };
  }

  /** Unlocks, retrying while offline; a passphrase problem waits for retry() or stop(). */
  private async begin(): Promise<boolean> {
    for (;;) {
      if (this.stopped) return false;
      try {
        await this.link.ready();
        const { key, journal, since } = await this.connect();
        this.link.succeeded();
        if (this.stopped) return false;
        this.startReplications(key, journal, since);
        return true;
      } catch (err) {
        if (this.stopped || err instanceof SyncStoppedError) return false;
        if (err instanceof SyncOfflineError) this.link.failed('offline', err.message);
        else if (err instanceof SyncHttpError) this.link.failed('error', err.message);
        else {
          // A passphrase that does not match (or anything unexpected): nothing was written; wait.
          this.fatal = err instanceof Error ? err.message : String(err);
          this.publish();
          await new Promise<void>((resolve) => (this.wakeFatal = resolve));
          this.fatal = null;
        }
      }
    }
  }

  private startReplications(key: SyncKey | null, journal: string, since: unknown): void {
    addRxPlugin(RxDBLeaderElectionPlugin);
    const pages = new ChangePages(this.link, Math.max(this.options.batchSize ?? BATCH, 1000));
    for (const name of this.names) {
      const collection = this.db[name] as unknown as RxCollection<SyncDoc>;
      const conflictHandler = conflictHandlerFor<SyncDoc>(name, this.options.deviceName);
      // The merge rules live with sync; the collection uses them only for replication conflicts.
      (collection as unknown as { conflictHandler: unknown }).conflictHandler = conflictHandler;
      const ctx: HandlerContext = {
        collection: name,
        version: collection.schema.version,
        migrationStrategies: collection.migrationStrategies,
        conflictHandler,
        link: this.link,
        pages,
        key,
        waiting: this.waiting,
        onWaitingChange: () => this.waitingFromNewerVersion$.next(this.waiting.size),
        revs: new Map(),
        ownRevs: this.ownRevs,
        pushes: this.pushes,
        inFlight: (delta) => {
          this.inFlight += delta;
          this.publish();
        },
      };
      const stream$ = new Subject<'RESYNC'>();
      const replication = replicateRxCollection<SyncDoc, Checkpoint>({
        collection,
        // Per journal and schema version: a Kith that updated its schema pulls everything again,
        // which applies the documents a newer version wrote while this one had to skip them.
        replicationIdentifier: `kith-couch-${journal}-${name}-v${ctx.version}`,
        live: this.options.live ?? true,
        retryTime: Math.min(this.options.retryMs ?? 1000, 500),
        waitForLeadership: this.options.waitForLeadership ?? true,
        toggleOnDocumentVisible: false,
        autoStart: true,
        pull: { handler: pullHandler(ctx), batchSize: this.options.batchSize ?? BATCH, stream$ },
        push: { handler: pushHandler(ctx), batchSize: this.options.batchSize ?? BATCH },
      });
      this.replications.push(replication);
      this.subs.push(replication.error$.subscribe((err) => this.onReplicationError(err)));
    }
    this.initialPending = this.replications.length;
    for (const r of this.replications) {
      r.awaitInitialReplication().then(
        () => {
          this.initialPending -= 1;
          this.publish();
        },
        () => undefined,
      );
    }
    this.subs.push(
      combineLatest(this.replications.map((r) => r.active$)).subscribe((actives) => {
        this.active = actives.some(Boolean);
        this.publish();
      }),
    );
    this.phase = 'running';
    this.publish();
    if (this.options.live ?? true) {
      void runLiveFeed({
        link: this.link,
        since,
        signal: this.abort.signal,
        onChanges: (changes) => void this.onRemoteChanges(changes),
      });
    }
  }

  private async onRemoteChanges(changes: { id: string; rev: string | undefined }[]): Promise<void> {
    // The feed can report a write of ours before our push has read the server's answer.
    await Promise.all([...this.pushes]);
    if (changes.some((c) => c.id === KEY_DOC_ID)) void this.checkKeyStillValid();
    const touched = new Set(
      changes.filter((c) => this.ownRevs.get(c.id) !== c.rev).map((c) => c.id.slice(0, c.id.indexOf(':'))),
    );
    this.names.forEach((name, i) => {
      if (touched.has(name)) this.replications[i]?.reSync();
    });
  }

  /** The passphrase was changed on another device: stop rather than write with a stale key. */
  private async checkKeyStillValid(): Promise<void> {
    try {
      await unlockJournal(this.options.transport, this.options.crypto, this.options.passphrase ?? '');
    } catch (err) {
      if (err instanceof SyncPassphraseError) {
        this.fatal = `${err.message} (The passphrase may have been changed on another device.)`;
        await Promise.all(this.replications.map((r) => r.pause()));
        this.publish();
      }
    }
  }

  private onReplicationError(err: unknown): void {
    // Offline and HTTP failures are on the link already; a passphrase problem is fatal.
    const inner = (err as { parameters?: { errors?: { name?: string; message?: string }[] } }).parameters
      ?.errors?.[0];
    if (inner?.name === 'SyncPassphraseError') {
      this.fatal = inner.message ?? 'The sync passphrase does not match.';
      void Promise.all(this.replications.map((r) => r.pause()));
      this.publish();
    } else if (
      inner &&
      inner.name !== 'SyncOfflineError' &&
      inner.name !== 'SyncHttpError' &&
      inner.name !== 'SyncStoppedError'
    ) {
      this.link.failed('error', inner.message ?? 'Sync failed.');
    }
  }

  private onLink(_state: LinkState, reconnected: boolean): void {
    if (reconnected && this.phase === 'running') {
      // Back online: catch up on everything that changed meanwhile.
      for (const r of this.replications) r.reSync();
    }
    this.publish();
  }

  private publish(): void {
    const next = this.computeStatus();
    const prev = this.status$.getValue();
    if (JSON.stringify(prev) !== JSON.stringify(next)) this.status$.next(next);
  }

  private computeStatus(): SyncStatus {
    if (this.phase === 'stopped') return { state: 'off' };
    if (this.fatal) return { state: 'error', message: this.fatal, lastSyncedAt: this.lastSyncedAt };
    const link = this.link.state;
    if (link.kind === 'offline')
      return { state: 'offline', lastSyncedAt: this.lastSyncedAt, retryAt: link.retryAt };
    if (link.kind === 'error')
      return { state: 'error', message: link.message, lastSyncedAt: this.lastSyncedAt };
    if (this.phase === 'connecting') return { state: 'connecting' };
    if (this.active || this.inFlight > 0 || this.initialPending > 0)
      return { state: 'syncing', pending: Math.max(this.inFlight, 0) };
    const prev = this.status$.getValue();
    if (prev.state !== 'synced') this.lastSyncedAt = Date.now();
    return { state: 'synced', lastSyncedAt: this.lastSyncedAt ?? Date.now() };
  }
}

/** Starts syncing in the background and returns at once; watch status$ for how it goes. */
export function startSync(db: KithDatabase, options: SyncOptions): SyncSession {
  return new Session(db, options);
}
