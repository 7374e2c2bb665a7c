import { BehaviorSubject } from 'rxjs';
import { vi } from 'vitest';
import type { SyncSession, SyncStatus } from '../../../../shared/sync';
import { defaultDeviceName, loadSyncSettings, saveSyncSettings, syncTransport } from '../../../platform';
import type { SyncControllerDeps } from '../syncController';

/**
 * The sync engine's side, scripted: each started session's status is whatever the test pushes.
 * The settings go through the real platform functions (the browser's storage under happy-dom).
 */
export function fakeEngine() {
  const status$ = new BehaviorSubject<SyncStatus>({ state: 'connecting' });
  const waiting$ = new BehaviorSubject(0);
  const session = {
    status$,
    status: () => status$.value,
    waitingFromNewerVersion$: waiting$,
    retry: vi.fn(),
    awaitInSync: async () => undefined,
    stop: vi.fn(async () => undefined),
  } satisfies SyncSession;
  const deps = {
    loadSettings: loadSyncSettings,
    saveSettings: saveSyncSettings,
    transport: syncTransport,
    crypto: globalThis.crypto as unknown as SyncControllerDeps['crypto'],
    startSync: vi.fn<SyncControllerDeps['startSync']>(() => session),
    changePassphrase: vi.fn<SyncControllerDeps['changePassphrase']>(async () => ({
      resealed: 0,
      leftAsTheyWere: 0,
    })),
    restoreKeyDoc: vi.fn<SyncControllerDeps['restoreKeyDoc']>(async () => undefined),
    defaultDeviceName,
  } satisfies SyncControllerDeps;
  return { deps, session, status$, waiting$ };
}
