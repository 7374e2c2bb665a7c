import { addRxPlugin, getAssumedMasterState, type RxCollection } from 'rxdb';
import { RxDBLeaderElectionPlugin } from 'rxdb/plugins/leader-election';
import { replicateRxCollection, type RxReplicationState } from 'rxdb/plugins/replication';
import { BehaviorSubject, combineLatest, Subject, type Subscription } from 'rxjs';
import { COLLECTION_NAMES, type CollectionName, type KithDatabase } from '../db/collections';
import { observeStamps } from '../db/clock';
import { sameValue } from '../db/fieldTimes';
import { release, setAside, quarantine$ } from '../db/quarantine';
import { syncHeld$ } from '../db/syncHold';
import { ensureDatabase } from './connection';
import type { SyncDoc } from './envelope';
import { SyncPassphraseError, type SyncAction } from './errors';
import { checkedConflictHandler, guardedConflictHandler, type LocalDoc } from './conflicts';
import {
  KEY_CHANGED,
  pullHandler,
  pushHandler,
  type Checkpoint,
  type HandlerContext,
  writeOwnCopies,
} from './handlers';
import { send, SyncHttpError, SyncOfflineError } from './http';
import { KEY_DOC_ID } from './keyDoc';
import { changePassphrase } from './passphrase';
import { Link, SyncStoppedError, type LinkState } from './link';
import { runLiveFeed } from './live';
import { clearTimer, setTimer } from './timers';
import { conflictHandlerFor } from './merge';
import { ChangePages } from './pages';
import type { SyncOptions, SyncSession } from './session';
import type { SyncStatus } from './status';
import { rememberedKid, rememberKid } from './keyMemory';
import { journalId, unlockJournal, type KeyRing } from './unlock';

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

/** How long a device that found a passphrase change in progress waits before it looks again. */
const CHANGE_POLL_MS = 30_000;
/** A document under an unknown key makes a session read the key document at most this often. */
const KEY_RECHECK_MS = 10_000;
/** Tries of one write-back of this device's copies over refused server copies (see repair). */
const REPAIR_ATTEMPTS = 6;

/**
 * One sync session: unlock (check the passphrase before anything is written), then one RxDB
 * replication per collection with handlers that encrypt and decrypt inside them, and one live
 * long-poll that tells each collection when to pull. Never awaited by app start-up.
 *
 * Why replicateRxCollection and not replicateCouchDB: end-to-end encryption must happen inside the
 * handlers, before states are compared; RxDB's push and pull modifiers cannot do it (the assumed
 * master state would be re-encrypted with a fresh IV and never match, so every update would look
 * like a conflict).
 * Why toggleOnDocumentVisible false: a desktop journal keeps syncing while its window is hidden.
 */
type Fatal = { message: string; action?: SyncAction };

/** Why sync waits, from what unlocking threw: a passphrase problem may name the way out (its action). */
function fatalFrom(err: unknown): Fatal {
  return {
    message: err instanceof Error ? err.message : String(err),
    ...(err instanceof SyncPassphraseError && err.action ? { action: err.action } : {}),
  };
}

class Session implements SyncSession {
  readonly status$: BehaviorSubject<SyncStatus> = new BehaviorSubject<SyncStatus>({ state: 'connecting' });
  readonly waitingFromNewerVersion$ = new BehaviorSubject<number>(0);
  private readonly link: Link;
  private readonly abort = new AbortControllerCtor();
  private replications: Replication[] = [];
  private subs: Subscription[] = [];
  private readonly quarantineSub: Subscription;
  private readonly holdSub: Subscription;
  /** An import or a restore is being written (or taken back): nothing of it may leave the device yet. */
  private held = false;
  private readonly waiting = new Set<string>();
  /** Revisions this device wrote, by server id: their echo in the live feed needs no pull. */
  private readonly ownRevs = new Map<string, string>();
  private readonly pushes = new Set<Promise<unknown>>();
  /** `collection|id` of documents set aside from sync: a valid version of one releases it. */
  private setAsideIds = new Set<string>();
  private phase: 'connecting' | 'running' | 'stopped' = 'connecting';
  private fatal: Fatal | null = null;
  private ring: KeyRing | null = null;
  private keyChecked = 0;
  private keyCheck: Promise<void> | null = null;
  /** The key document could not be read to confirm the keys: nothing is written until it is. */
  private keysUnverified = false;
  private recheckPending = false;
  private rechecking: Promise<void> | null = null;
  private liveFeed = false;
  private active = false;
  private inFlight = 0;
  /** Collections whose first full pull and push has not finished yet. */
  private initialPending = 0;
  private lastSyncedAt: number | null = null;
  private started: Promise<boolean>;
  private wakeFatal: (() => void) | null = null;
  private timers = new Set<unknown>();
  /** This tab is the one that syncs (multi-tab browsers elect one; a desktop window always is). */
  private leader = false;
  /** `collection|id` whose server copy this session already wrote its own copy over (once each). */
  private readonly repaired = new Set<string>();
  /** `collection|id` → why the server would not store this device's version of it. */
  private readonly serverRefusals = new Map<string, string>();

  constructor(
    private readonly db: KithDatabase,
    private readonly options: SyncOptions,
  ) {
    this.link = new Link(options.transport, options.retryMs ?? 1000, (state, reconnected) =>
      this.onLink(state, reconnected),
    );
    this.quarantineSub = quarantine$(db).subscribe(({ entries }) => {
      this.setAsideIds = new Set(
        entries.filter((e) => e.source === 'sync').map((e) => `${e.collection}|${e.docId}`),
      );
    });
    this.holdSub = syncHeld$(db).subscribe((held) => void this.onHold(held));
    this.started = this.begin();
  }

  private async onHold(held: boolean): Promise<void> {
    this.held = held;
    if (held) await this.pauseAll();
    else this.startAll();
    this.publish();
  }

  /**
   * Replications are created paused (autoStart false): RxDB ignores a pause() before a replication
   * first starts, so a session begun during an import, or in a tab that is not the leader, would
   * otherwise sync at once. They run only while nothing holds them.
   */
  private startAll(): void {
    if (
      this.stopped ||
      this.phase !== 'running' ||
      this.held ||
      this.fatal ||
      this.keysUnverified ||
      !this.leader
    )
      return;
    // start() of a paused replication resumes it and pulls once; its errors arrive on error$.
    for (const r of this.replications) r.start().catch(() => undefined);
  }

  private async pauseAll(): Promise<void> {
    await Promise.all(this.replications.map((r) => r.pause().catch(() => undefined)));
  }

  private get names(): readonly CollectionName[] {
    return this.options.collections ?? COLLECTION_NAMES;
  }

  private get stopped(): boolean {
    return this.phase === 'stopped';
  }

  private get passphrase(): string {
    return this.options.passphrase ?? '';
  }

  status(): SyncStatus {
    return this.status$.getValue();
  }

  retry(): void {
    this.link.retry();
    this.wakeFatal?.();
    if ((this.fatal || this.keysUnverified) && this.phase === 'running') void this.recheckKeys();
    for (const r of this.replications) r.reSync();
  }

  async awaitInSync(): Promise<void> {
    if (!(await this.started)) throw new Error(this.fatal?.message ?? 'Sync was stopped.');
    await Promise.all(this.replications.map((r) => r.awaitInSync()));
  }

  async stop(): Promise<void> {
    this.phase = 'stopped';
    this.link.stop();
    this.abort.abort();
    this.wakeFatal?.();
    for (const timer of this.timers) clearTimer(timer);
    await this.cancelReplications();
    this.quarantineSub.unsubscribe();
    this.holdSub.unsubscribe();
    this.publish();
  }

  /** A timer that stop() clears. */
  private later(task: () => void, ms: number): void {
    const timer = setTimer(() => {
      this.timers.delete(timer);
      if (!this.stopped) task();
    }, ms);
    this.timers.add(timer);
  }

  private async cancelReplications(): Promise<void> {
    const replications = this.replications;
    this.replications = [];
    for (const s of this.subs) s.unsubscribe();
    this.subs = [];
    await Promise.all(replications.map((r) => r.cancel()));
  }

  /** What a session needs from the server before replicating; writes nothing on a wrong passphrase. */
  private async connect(): Promise<{ ring: KeyRing; journal: string; since: unknown }> {
    const t = this.options.transport;
    await ensureDatabase(t);
    const remembered = await rememberedKid(this.db, t);
    let ring = await unlockJournal(t, this.options.crypto, this.passphrase, true, remembered);
    if (ring.legacy) {
      // A journal of the first sync format: re-sealed once, in the authenticated format, with the
      // same passphrase (resumable like any passphrase change), then unlocked again.
      await changePassphrase(t, this.options.crypto, this.passphrase, this.passphrase);
      ring = await unlockJournal(t, this.options.crypto, this.passphrase);
    }
    const journal = await journalId(t, this.options.crypto);
    // Only words depend on it: a full disk must not stop sync.
    await rememberKid(this.db, journal, ring.write?.kid ?? null).catch(() => undefined);
    // Changes from here on wake the pulls; the pulls themselves start from their checkpoints.
    const info = await send(t, { method: 'GET', path: '' }, 'read the database');
    return { ring, journal, since: (info.body as { update_seq?: unknown } | null)?.update_seq ?? 'now' };
  }

  /** Unlocks, retrying while offline; a passphrase problem waits for retry(), stop() or a poll. */
  private async begin(): Promise<boolean> {
    for (;;) {
      if (this.stopped) return false;
      try {
        await this.link.ready();
        const { ring, journal, since } = await this.connect();
        this.link.succeeded();
        if (this.stopped) return false;
        this.fatal = null;
        this.ring = ring;
        this.startReplications(ring, journal, since);
        return true;
      } catch (err) {
        if (this.stopped || err instanceof SyncStoppedError) return false;
        if (err instanceof SyncOfflineError) this.link.failed('offline', err.message);
        else if (err instanceof SyncHttpError) this.link.failed('error', err.message);
        else {
          // A passphrase that does not match (or anything unexpected): nothing was written; wait.
          this.fatal = fatalFrom(err);
          this.publish();
          // A change in progress on another device ends by itself: look again now and then.
          const poll = this.fatal.action === 'finish-change' ? CHANGE_POLL_MS : null;
          await new Promise<void>((resolve) => {
            this.wakeFatal = resolve;
            if (poll) this.later(resolve, poll);
          });
          this.wakeFatal = null;
        }
      }
    }
  }

  /** The session starts again from unlocking (the key document changed): checkpoints are kept. */
  private async restart(): Promise<void> {
    await this.cancelReplications();
    if (this.stopped) return;
    this.phase = 'connecting';
    this.fatal = null;
    this.publish();
    this.started = this.begin();
  }

  /**
   * The key document changed, or a handler met a key problem: stop writing, look at the key document
   * again, and carry on, restart with new keys, or wait with the reason.
   */
  private recheckKeys(): Promise<void> {
    this.rechecking ??= (async () => {
      if (this.stopped) return;
      await this.pauseAll();
      let ring: KeyRing;
      try {
        ring = await unlockJournal(
          this.options.transport,
          this.options.crypto,
          this.passphrase,
          false,
          this.ring?.write?.kid ?? null,
        );
      } catch (err) {
        if (err instanceof SyncOfflineError || err instanceof SyncHttpError) {
          // The server could not be asked: stay paused, say so, and ask again at the next attempt.
          this.keysUnverified = true;
          this.link.failed(err instanceof SyncOfflineError ? 'offline' : 'error', err.message);
          this.recheckLater(this.nextAttemptDelay());
        } else if (err instanceof SyncPassphraseError) {
          this.keysUnverified = false;
          this.fatal = fatalFrom(err);
          if (err.action === 'finish-change') this.recheckLater(CHANGE_POLL_MS);
        } else if (!this.fatal) {
          this.fatal = { message: KEY_CHANGED };
        }
        this.publish();
        return;
      }
      this.keysUnverified = false;
      if (this.keysMoved(ring)) {
        await this.restart();
        return;
      }
      this.fatal = null;
      this.startAll();
      this.publish();
    })()
      .catch((err: unknown) => {
        // Unexpected: stay stopped, with the reason shown, rather than writing under unchecked keys.
        this.fatal ??= fatalFrom(err);
        this.publish();
      })
      .finally(() => (this.rechecking = null));
    return this.rechecking;
  }

  /** The key document no longer unlocks to the keys this session writes with (or is of the first format). */
  private keysMoved(ring: KeyRing): boolean {
    return ring.legacy || ring.state !== this.ring?.state;
  }

  /** One pending look at the key document at a time, however many reasons to look arrive. */
  private recheckLater(ms: number): void {
    if (this.recheckPending) return;
    this.recheckPending = true;
    this.later(() => {
      this.recheckPending = false;
      void this.recheckKeys();
    }, ms);
  }

  /**
   * A handler met a document under a key it does not hold: is the key document the reason? One look
   * at a time, shared by every collection that asks meanwhile (each would derive keys again).
   */
  private checkUnknownKey(): Promise<void> {
    if (Date.now() - this.keyChecked < KEY_RECHECK_MS) return Promise.resolve();
    this.keyCheck ??= (async () => {
      const ring = await unlockJournal(this.options.transport, this.options.crypto, this.passphrase, false);
      if (this.keysMoved(ring)) throw new SyncPassphraseError(KEY_CHANGED);
      this.keyChecked = Date.now();
    })().finally(() => (this.keyCheck = null));
    return this.keyCheck;
  }

  private handlerContext(name: CollectionName, ring: KeyRing, pages: ChangePages): HandlerContext {
    const collection = this.db[name] as unknown as RxCollection<SyncDoc>;
    const handedOver = new Map<string, SyncDoc>();
    const conflictHandler = guardedConflictHandler(
      checkedConflictHandler(name, conflictHandlerFor<SyncDoc>(name, this.options.deviceName)),
      handedOver,
    );
    // The merge rules live with sync; the collection uses them only for replication conflicts.
    (collection as unknown as { conflictHandler: unknown }).conflictHandler = conflictHandler;
    let replication: Replication | null = null;
    const ctx: HandlerContext & { attach(r: Replication): void } = {
      attach: (r) => (replication = r),
      collection: name,
      version: collection.schema.version,
      migrationStrategies: collection.migrationStrategies,
      conflictHandler,
      link: this.link,
      pages,
      keys: { read: ring.read, encrypted: ring.write !== null },
      write: ring.write,
      keyState: ring.state,
      unknownKey: () => this.checkUnknownKey(),
      refuse: (items) => setAside(this.db, items),
      repair: (ids) => this.repair(name, ctx, ids),
      serverRefused: (id, reason) => {
        const key = `${name}|${id.slice(id.indexOf(':') + 1)}`;
        const had = this.serverRefusals.has(key);
        if (reason === null) this.serverRefusals.delete(key);
        else this.serverRefusals.set(key, reason);
        if (had || reason !== null) this.publish();
      },
      accepted: async (ids, docs) => {
        observeStamps(this.db, docs);
        const known = ids.filter((id) => this.setAsideIds.has(`${name}|${id}`));
        if (known.length > 0) await release(this.db, 'sync', name, known);
      },
      observe: (docs) => observeStamps(this.db, docs),
      local: async (ids) => {
        const docs = await collection.storageInstance.findDocumentsById(ids, true);
        return new Map(docs.map((d) => [d.id, d as unknown as LocalDoc]));
      },
      assumed: async (ids) => {
        const state = replication?.internalReplicationState;
        if (!state) return new Map();
        const found = await getAssumedMasterState(state, ids);
        return new Map(Object.entries(found).map(([id, v]) => [id, v.docData as unknown as SyncDoc]));
      },
      waiting: this.waiting,
      onWaitingChange: () => this.waitingFromNewerVersion$.next(this.waiting.size),
      revs: new Map(),
      ownRevs: this.ownRevs,
      pushes: this.pushes,
      handedOver,
      inFlight: (delta) => {
        this.inFlight += delta;
        this.publish();
      },
    };
    return ctx;
  }

  /**
   * The server's copies of `ids` were refused (forged, damaged, rolled back): this device writes its
   * own over them, once per document and session, so a hostile or broken server cannot make two
   * devices trade the same repair forever. A write-back that fails (the server is down) is tried
   * again at the link's next attempt (nextAttemptDelay), up to REPAIR_ATTEMPTS times: the refused copy
   * will not come round again in the feed, so nothing else would bring the repair back this session.
   */
  private repair(name: CollectionName, ctx: HandlerContext, ids: string[], attempt = 1): void {
    const fresh = attempt > 1 ? ids : ids.filter((id) => !this.repaired.has(`${name}|${id}`));
    if (fresh.length === 0) return;
    for (const id of fresh) this.repaired.add(`${name}|${id}`);
    const delay = attempt === 1 ? 0 : this.nextAttemptDelay();
    this.later(() => {
      if (this.held || this.fatal) return;
      const done = writeOwnCopies(ctx, fresh).catch(() => {
        if (attempt < REPAIR_ATTEMPTS) this.repair(name, ctx, fresh, attempt + 1);
      });
      this.pushes.add(done);
      void done.finally(() => this.pushes.delete(done));
    }, delay);
  }

  /**
   * When to try again after a request failed: the link's own backoff (the session's retry delay,
   * doubling to 30 s after failures in a row), and never sooner than the retry delay.
   */
  private nextAttemptDelay(): number {
    return Math.max(this.link.retryDelay(), this.options.retryMs ?? 1000);
  }

  private startReplications(ring: KeyRing, journal: string, since: unknown): void {
    addRxPlugin(RxDBLeaderElectionPlugin);
    const pages = new ChangePages(this.link, Math.max(this.options.batchSize ?? BATCH, 1000));
    for (const name of this.names) {
      const ctx = this.handlerContext(name, ring, pages);
      const stream$ = new Subject<'RESYNC'>();
      const replication = replicateRxCollection<SyncDoc, Checkpoint>({
        collection: this.db[name] as unknown as RxCollection<SyncDoc>,
        // Per journal and schema version: a Kith that updated its schema pulls everything again,
        // which applies the documents a newer version wrote while this one had to skip them.
        replicationIdentifier: `kith-couch-${journal}-${name}-v${ctx.version}`,
        live: this.options.live ?? true,
        retryTime: Math.min(this.options.retryMs ?? 1000, 500),
        waitForLeadership: false,
        toggleOnDocumentVisible: false,
        autoStart: false,
        pull: { handler: pullHandler(ctx), batchSize: this.options.batchSize ?? BATCH, stream$ },
        push: { handler: pushHandler(ctx), batchSize: this.options.batchSize ?? BATCH },
      });
      (ctx as unknown as { attach(r: Replication): void }).attach(replication);
      this.replications.push(replication);
      this.subs.push(replication.error$.subscribe((err) => this.onReplicationError(err)));
      // Written by RxDB: the guard for that state is no longer needed.
      this.subs.push(
        replication.received$.subscribe((doc) => {
          const handed = ctx.handedOver.get(doc.id);
          if (handed && sameValue(handed.fieldTimes, doc.fieldTimes)) ctx.handedOver.delete(doc.id);
        }),
      );
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
    void this.awaitLeadership().then(() => this.startAll());
    this.publish();
    if ((this.options.live ?? true) && !this.liveFeed) {
      this.liveFeed = true;
      void runLiveFeed({
        link: this.link,
        since,
        signal: this.abort.signal,
        onChanges: (changes) => void this.onRemoteChanges(changes),
      });
    }
  }

  /** Resolves when this tab leads (at once for a single-instance database or a desktop window). */
  private async awaitLeadership(): Promise<void> {
    const mustWait = (this.options.waitForLeadership ?? true) && this.db.multiInstance;
    if (mustWait && !this.leader) {
      const stopped = new Promise<void>((resolve) =>
        this.abort.signal.addEventListener('abort', () => resolve()),
      );
      await Promise.race([this.db.waitForLeadership(), stopped]);
    }
    this.leader = !this.stopped;
  }

  private async onRemoteChanges(changes: { id: string; rev: string | undefined }[]): Promise<void> {
    // The feed can report a write of ours before our push has read the server's answer.
    await Promise.all([...this.pushes]);
    if (changes.some((c) => c.id === KEY_DOC_ID)) void this.recheckKeys();
    const touched = new Set(
      changes.filter((c) => this.ownRevs.get(c.id) !== c.rev).map((c) => c.id.slice(0, c.id.indexOf(':'))),
    );
    this.names.forEach((name, i) => {
      if (touched.has(name)) this.replications[i]?.reSync();
    });
  }

  private onReplicationError(err: unknown): void {
    // Offline and HTTP failures are on the link already; a key problem stops writing at once.
    const inner = (err as { parameters?: { errors?: { name?: string; message?: string }[] } }).parameters
      ?.errors?.[0];
    if (inner?.name === 'SyncPassphraseError') {
      this.fatal ??= { message: inner.message ?? KEY_CHANGED };
      this.publish();
      void this.recheckKeys();
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
    if (this.fatal)
      return {
        state: 'error',
        message: this.fatal.message,
        lastSyncedAt: this.lastSyncedAt,
        ...(this.fatal.action ? { action: this.fatal.action } : {}),
      };
    const link = this.link.state;
    if (link.kind === 'offline')
      return { state: 'offline', lastSyncedAt: this.lastSyncedAt, retryAt: link.retryAt };
    if (link.kind === 'error')
      return { state: 'error', message: link.message, lastSyncedAt: this.lastSyncedAt };
    if (this.phase === 'connecting') return { state: 'connecting' };
    const [refused] = this.serverRefusals;
    if (refused)
      return {
        state: 'error',
        message: serverRefusedMessage(refused[0], refused[1], this.serverRefusals.size),
        lastSyncedAt: this.lastSyncedAt,
      };
    // Held while an import or a restore is written: not "Synced", its changes are still to come.
    if (this.held) return { state: 'syncing', pending: Math.max(this.inFlight, 0), held: true };
    if (this.keysUnverified) return { state: 'syncing', pending: Math.max(this.inFlight, 0) };
    if (this.active || this.inFlight > 0 || this.initialPending > 0)
      return { state: 'syncing', pending: Math.max(this.inFlight, 0) };
    const prev = this.status$.getValue();
    if (prev.state !== 'synced') this.lastSyncedAt = Date.now();
    return { state: 'synced', lastSyncedAt: this.lastSyncedAt ?? Date.now() };
  }
}

function serverRefusedMessage(key: string, reason: string, count: number): string {
  const [collection, id] = key.split('|');
  const more = count > 1 ? ` (and ${count - 1} more)` : '';
  return `The sync server would not store ${collection} “${id}”${more}: ${reason}. It is kept on this device and sent again with its next edit.`;
}

/** Starts syncing in the background and returns at once; watch status$ for how it goes. */
export function startSync(db: KithDatabase, options: SyncOptions): SyncSession {
  return new Session(db, options);
}
