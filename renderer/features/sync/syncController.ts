import { BehaviorSubject, type Subscription } from 'rxjs';
import {
  deviceNames$,
  quarantine$,
  recordThisDevice,
  type DeviceNames,
  type KithDatabase,
} from '../../../shared/db';
import type { SyncSettingsInput, SyncSettingsView } from '../../../shared/ipc';
import type {
  ChangeResult,
  CryptoLike,
  PassphraseProgress,
  SyncOptions,
  SyncSession,
  SyncStatus,
  SyncTransport,
} from '../../../shared/sync';

export interface SyncState {
  /** null until this device's settings are loaded. */
  settings: SyncSettingsView | null;
  status: SyncStatus;
  /** Changes from a newer Kith version, kept on the server but not applied here. */
  waitingFromNewerVersion: number;
  /** The last time this device was in sync, kept across sessions (the engine's starts at null). */
  lastSyncedAt: number | null;
  /** Documents from the server this device refused and set aside (Settings › Data health). */
  refused: number;
}

/** What the controller needs from the platform and the engine; the app passes the real ones. */
export interface SyncControllerDeps {
  loadSettings(): Promise<SyncSettingsView>;
  saveSettings(input: SyncSettingsInput): Promise<SyncSettingsView>;
  transport(): SyncTransport;
  crypto: CryptoLike;
  startSync(db: KithDatabase, options: SyncOptions): SyncSession;
  /** This device's name until the person renames it ("Chrome on Linux"). */
  defaultDeviceName(): Promise<string>;
  changePassphrase(
    transport: SyncTransport,
    crypto: CryptoLike,
    oldPassphrase: string,
    newPassphrase: string,
    onProgress?: (progress: PassphraseProgress) => void,
  ): Promise<ChangeResult | void>;
  /** Puts back a key document deleted on the server, from this device's passphrase. */
  restoreKeyDoc(transport: SyncTransport, crypto: CryptoLike, passphrase: string): Promise<void>;
}

export function settingsToInput(settings: SyncSettingsView): SyncSettingsInput {
  const { serverUrl, database, username, enabled } = settings;
  return { serverUrl, database, username, enabled };
}

const readable = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * Starts and stops the sync engine from this device's own settings (never the replicated journal's,
 * or one device would switch sync on or off everywhere). Changes are applied one at a time: a
 * session is fully stopped before the next starts, so two never replicate the same collections.
 * Start-up never waits on the server: the journal opens and sync catches up behind it.
 */
export class SyncController {
  readonly state$: BehaviorSubject<SyncState>;
  private session: SyncSession | null = null;
  private subscriptions: Subscription[] = [];
  private queue: Promise<void> = Promise.resolve();
  private disposed = false;
  private refusedSub: Subscription | null = null;
  /** The journal's device directory as it is now: conflict notes name devices from it. */
  private deviceNames: DeviceNames = new Map();
  private directory: Subscription | null = null;

  constructor(
    private readonly db: KithDatabase,
    private readonly deps: SyncControllerDeps,
    lastSyncedAt: number | null = null,
  ) {
    this.state$ = new BehaviorSubject<SyncState>({
      settings: null,
      status: { state: 'off' },
      waitingFromNewerVersion: 0,
      lastSyncedAt,
      refused: 0,
    });
  }

  /**
   * Loads the settings and starts syncing if it is switched on (again, after dispose()). Never
   * rejects: the app does not wait for it, so a failure is shown as the sync status instead.
   */
  init(): Promise<void> {
    this.directory ??= deviceNames$(this.db).subscribe({
      next: (names) => (this.deviceNames = names),
      // Conflict notes then name devices by id; not worth stopping sync for.
      error: (error: unknown) =>
        console.warn(`Kith could not read the journal's device list: ${readable(error)}`),
    });
    // Not awaited: naming this device must not hold up sync, nor fail it.
    void this.recordThisDevice();
    return this.serially(async () => {
      this.disposed = false;
      // Kept on the device across sessions: a refusal stays named until the person discards it.
      this.refusedSub ??= quarantine$(this.db).subscribe({
        next: ({ entries }) => this.patch({ refused: entries.filter((e) => e.source === 'sync').length }),
        // Settings › Data health says in place that the list cannot be read; sync itself goes on.
        error: (error: unknown) =>
          console.error(`Kith could not read the documents set aside: ${readable(error)}`),
      });
      try {
        this.patch({ settings: await this.deps.loadSettings() });
      } catch (error) {
        this.patch({
          status: {
            state: 'error',
            message: `Sync settings could not be read: ${readable(error)}`,
            lastSyncedAt: null,
          },
        });
        return;
      }
      this.startIfOn();
    }).catch((error: unknown) =>
      this.patch({
        status: { state: 'error', message: `Sync could not start: ${readable(error)}`, lastSyncedAt: null },
      }),
    );
  }

  /** Saves the settings and restarts sync with them. */
  save(input: SyncSettingsInput): Promise<SyncSettingsView> {
    return this.serially(async () => {
      const settings = await this.deps.saveSettings(input);
      await this.stopSession();
      this.patch({ settings });
      this.startIfOn();
      return settings;
    });
  }

  /**
   * Re-encrypts the whole journal on the server under a new passphrase ('' turns encryption off),
   * or finishes a change that was interrupted (here or on another device). Sync is stopped meanwhile
   * so nothing is pushed under the old key halfway through. `currentPassphrase`: the one the journal
   * is encrypted with now, when it is not the one saved on this device.
   */
  changePassphrase(
    newPassphrase: string,
    onProgress?: (progress: PassphraseProgress) => void,
    currentPassphrase?: string,
  ): Promise<ChangeResult> {
    return this.serially(async () => {
      const settings = this.state$.value.settings;
      if (!settings) throw new Error('Sync settings are not loaded yet.');
      await this.stopSession();
      try {
        const result = await this.deps.changePassphrase(
          this.deps.transport(),
          this.deps.crypto,
          currentPassphrase || (settings.passphrase ?? ''),
          newPassphrase,
          onProgress,
        );
        this.patch({
          settings: await this.deps.saveSettings({
            ...settingsToInput(settings),
            passphrase: newPassphrase || null,
          }),
        });
        return result ?? { resealed: 0, leftAsTheyWere: 0 };
      } finally {
        this.startIfOn();
      }
    });
  }

  /** The key document was deleted on the server: put it back from this device's passphrase, then sync. */
  restoreKey(): Promise<void> {
    return this.serially(async () => {
      const passphrase = this.state$.value.settings?.passphrase;
      if (!passphrase)
        throw new Error('This device has no sync passphrase to restore the key document with.');
      await this.deps.restoreKeyDoc(this.deps.transport(), this.deps.crypto, passphrase);
      await this.stopSession();
      this.startIfOn();
    });
  }

  retry(): void {
    if (this.session) this.session.retry();
    else void this.serially(async () => this.startIfOn());
  }

  /**
   * Stops syncing until the next init(). Rejects when the session did not stop cleanly (its last
   * push may not have reached the server); the next session pushes whatever it did not.
   */
  dispose(): Promise<void> {
    this.directory?.unsubscribe();
    this.directory = null;
    return this.serially(async () => {
      this.disposed = true;
      this.refusedSub?.unsubscribe();
      this.refusedSub = null;
      await this.stopSession();
    });
  }

  /** Every device puts itself in the journal's directory, so the others can name it. */
  private async recordThisDevice(): Promise<void> {
    try {
      await recordThisDevice(this.db, await this.deps.defaultDeviceName());
    } catch (error) {
      // A journal closed meanwhile (a reload, a test ending) is not worth a word.
      if (!this.db.closed)
        console.warn(`Kith could not add this device to the journal's device list: ${readable(error)}`);
    }
  }

  private serially<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task);
    this.queue = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  private patch(change: Partial<SyncState>): void {
    const next = { ...this.state$.value, ...change };
    const status = next.status;
    const seen = 'lastSyncedAt' in status ? status.lastSyncedAt : null;
    if (seen !== null && seen > (next.lastSyncedAt ?? 0)) next.lastSyncedAt = seen;
    this.state$.next(next);
  }

  private startIfOn(): void {
    const settings = this.state$.value.settings;
    if (this.disposed || this.session || !settings?.enabled || !settings.serverUrl || !settings.database) {
      if (!this.session) this.patch({ status: { state: 'off' }, waitingFromNewerVersion: 0 });
      return;
    }
    let session: SyncSession;
    try {
      session = this.deps.startSync(this.db, {
        transport: this.deps.transport(),
        crypto: this.deps.crypto,
        ...(settings.passphrase ? { passphrase: settings.passphrase } : {}),
        // Read at each merge, so a rename (here or arriving by sync) is used from then on.
        deviceName: (deviceId) => this.deviceNames.get(deviceId),
      });
    } catch (error) {
      this.patch({
        status: { state: 'error', message: `Sync could not start: ${readable(error)}`, lastSyncedAt: null },
      });
      return;
    }
    this.session = session;
    this.subscriptions = [
      session.status$.subscribe((status) => this.patch({ status })),
      session.waitingFromNewerVersion$.subscribe((count) => this.patch({ waitingFromNewerVersion: count })),
    ];
  }

  private async stopSession(): Promise<void> {
    const session = this.session;
    if (!session) return;
    this.session = null;
    for (const subscription of this.subscriptions) subscription.unsubscribe();
    this.subscriptions = [];
    try {
      await session.stop();
    } finally {
      this.patch({ status: { state: 'off' } });
    }
  }
}
