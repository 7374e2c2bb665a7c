import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BackupSettingsView, BackupWriteResult } from '../../../shared/ipc';
import { app, dialog, ipcMain, resetFakeElectron, type FakeFrame } from '../../testing/fakeElectron';
import { createBackupService } from '../transfer/backupService';
import { BACKUP_SETTINGS_FILE } from '../transfer/backupSettingsFile';
import { createFileDialogs } from '../transfer/fileDialogs';
import { createIpcHandlers, registerIpcHandlers } from './handlers';

vi.mock('electron', () => import('../../testing/fakeElectron'));

const appFrame: FakeFrame = { url: 'app://kith/index.html', parent: null };
const HOUR = 60 * 60 * 1000;

let userData = '';
let elsewhere = '';
let clock = Date.UTC(2026, 10, 26, 8, 0, 0);

beforeEach(() => {
  resetFakeElectron();
  userData = mkdtempSync(join(tmpdir(), 'kith-user-'));
  elsewhere = mkdtempSync(join(tmpdir(), 'kith-files-'));
  app.userData = userData;
  clock = Date.UTC(2026, 10, 26, 8, 0, 0);
});
afterEach(() => {
  rmSync(userData, { recursive: true, force: true });
  rmSync(elsewhere, { recursive: true, force: true });
});

/** The real services, as the app wires them, with the fake dialog and a clock the test moves. */
function start(): void {
  const transfer = {
    dialogs: createFileDialogs(dialog as never),
    backups: createBackupService({
      settingsFile: join(userData, BACKUP_SETTINGS_FILE),
      defaultFolder: join(userData, 'backups'),
      now: () => new Date(clock),
    }),
  };
  registerIpcHandlers(ipcMain, createIpcHandlers({ version: '1.2.3', platform: 'linux', transfer }));
}

async function invoke<T = unknown>(channel: string, payload?: unknown): Promise<T> {
  const result = (await ipcMain.invoke(channel, appFrame, payload)) as {
    ok: boolean;
    value?: T;
    error?: string;
  };
  if (!result.ok) throw new Error(result.error);
  return result.value as T;
}

const optionsOf = (call: unknown[] | undefined) => call?.at(-1) as Record<string, unknown>;

describe('the native open dialog', () => {
  const request = {
    title: 'Import people',
    filters: [{ name: 'vCard', extensions: ['vcf'] }],
    purpose: 'import',
  };

  it('hands the renderer the chosen file’s name and bytes, never its path', async () => {
    start();
    const path = join(elsewhere, 'contacts.vcf');
    writeFileSync(path, 'BEGIN:VCARD\r\nEND:VCARD\r\n');
    dialog.answerOpen(path);
    const opened = await invoke<{ name: string; bytes: Uint8Array }>('dialog:open-file', request);
    expect(opened.name).toBe('contacts.vcf');
    expect(new TextDecoder().decode(opened.bytes)).toBe('BEGIN:VCARD\r\nEND:VCARD\r\n');
    expect(JSON.stringify(opened)).not.toContain(elsewhere);
    // IPC sends a view's whole ArrayBuffer: it must hold the file and nothing else.
    expect(opened.bytes.buffer.byteLength).toBe(opened.bytes.byteLength);
    expect(optionsOf(dialog.showOpenDialog.mock.calls[0])).toMatchObject({
      title: 'Import people',
      filters: [
        { name: 'vCard', extensions: ['vcf'] },
        { name: 'All files', extensions: ['*'] },
      ],
      properties: ['openFile'],
    });
  });

  it('answers null when the user cancels', async () => {
    start();
    expect(await invoke('dialog:open-file', request)).toBeNull();
  });

  it('refuses a file over its purpose’s limit, naming its size and the limit', async () => {
    start();
    const path = join(elsewhere, 'huge.vcf');
    writeFileSync(path, '');
    truncateSync(path, 51 * 1024 * 1024);
    dialog.answerOpen(path);
    await expect(invoke('dialog:open-file', request)).rejects.toThrow(
      'dialog:open-file: huge.vcf is 51 MB; Kith imports files up to 50 MB. Split it into smaller files and import them one after another.',
    );
    // The same file as a backup is within that limit; one over it is refused too.
    dialog.answerOpen(path);
    await expect(invoke('dialog:open-file', { ...request, purpose: 'backup' })).resolves.toMatchObject({
      name: 'huge.vcf',
    });
    truncateSync(path, 513 * 1024 * 1024);
    dialog.answerOpen(path);
    await expect(invoke('dialog:open-file', { ...request, purpose: 'backup' })).rejects.toThrow(
      'dialog:open-file: huge.vcf is 513 MB; Kith restores backups up to 512 MB.',
    );
  });

  it('refuses malformed requests, naming the field', async () => {
    start();
    const bad = { title: 'x', filters: [{ name: 'Evil', extensions: ['.vcf'] }], purpose: 'import' };
    expect(await ipcMain.invoke('dialog:open-file', appFrame, bad)).toEqual({
      ok: false,
      error: 'dialog:open-file: filters.0.extensions.0: an extension is letters and digits, no dot',
    });
    expect(dialog.showOpenDialog).not.toHaveBeenCalled();
    const result = await ipcMain.invoke('dialog:open-file', appFrame, { ...request, purpose: 'anything' });
    expect(result).toMatchObject({ ok: false, error: expect.stringMatching(/^dialog:open-file: purpose: /) });
  });
});

describe('the native save dialog', () => {
  const request = (content: string | Uint8Array, suggestedName = 'kith-people.vcf') => ({
    title: 'Export people',
    suggestedName,
    filters: [{ name: 'vCard', extensions: ['vcf'] }],
    content,
  });

  it('writes the content where the user chose, leaving no temporary file', async () => {
    start();
    const path = join(elsewhere, 'people.vcf');
    dialog.answerSave(path);
    expect(await invoke('dialog:save-file', request('BEGIN:VCARD'))).toEqual({
      saved: true,
      name: 'people.vcf',
    });
    expect(readFileSync(path, 'utf8')).toBe('BEGIN:VCARD');
    expect(readdirSync(elsewhere)).toEqual(['people.vcf']);
    expect(optionsOf(dialog.showSaveDialog.mock.calls[0])).toMatchObject({ defaultPath: 'kith-people.vcf' });
  });

  it('writes bytes, and adds the file type’s extension when the user typed a bare name', async () => {
    start();
    dialog.answerSave(join(elsewhere, 'people'));
    expect(await invoke('dialog:save-file', request(new Uint8Array([0xef, 0xbb, 0xbf, 0x41])))).toEqual({
      saved: true,
      name: 'people.vcf',
    });
    expect([...readFileSync(join(elsewhere, 'people.vcf'))]).toEqual([0xef, 0xbb, 0xbf, 0x41]);
  });

  it('writes nothing when the user cancels', async () => {
    start();
    dialog.answerSave(null);
    expect(await invoke('dialog:save-file', request('x'))).toEqual({ saved: false });
    expect(readdirSync(elsewhere)).toEqual([]);
  });

  it.each(['../evil.vcf', 'C:\\Windows\\evil.vcf', '/etc/passwd', '..'])(
    'refuses the suggested name %s: the renderer cannot steer into another folder',
    async (name) => {
      start();
      const answer = (await ipcMain.invoke('dialog:save-file', appFrame, request('x', name))) as {
        error: string;
      };
      expect(answer.error).toMatch(/^dialog:save-file: suggestedName: a plain file name/);
      expect(dialog.showSaveDialog).not.toHaveBeenCalled();
    },
  );
});

describe('automatic backups', () => {
  const backupsIn = (folder: string) => readdirSync(folder).filter((name) => name.startsWith('kith-backup-'));
  const write = (content: string, automatic = true) =>
    invoke<BackupWriteResult>('backup:write', { content, automatic });

  it('are on by default, daily, into <userData>/backups, keeping the last 14', async () => {
    start();
    expect(await invoke('backup:load-settings')).toEqual({
      enabled: true,
      keep: 14,
      folder: join(userData, 'backups'),
      isDefaultFolder: true,
      lastBackupAt: null,
      lastBackupFile: null,
      lastError: null,
      due: true,
    } satisfies BackupSettingsView);
  });

  it('write once a day: a second automatic backup the same day is skipped', async () => {
    start();
    const first = await write('{"day":1}');
    expect(first.file).toBe('kith-backup-2026-11-26T08-00-00Z.json');
    expect(first.settings).toMatchObject({ due: false, lastBackupAt: '2026-11-26T08:00:00.000Z' });
    expect(readFileSync(join(userData, 'backups', first.file!), 'utf8')).toBe('{"day":1}');

    clock += 23 * HOUR;
    expect(await write('{"day":1.9}')).toMatchObject({ file: null, settings: { due: false } });
    clock += 1 * HOUR;
    expect((await invoke<BackupSettingsView>('backup:load-settings')).due).toBe(true);
    expect((await write('{"day":2}')).file).toBe('kith-backup-2026-11-27T08-00-00Z.json');
    expect(backupsIn(join(userData, 'backups'))).toHaveLength(2);
  });

  it('"Back up now" always writes, and counts as the day’s backup', async () => {
    start();
    await write('a');
    clock += 1000;
    const manual = await write('b', false);
    expect(manual.file).toBe('kith-backup-2026-11-26T08-00-01Z.json');
    expect(backupsIn(join(userData, 'backups'))).toHaveLength(2);
  });

  it('keep only the newest N after each backup', async () => {
    start();
    await invoke('backup:save-settings', { enabled: true, keep: 2 });
    for (let day = 0; day < 4; day += 1) {
      await write(`{"day":${day}}`);
      clock += 24 * HOUR;
    }
    const kept = backupsIn(join(userData, 'backups')).sort();
    expect(kept).toEqual(['kith-backup-2026-11-28T08-00-00Z.json', 'kith-backup-2026-11-29T08-00-00Z.json']);
  });

  it('stop when switched off, and remember the settings across a restart', async () => {
    start();
    await invoke('backup:save-settings', { enabled: false, keep: 30 });
    expect(await write('x')).toMatchObject({ file: null, settings: { due: false, enabled: false } });

    resetFakeElectron();
    app.userData = userData;
    start();
    expect(await invoke('backup:load-settings')).toMatchObject({ enabled: false, keep: 30 });
  });

  it('go into the folder the user picks in the native dialog, and back to the default on request', async () => {
    start();
    dialog.answerOpen(elsewhere);
    const chosen = await invoke<BackupSettingsView>('backup:choose-folder');
    expect(chosen).toMatchObject({ folder: elsewhere, isDefaultFolder: false });
    expect(optionsOf(dialog.showOpenDialog.mock.calls[0])).toMatchObject({
      properties: ['openDirectory', 'createDirectory'],
    });
    const { file } = await write('{}');
    expect(existsSync(join(elsewhere, file!))).toBe(true);

    dialog.answerOpen();
    expect(await invoke('backup:choose-folder')).toMatchObject({ folder: elsewhere });

    const back = await invoke<BackupSettingsView>('backup:save-settings', {
      enabled: true,
      keep: 14,
      useDefaultFolder: true,
    });
    expect(back).toMatchObject({ folder: join(userData, 'backups'), isDefaultFolder: true });
  });

  it('say why a backup failed, keep it due, and never create a missing picked folder', async () => {
    start();
    const drive = join(elsewhere, 'usb-stick');
    mkdirSync(drive);
    dialog.answerOpen(drive);
    await invoke('backup:choose-folder');
    rmSync(drive, { recursive: true });

    await expect(write('{}')).rejects.toThrow(
      `backup:write: the backup was not written: the backup folder ${drive} is not there (is its drive connected?)`,
    );
    expect(existsSync(drive)).toBe(false);
    expect(await invoke('backup:load-settings')).toMatchObject({
      due: true,
      lastBackupAt: null,
      lastError: `the backup folder ${drive} is not there (is its drive connected?)`,
    });
  });

  it('refuse settings out of range and a renderer-chosen folder, naming the field', async () => {
    start();
    const tooMany = (await ipcMain.invoke('backup:save-settings', appFrame, { enabled: true, keep: 0 })) as {
      error: string;
    };
    expect(tooMany.error).toMatch(/^backup:save-settings: keep: /);
    const folder = (await ipcMain.invoke('backup:save-settings', appFrame, {
      enabled: true,
      keep: 3,
      folder: '/etc',
    })) as { error: string };
    expect(folder.error).toMatch(/^backup:save-settings: payload: Unrecognized key: "folder"/);
  });

  it('refuse a sender that is not the app', async () => {
    start();
    const answer = await ipcMain.invoke(
      'backup:write',
      { url: 'https://evil.example/', parent: null },
      {
        content: '{}',
        automatic: false,
      },
    );
    expect(answer).toMatchObject({ ok: false });
    expect(existsSync(join(userData, 'backups'))).toBe(false);
  });
});
