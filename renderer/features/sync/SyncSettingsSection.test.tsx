// @vitest-environment happy-dom
// Remembered secrets are encrypted with a key kept in IndexedDB.
import 'fake-indexeddb/auto';
import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getDeviceNames, thisDeviceId } from '../../../shared/db';
import type { KithBridge, SyncSettingsView } from '../../../shared/ipc';
import type { SyncStatus } from '../../../shared/sync';
import { deviceNameFor } from '../../platform/deviceName';
import { renderWithDb } from '../../app/testing/renderWithDb';
import { SyncProvider } from './SyncProvider';
import { SyncSettingsSection } from './SyncSettingsSection';
import { fakeEngine } from './testing/fakeEngine';

const globals = window as unknown as Record<string, unknown>;
let teardown: (() => Promise<void>) | undefined;
beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
});
afterEach(async () => {
  await teardown?.();
  teardown = undefined;
  delete globals.kith;
});

async function showSection() {
  const engine = fakeEngine();
  const rendered = await renderWithDb(
    <SyncProvider deps={engine.deps}>
      <SyncSettingsSection />
    </SyncProvider>,
  );
  teardown = rendered.teardown;
  const form = await screen.findByRole('form', { name: 'Sync settings' });
  return { ...rendered, engine, form: within(form) };
}

type Form = Awaited<ReturnType<typeof showSection>>['form'];
type User = Awaited<ReturnType<typeof showSection>>['user'];

async function fill(user: User, form: Form, fields: Record<string, string>) {
  for (const [label, value] of Object.entries(fields)) {
    const input = form.getByLabelText(label);
    await user.clear(input);
    if (value) await user.type(input, value);
  }
}

const SETUP = {
  'Server address': 'http://127.0.0.1:5984',
  'Database name': 'kith',
  Username: 'ada',
  Password: 'pw-123',
  'Passphrase (optional)': 'only-me',
};

describe('Settings › Sync in the browser', () => {
  it('keeps the password and passphrase for this session only, and starts syncing with the passphrase', async () => {
    const { user, form, engine } = await showSection();
    await fill(user, form, SETUP);
    await user.click(form.getByRole('checkbox', { name: 'Sync this journal' }));
    await user.click(form.getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(engine.deps.startSync).toHaveBeenCalledTimes(1));
    expect(engine.deps.startSync.mock.calls[0]?.[1]).toMatchObject({ passphrase: 'only-me' });
    expect(JSON.parse(localStorage.getItem('kith.sync.settings') ?? '')).toEqual({
      serverUrl: 'http://127.0.0.1:5984',
      database: 'kith',
      username: 'ada',
      enabled: true,
    });
    expect(localStorage.getItem('kith.sync.secrets')).toBeNull();
    expect(JSON.parse(sessionStorage.getItem('kith.sync.secrets') ?? '')).toEqual({
      password: 'pw-123',
      passphrase: 'only-me',
    });
    const password = await screen.findByLabelText('Password');
    expect((password as HTMLInputElement).value).toBe('');
    expect(password.getAttribute('placeholder')).toBe('Saved — type to replace');
  });

  it('remembers them on this device, encrypted, when asked to, and says what that means', async () => {
    const { user, form } = await showSection();
    await fill(user, form, SETUP);
    const remember = form.getByRole('checkbox', { name: 'Remember on this device' });
    const hint = document.getElementById(remember.getAttribute('aria-describedby') ?? '');
    expect(hint?.textContent).toMatch(/encrypted with a key this browser keeps and cannot export/);
    expect(hint?.textContent).toMatch(/anyone who can use this browser profile can still sync as you/);
    expect(hint?.textContent).toMatch(/Unticked, they are forgotten when this tab closes/);
    await user.click(remember);
    await user.click(form.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(localStorage.getItem('kith.sync.secrets')).not.toBeNull());
    expect(sessionStorage.getItem('kith.sync.secrets')).toBeNull();
    for (const key of Object.keys(localStorage)) {
      expect(localStorage.getItem(key)).not.toContain(SETUP.Password);
      expect(localStorage.getItem(key)).not.toContain(SETUP['Passphrase (optional)']);
    }
    expect(await screen.findByRole('checkbox', { name: 'Remember on this device' })).toHaveProperty(
      'checked',
      true,
    );
  });

  it('explains what a passphrase changes', async () => {
    const { form } = await showSection();
    const passphrase = form.getByLabelText('Passphrase (optional)');
    const hint = document.getElementById(passphrase.getAttribute('aria-describedby') ?? '');
    expect(hint?.textContent).toMatch(/Without one, whoever runs the server can read your journal/);
  });

  it('names a bad address and saves nothing', async () => {
    const { user, form, engine } = await showSection();
    await fill(user, form, { ...SETUP, 'Server address': 'ftp://example.org' });
    await user.click(form.getByRole('checkbox', { name: 'Sync this journal' }));
    await user.click(form.getByRole('button', { name: 'Save' }));
    const address = form.getByLabelText('Server address');
    expect(address.getAttribute('aria-invalid')).toBe('true');
    expect(form.getByText('the address must start with http:// or https://, not ftp:.')).toBeTruthy();
    expect(localStorage.getItem('kith.sync.settings')).toBeNull();
    expect(engine.deps.startSync).not.toHaveBeenCalled();
  });

  it('"Test connection" says why a server cannot be reached', async () => {
    const { user, form } = await showSection();
    await fill(user, form, { ...SETUP, 'Server address': 'http://127.0.0.1:9' });
    await user.click(form.getByRole('button', { name: 'Test connection' }));
    const result = await form.findByText(/^Connection failed: /);
    expect(result.textContent).toContain('127.0.0.1:9');
  });

  /** Sync set up with a passphrase, and its Change passphrase dialog open. */
  async function changePassphraseDialog() {
    const { user, form, engine } = await showSection();
    await fill(user, form, SETUP);
    await user.click(form.getByRole('checkbox', { name: 'Sync this journal' }));
    await user.click(form.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(engine.deps.startSync).toHaveBeenCalledTimes(1));
    await user.click(await screen.findByRole('button', { name: 'Change passphrase' }));
    const dialog = within(await screen.findByRole('dialog', { name: 'Change sync passphrase' }));
    return { user, engine, dialog };
  }

  it('"Change passphrase" re-encrypts with the new one and syncs on with it', async () => {
    const { user, engine, dialog } = await changePassphraseDialog();
    await user.type(dialog.getByLabelText('New passphrase'), 'new-secret');
    await user.type(dialog.getByLabelText('Repeat the new passphrase'), 'new-secrex');
    expect(dialog.getByText('The two passphrases differ.')).toBeTruthy();
    await user.clear(dialog.getByLabelText('Repeat the new passphrase'));
    await user.type(dialog.getByLabelText('Repeat the new passphrase'), 'new-secret');
    await user.click(dialog.getByRole('button', { name: 'Re-encrypt the journal' }));

    await waitFor(() => expect(engine.deps.startSync).toHaveBeenCalledTimes(2));
    expect(engine.session.stop).toHaveBeenCalled();
    expect(engine.deps.changePassphrase).toHaveBeenCalledWith(
      expect.any(Function),
      engine.deps.crypto,
      'only-me',
      'new-secret',
      expect.any(Function),
    );
    expect(engine.deps.startSync.mock.calls[1]?.[1]).toMatchObject({ passphrase: 'new-secret' });
    expect(JSON.parse(sessionStorage.getItem('kith.sync.secrets') ?? '').passphrase).toBe('new-secret');
  });

  it('"Change passphrase" turns encryption off only after a warning the person confirms', async () => {
    const { user, engine, dialog } = await changePassphraseDialog();
    await user.click(dialog.getByRole('checkbox', { name: 'Turn encryption off (no passphrase)' }));
    expect(dialog.queryByLabelText('New passphrase')).toBeNull();
    expect(dialog.getByRole('note').textContent).toMatch(
      /whoever runs the server, or gets a copy of it, can read your whole journal/,
    );
    await user.click(dialog.getByRole('button', { name: 'Turn encryption off' }));
    expect(dialog.getByRole('alert').textContent).toBe(
      'Tick that you understand the server can then read your journal, or keep encryption on.',
    );
    expect(engine.deps.changePassphrase).not.toHaveBeenCalled();

    await user.click(
      dialog.getByRole('checkbox', { name: 'I understand that the server can then read my journal' }),
    );
    await user.click(dialog.getByRole('button', { name: 'Turn encryption off' }));
    await waitFor(() => expect(engine.deps.startSync).toHaveBeenCalledTimes(2));
    expect(engine.deps.changePassphrase).toHaveBeenCalledWith(
      expect.any(Function),
      engine.deps.crypto,
      'only-me',
      '',
      expect.any(Function),
    );
    expect(engine.deps.startSync.mock.calls[1]?.[1]).not.toHaveProperty('passphrase');
    expect(JSON.parse(sessionStorage.getItem('kith.sync.secrets') ?? '{}').passphrase ?? null).toBeNull();
    expect(
      await screen.findByText(
        'The journal on the server is no longer encrypted. On your other devices, clear the passphrase in Settings › Sync.',
      ),
    ).toBeTruthy();
  });

  async function syncingWith(status: SyncStatus) {
    const shown = await showSection();
    await fill(shown.user, shown.form, SETUP);
    await shown.user.click(shown.form.getByRole('checkbox', { name: 'Sync this journal' }));
    await shown.user.click(shown.form.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(shown.engine.deps.startSync).toHaveBeenCalledTimes(1));
    act(() => shown.engine.status$.next(status));
    return shown;
  }

  it('after an interrupted passphrase change, offers to finish it with the current and the new passphrase', async () => {
    const { user, engine } = await syncingWith({
      state: 'error',
      message: 'A change of the sync passphrase … has not finished.',
      lastSyncedAt: null,
      action: 'finish-change',
    });
    expect((await screen.findByRole('alert')).textContent).toMatch(/passphrase change was interrupted/);
    await user.click(screen.getByRole('button', { name: 'Finish the passphrase change' }));
    const dialog = within(await screen.findByRole('dialog', { name: 'Finish the passphrase change' }));
    await user.type(dialog.getByLabelText('Current passphrase'), 'the-old-one');
    await user.type(dialog.getByLabelText('New passphrase'), 'new-secret');
    await user.type(dialog.getByLabelText('Repeat the new passphrase'), 'new-secret');
    await user.click(dialog.getByRole('button', { name: 'Re-encrypt the journal' }));
    await waitFor(() =>
      expect(engine.deps.changePassphrase).toHaveBeenCalledWith(
        expect.any(Function),
        engine.deps.crypto,
        'the-old-one',
        'new-secret',
        expect.any(Function),
      ),
    );
  });

  it('when the key document was deleted on the server, restores it from this device’s passphrase and syncs again', async () => {
    const { user, engine } = await syncingWith({
      state: 'error',
      message: "The server's encryption key document is missing…",
      lastSyncedAt: null,
      action: 'restore-key',
    });
    expect((await screen.findByRole('alert')).textContent).toMatch(/did not replace it with a new one/);
    await user.click(screen.getByRole('button', { name: 'Restore the key document' }));
    await waitFor(() =>
      expect(engine.deps.restoreKeyDoc).toHaveBeenCalledWith(
        expect.any(Function),
        engine.deps.crypto,
        'only-me',
      ),
    );
    await waitFor(() => expect(engine.deps.startSync).toHaveBeenCalledTimes(2));
  });
});

describe('Settings › Sync › This device', () => {
  it('starts with a name from the platform and takes the name the person gives it', async () => {
    const { user, db } = await showSection();
    const device = within(await screen.findByRole('form', { name: 'This device' }));
    const name = device.getByLabelText('This device');
    const fromPlatform = deviceNameFor('web', navigator.userAgent);
    await waitFor(() => expect((name as HTMLInputElement).value).toBe(fromPlatform));
    expect((await getDeviceNames(db)).get(thisDeviceId(db))).toBe(fromPlatform);

    await user.clear(name);
    await user.type(name, 'Laptop');
    await user.click(device.getByRole('button', { name: 'Rename' }));
    await waitFor(async () => expect((await getDeviceNames(db)).get(thisDeviceId(db))).toBe('Laptop'));
    expect(await screen.findByText('This device is now called “Laptop”.')).toBeTruthy();
  });

  it('says what is wrong with an empty name and keeps the old one', async () => {
    const { user, db } = await showSection();
    const device = within(await screen.findByRole('form', { name: 'This device' }));
    const name = device.getByLabelText('This device');
    await waitFor(() => expect((name as HTMLInputElement).value).not.toBe(''));
    const before = (await getDeviceNames(db)).get(thisDeviceId(db));
    await user.clear(name);
    await user.click(device.getByRole('button', { name: 'Rename' }));
    expect(await device.findByText('Give this device a name.')).toBeTruthy();
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect((await getDeviceNames(db)).get(thisDeviceId(db))).toBe(before);
  });

  it('lets sync name devices in conflict notes from the directory as it is now', async () => {
    const { user, form, engine, db } = await showSection();
    await fill(user, form, SETUP);
    await user.click(form.getByRole('checkbox', { name: 'Sync this journal' }));
    await user.click(form.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(engine.deps.startSync).toHaveBeenCalledTimes(1));
    const deviceName = engine.deps.startSync.mock.calls[0]![1].deviceName!;

    const device = within(await screen.findByRole('form', { name: 'This device' }));
    const name = device.getByLabelText('This device');
    await user.clear(name);
    await user.type(name, 'Kitchen tablet');
    await user.click(device.getByRole('button', { name: 'Rename' }));
    await waitFor(() => expect(deviceName(thisDeviceId(db))).toBe('Kitchen tablet'));
    expect(deviceName('a-device-nobody-named')).toBeUndefined();
  });
});

describe('Settings › Sync on the desktop', () => {
  function installShell(view: Partial<SyncSettingsView>) {
    const stored: SyncSettingsView = {
      serverUrl: '',
      database: '',
      username: '',
      enabled: false,
      hasPassword: false,
      passphrase: null,
      secretStorage: 'encrypted',
      ...view,
    };
    const bridge: Pick<
      KithBridge,
      'loadSyncSettings' | 'saveSyncSettings' | 'syncRequest' | 'testSyncConnection'
    > = {
      loadSyncSettings: vi.fn(async () => stored),
      saveSyncSettings: vi.fn(async ({ password, remember: _r, ...input }) => ({
        ...stored,
        ...input,
        passphrase: input.passphrase ?? null,
        hasPassword: Boolean(password) || stored.hasPassword,
      })),
      syncRequest: vi.fn(async () => ({ status: 200, body: {} })),
      testSyncConnection: vi.fn(async () => ({ ok: true as const, docCount: 42 })),
    };
    globals.kith = bridge;
    return bridge;
  }

  it.each([
    ['plain-text', /stored in a file protected only by a key built into Kith/],
    ['session-only', /kept only until Kith quits/],
  ] as const)('warns when secrets are %s', async (secretStorage, warning) => {
    installShell({ secretStorage });
    const { form } = await showSection();
    expect(form.getByRole('note').textContent).toMatch(warning);
  });

  it('hands the password to the main process, offers no "Remember" and shows no warning when it is encrypted', async () => {
    const bridge = installShell({});
    const { user, form } = await showSection();
    expect(form.queryByRole('note')).toBeNull();
    expect(form.queryByRole('checkbox', { name: /Remember/ })).toBeNull();
    await fill(user, form, SETUP);
    await user.click(form.getByRole('button', { name: 'Test connection' }));
    expect(await form.findByText('Connected: the database holds 42 documents.')).toBeTruthy();
    expect(bridge.testSyncConnection).toHaveBeenCalledWith({
      serverUrl: 'http://127.0.0.1:5984',
      database: 'kith',
      username: 'ada',
      password: 'pw-123',
    });
    await user.click(form.getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(bridge.saveSyncSettings).toHaveBeenCalledWith({
        serverUrl: 'http://127.0.0.1:5984',
        database: 'kith',
        username: 'ada',
        enabled: false,
        password: 'pw-123',
        passphrase: 'only-me',
      }),
    );
    const keys = [localStorage, sessionStorage].flatMap((storage) => Object.keys(storage));
    expect(keys.filter((key) => key.startsWith('kith.sync'))).toEqual([]);
  });
});
