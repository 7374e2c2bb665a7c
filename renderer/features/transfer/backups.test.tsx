// @vitest-environment happy-dom
import { screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createPerson } from '../../../shared/db';
import type { BackupSettingsView, BackupWriteRequest } from '../../../shared/ipc';
import { parseBackup } from '../../../shared/transfer';
import { renderWithDb } from '../../app/testing/renderWithDb';
import { AutomaticBackups } from './AutomaticBackups';
import { BackupSettingsSection } from './BackupSettingsSection';

const globals = window as unknown as Record<string, unknown>;
let teardown: (() => Promise<void>) | undefined;
afterEach(async () => {
  await teardown?.();
  teardown = undefined;
  delete globals.kith;
});

const VIEW: BackupSettingsView = {
  enabled: true,
  keep: 14,
  folder: '/home/ada/.config/Kith/backups',
  isDefaultFolder: true,
  lastBackupAt: null,
  lastBackupFile: null,
  lastError: null,
  due: true,
};

/** The desktop shell's backup functions, answering like the main process would. */
function installShell(initial: Partial<BackupSettingsView> = {}) {
  let view: BackupSettingsView = { ...VIEW, ...initial };
  const written: BackupWriteRequest[] = [];
  const shell = {
    appInfo: vi.fn(async () => ({ version: '1.2.3', platform: 'linux' })),
    openExternal: vi.fn(),
    setThemeSource: vi.fn(async () => undefined),
    onMenuCommand: vi.fn(() => () => undefined),
    loadBackupSettings: vi.fn(async () => view),
    saveBackupSettings: vi.fn(
      async (input: { enabled: boolean; keep: number; useDefaultFolder?: boolean }) => {
        view = {
          ...view,
          enabled: input.enabled,
          keep: input.keep,
          due: input.enabled && view.lastBackupAt === null,
        };
        if (input.useDefaultFolder) view = { ...view, folder: VIEW.folder, isDefaultFolder: true };
        return view;
      },
    ),
    chooseBackupFolder: vi.fn(async () => {
      view = { ...view, folder: '/media/usb/kith', isDefaultFolder: false };
      return view;
    }),
    writeBackup: vi.fn(async (request: BackupWriteRequest) => {
      written.push(request);
      view = {
        ...view,
        lastBackupAt: '2026-11-26T08:00:00.000Z',
        lastBackupFile: 'kith-backup-2026-11-26T08-00-00Z.json',
        due: false,
      };
      return { file: view.lastBackupFile, settings: view };
    }),
  };
  globals.kith = shell;
  return { shell, written };
}

describe('Settings › Backups on the desktop', () => {
  it('shows the folder and history, and "Back up now" hands main the whole journal', async () => {
    const { written } = installShell();
    const rendered = await renderWithDb(<BackupSettingsSection />);
    teardown = rendered.teardown;
    const { user, db } = rendered;
    await createPerson(db, { name: 'Ada Lovelace' });

    const daily = await screen.findByRole<HTMLInputElement>('checkbox', {
      name: 'Back up this journal every day',
    });
    expect(daily.checked).toBe(true);
    expect(screen.getByText(VIEW.folder)).toBeTruthy();
    expect(screen.getByText('No backup yet.')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Back up now' }));
    await screen.findByText(/^Last backup: .*\(kith-backup-2026-11-26T08-00-00Z\.json\)$/);
    expect(screen.getByText('Backed up.').getAttribute('role')).toBe('status');
    expect(written).toHaveLength(1);
    expect(written[0]!.automatic).toBe(false);
    const backup = parseBackup(written[0]!.content);
    expect(backup.collections.people.map((p) => p.name).sort()).toEqual(['Ada Lovelace', 'Me']);
  });

  it('saves the switch, the number kept and the folder choice', async () => {
    const { shell } = installShell();
    const rendered = await renderWithDb(<BackupSettingsSection />);
    teardown = rendered.teardown;
    const { user } = rendered;

    await user.click(await screen.findByRole('checkbox', { name: 'Back up this journal every day' }));
    await waitFor(() =>
      expect(shell.saveBackupSettings).toHaveBeenLastCalledWith({ enabled: false, keep: 14 }),
    );

    const keep = screen.getByRole('spinbutton', { name: 'Backups to keep' });
    await user.clear(keep);
    await user.type(keep, '0');
    expect(await screen.findByText('Enter a whole number from 1 to 365.')).toBeTruthy();
    await user.clear(keep);
    await user.type(keep, '30');
    await user.tab();
    await waitFor(() =>
      expect(shell.saveBackupSettings).toHaveBeenLastCalledWith({ enabled: false, keep: 30 }),
    );

    await user.click(screen.getByRole('button', { name: 'Choose folder…' }));
    expect(await screen.findByText('/media/usb/kith')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Use Kith’s own folder' }));
    expect(await screen.findByText(VIEW.folder)).toBeTruthy();
  });

  it('says why the last backup failed', async () => {
    installShell({ lastError: 'the backup folder /media/usb/kith is not there (is its drive connected?)' });
    const rendered = await renderWithDb(<BackupSettingsSection />);
    teardown = rendered.teardown;
    expect((await screen.findByRole('alert')).textContent).toBe(
      'The last backup failed: the backup folder /media/usb/kith is not there (is its drive connected?).',
    );
  });
});

describe('Settings › Backups in a browser', () => {
  it('points to exporting a backup instead', async () => {
    const rendered = await renderWithDb(<BackupSettingsSection />);
    teardown = rendered.teardown;
    expect(screen.getByText(/Automatic backups need the desktop app/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Import & export' })).toBeTruthy();
  });
});

describe('automatic backups', () => {
  it('write the journal when main says one is due', async () => {
    const { written } = installShell();
    const rendered = await renderWithDb(<AutomaticBackups firstCheckDelayMs={0} />);
    teardown = rendered.teardown;
    await waitFor(() => expect(written).toHaveLength(1));
    expect(written[0]!.automatic).toBe(true);
    expect(parseBackup(written[0]!.content).app).toBe('Kith 1.2.3 (linux)');
  });

  it('write nothing when none is due', async () => {
    const { shell } = installShell({ due: false });
    const rendered = await renderWithDb(<AutomaticBackups firstCheckDelayMs={0} />);
    teardown = rendered.teardown;
    await waitFor(() => expect(shell.loadBackupSettings).toHaveBeenCalled());
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(shell.writeBackup).not.toHaveBeenCalled();
  });

  it('tell the person once when a backup fails', async () => {
    const { shell } = installShell();
    shell.writeBackup.mockRejectedValue(
      new Error('backup:write: the backup was not written: the disk is full'),
    );
    const rendered = await renderWithDb(<AutomaticBackups firstCheckDelayMs={0} intervalMs={20} />);
    teardown = rendered.teardown;
    await screen.findByText(
      'The automatic backup failed: the backup was not written: the disk is full. See Settings › Backups.',
    );
    await waitFor(() => expect(shell.writeBackup.mock.calls.length).toBeGreaterThan(2));
    expect(screen.getAllByText(/The automatic backup failed/)).toHaveLength(1);
  });
});
