import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { KithBridge, MenuCommand } from '../../shared/ipc';
import { contextBridge, ipcRenderer } from '../testing/fakeElectron';

vi.mock('electron', () => import('../testing/fakeElectron'));

let bridge: KithBridge;
beforeAll(async () => {
  await import('./index');
  expect(contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
  const [key, exposed] = contextBridge.exposeInMainWorld.mock.calls[0]!;
  expect(key).toBe('kith');
  bridge = exposed as KithBridge;
});

beforeEach(() => {
  ipcRenderer.invoke.mockReset();
  ipcRenderer.removeAllListeners();
});

describe('the preload bridge (window.kith)', () => {
  it('exposes exactly the allow-listed named functions, nothing else', () => {
    expect(Object.keys(bridge).sort()).toEqual([
      'appInfo',
      'chooseBackupFolder',
      'freeDiskBytes',
      'loadBackupSettings',
      'loadSyncSettings',
      'onMenuCommand',
      'openExternal',
      'openFile',
      'saveBackupSettings',
      'saveFile',
      'saveSyncSettings',
      'setThemeSource',
      'syncRequest',
      'testSyncConnection',
      'writeBackup',
    ]);
    for (const value of Object.values(bridge)) expect(typeof value).toBe('function');
    expect(Object.values(bridge)).not.toContain(ipcRenderer);
  });

  it('invokes the contract’s channels with one payload each', async () => {
    ipcRenderer.invoke.mockResolvedValue({ ok: true, value: undefined });
    await bridge.openExternal('https://example.org');
    await bridge.setThemeSource('dark');
    await bridge.loadSyncSettings();
    const settings = { serverUrl: 'http://127.0.0.1:5984', database: 'kith', username: 'ada', enabled: true };
    await bridge.saveSyncSettings({ ...settings, password: 'secret' });
    await bridge.syncRequest({ method: 'GET', path: '_changes?since=0' });
    await bridge.testSyncConnection({ serverUrl: settings.serverUrl, database: 'kith', username: 'ada' });
    expect(ipcRenderer.invoke.mock.calls).toEqual([
      ['shell:open-external', { url: 'https://example.org' }],
      ['theme:set-source', { theme: 'dark' }],
      ['sync:load-settings', undefined],
      ['sync:save-settings', { ...settings, password: 'secret' }],
      ['sync:request', { method: 'GET', path: '_changes?since=0' }],
      ['sync:test-connection', { serverUrl: settings.serverUrl, database: 'kith', username: 'ada' }],
    ]);
  });

  it('invokes the dialog and backup channels with one payload each', async () => {
    ipcRenderer.invoke.mockResolvedValue({ ok: true, value: undefined });
    const filters = [{ name: 'vCard', extensions: ['vcf'] }];
    const bytes = new Uint8Array([1, 2, 3]);
    await bridge.openFile({ title: 'Import', filters, purpose: 'import' });
    await bridge.saveFile({ title: 'Export', suggestedName: 'people.vcf', filters, content: bytes });
    await bridge.loadBackupSettings();
    await bridge.saveBackupSettings({ enabled: true, keep: 7 });
    await bridge.chooseBackupFolder();
    await bridge.writeBackup({ content: '{}', automatic: true });
    expect(ipcRenderer.invoke.mock.calls).toEqual([
      ['dialog:open-file', { title: 'Import', filters, purpose: 'import' }],
      ['dialog:save-file', { title: 'Export', suggestedName: 'people.vcf', filters, content: bytes }],
      ['backup:load-settings', undefined],
      ['backup:save-settings', { enabled: true, keep: 7 }],
      ['backup:choose-folder', undefined],
      ['backup:write', { content: '{}', automatic: true }],
    ]);
  });

  it('asks for the free disk bytes with no payload', async () => {
    ipcRenderer.invoke.mockResolvedValue({ ok: true, value: 48 * 1024 * 1024 });
    await expect(bridge.freeDiskBytes()).resolves.toBe(48 * 1024 * 1024);
    expect(ipcRenderer.invoke.mock.calls).toEqual([['storage:free-bytes', undefined]]);
  });

  it('resolves with the main process’s value', async () => {
    ipcRenderer.invoke.mockResolvedValue({ ok: true, value: { version: '1.2.3', platform: 'linux' } });
    await expect(bridge.appInfo()).resolves.toEqual({ version: '1.2.3', platform: 'linux' });
    expect(ipcRenderer.invoke).toHaveBeenCalledWith('app:info', undefined);
  });

  it('rejects with the main process’s error message', async () => {
    ipcRenderer.invoke.mockResolvedValue({ ok: false, error: 'shell:open-external: url: Invalid input' });
    await expect(bridge.openExternal('nope')).rejects.toThrow(
      new Error('shell:open-external: url: Invalid input'),
    );
  });

  it('hands menu commands to the callback without the IPC event, until unsubscribed', () => {
    const received: unknown[][] = [];
    const unsubscribe = bridge.onMenuCommand((...args: unknown[]) => received.push(args));
    const event = { sender: ipcRenderer, ports: [] };
    ipcRenderer.emit('menu:command', event, 'find' satisfies MenuCommand);
    expect(received).toEqual([['find']]);

    unsubscribe();
    ipcRenderer.emit('menu:command', event, 'undo');
    expect(received).toEqual([['find']]);
    expect(ipcRenderer.listenerCount('menu:command')).toBe(0);
  });
});
