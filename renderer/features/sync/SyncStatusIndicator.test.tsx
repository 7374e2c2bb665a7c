// @vitest-environment happy-dom
import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SyncStatus } from '../../../shared/sync';
import { discardQuarantined, listQuarantined, setAside } from '../../../shared/db/quarantine';
import { renderWithDb } from '../../app/testing/renderWithDb';
import { SyncProvider } from './SyncProvider';
import { SyncStatusIndicator } from './SyncStatusIndicator';
import { fakeEngine } from './testing/fakeEngine';

let teardown: (() => Promise<void>) | undefined;
beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
});
afterEach(async () => {
  await teardown?.();
  teardown = undefined;
  vi.useRealTimers();
});

const NOW = Date.parse('2026-11-26T12:00:00Z');

async function showIndicator({ enabled = true } = {}) {
  localStorage.setItem(
    'kith.sync.settings',
    JSON.stringify({ serverUrl: 'http://127.0.0.1:5984', database: 'kith', username: 'ada', enabled }),
  );
  const engine = fakeEngine();
  const rendered = await renderWithDb(
    <SyncProvider deps={engine.deps}>
      <SyncStatusIndicator />
    </SyncProvider>,
  );
  teardown = rendered.teardown;
  if (enabled) await waitFor(() => expect(engine.deps.startSync).toHaveBeenCalledTimes(1));
  const status = () => screen.getByRole('status', { name: 'Sync status' });
  const show = (value: SyncStatus) => act(() => engine.status$.next(value));
  return { ...rendered, engine, status, show };
}

describe('the sync status indicator', () => {
  it('says sync is off and leads to its settings when this device does not sync', async () => {
    const { status, engine } = await showIndicator({ enabled: false });
    expect(status().textContent).toContain('Sync off');
    expect(screen.getByRole('link', { name: 'Sync settings' }).getAttribute('href')).toBe('/settings');
    expect(engine.deps.startSync).not.toHaveBeenCalled();
  });

  it.each<[string, SyncStatus, string[]]>([
    [
      'connecting',
      { state: 'connecting' },
      ['Connecting to the sync server…', 'Not yet in sync on this device'],
    ],
    ['syncing one change', { state: 'syncing', pending: 1 }, ['Syncing 1 change…']],
    ['syncing many', { state: 'syncing', pending: 12 }, ['Syncing 12 changes…']],
    [
      'held by an import',
      { state: 'syncing', pending: 0, held: true },
      ['Sync paused', 'An import or a restore is being saved'],
    ],
    ['synced', { state: 'synced', lastSyncedAt: NOW - 5_000 }, ['Synced', 'Last in sync just now']],
    [
      'offline',
      { state: 'offline', lastSyncedAt: NOW - 5 * 60_000, retryAt: NOW + 4_000 },
      ['Offline — retrying', 'Last in sync 5 minutes ago'],
    ],
    [
      'in error',
      {
        state: 'error',
        message: 'The server refused the username or password.',
        lastSyncedAt: NOW - 3 * 3_600_000,
      },
      ['Sync error', 'The server refused the username or password.', 'Last in sync 3 hours ago'],
    ],
  ])('tells the truth while %s', async (_name, value, texts) => {
    vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
    const { status, show } = await showIndicator();
    show(value);
    for (const text of texts) expect(status().textContent).toContain(text);
  });

  it('offers Retry when offline or in error, and it asks the engine to try now', async () => {
    const { show, engine, user } = await showIndicator();
    show({ state: 'synced', lastSyncedAt: Date.now() });
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull();
    show({ state: 'error', message: 'The sync passphrase does not match.', lastSyncedAt: null });
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(engine.session.retry).toHaveBeenCalledTimes(1);
    show({ state: 'offline', lastSyncedAt: null, retryAt: Date.now() + 1000 });
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(engine.session.retry).toHaveBeenCalledTimes(2);
  });

  it('keeps the last time in sync when a later state does not know it', async () => {
    vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
    const { show, status } = await showIndicator();
    show({ state: 'synced', lastSyncedAt: NOW - 2 * 60_000 });
    show({ state: 'syncing', pending: 2 });
    expect(status().textContent).toContain('Last in sync 2 minutes ago');
  });

  it('names the changes refused from the server, even while synced, until they are discarded', async () => {
    const { status, show, db } = await showIndicator();
    show({ state: 'synced', lastSyncedAt: Date.now() });
    const refused = (docId: string) => ({
      source: 'sync' as const,
      collection: 'people',
      docId,
      reason: 'It arrived unencrypted in an encrypted journal.',
      issues: [],
      origin: `people:${docId} on the sync server`,
    });
    await act(() =>
      setAside(db, [refused('a'), refused('b'), { ...refused('c'), source: 'backup' as const }]),
    );
    await waitFor(() => expect(status().textContent).toContain('2 changes from the server were refused'));
    expect(status().textContent).toContain('Synced');
    expect(within(status()).getByRole('link', { name: 'Data health' }).getAttribute('href')).toBe(
      '/settings',
    );
    const [first] = (await listQuarantined(db)).entries;
    await act(() => discardQuarantined(db, [first!.key]));
    await waitFor(() => expect(status().textContent).toContain('1 change from the server was refused'));
  });

  it('waits through a passphrase change in progress, and leads to where it is finished', async () => {
    const { status, show } = await showIndicator();
    show({
      state: 'error',
      message: 'A change … has not finished.',
      lastSyncedAt: null,
      action: 'finish-change',
    });
    expect(status().textContent).toContain('Sync paused');
    expect(screen.getByRole('link', { name: 'Finish the passphrase change' }).getAttribute('href')).toBe(
      '/settings',
    );
  });

  it('says when changes from a newer Kith are waiting', async () => {
    const { engine, status } = await showIndicator();
    act(() => engine.waiting$.next(3));
    expect(
      within(status()).getByText(/3 changes from a newer Kith version are waiting — update Kith/),
    ).toBeTruthy();
  });
});
