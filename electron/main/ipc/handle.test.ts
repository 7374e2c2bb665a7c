import { beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { ipcMain, nativeTheme, resetFakeElectron, shell, type FakeFrame } from '../../testing/fakeElectron';
import { handle } from './handle';
import { createIpcHandlers, registerIpcHandlers } from './handlers';

vi.mock('electron', () => import('../../testing/fakeElectron'));

const appFrame = (): FakeFrame => ({ url: 'app://kith/index.html', parent: null });

beforeEach(() => {
  resetFakeElectron();
  registerIpcHandlers(ipcMain, createIpcHandlers({ version: '1.2.3', platform: 'darwin' }));
});

describe('IPC senders', () => {
  it('answers the app’s top frame', async () => {
    expect(await ipcMain.invoke('app:info', appFrame(), undefined)).toEqual({
      ok: true,
      value: { version: '1.2.3', platform: 'darwin' },
    });
  });

  it.each([
    ['a page on another origin', { url: 'https://evil.example/', parent: null }, 'not on app://kith'],
    ['a look-alike host', { url: 'app://kith.evil/', parent: null }, 'not on app://kith'],
    ['a file: page', { url: 'file:///tmp/index.html', parent: null }, 'not on app://kith'],
    [
      'a subframe, even on app://kith',
      { url: 'app://kith/frame.html', parent: appFrame() },
      'not the top frame',
    ],
    ['a frame that is gone', null, 'no longer exists'],
  ])('refuses %s', async (_who, frame, reason) => {
    const result = await ipcMain.invoke('shell:open-external', frame, { url: 'https://example.org/' });
    expect(result).toEqual({ ok: false, error: expect.stringContaining(reason) });
    expect((result as { error: string }).error).toMatch(/^shell:open-external: refused, /);
    expect(shell.openExternal).not.toHaveBeenCalled();
  });
});

describe('IPC payloads', () => {
  it.each([
    ['shell:open-external', undefined, 'payload: Invalid input: expected object, received undefined'],
    ['shell:open-external', { url: 42 }, 'url: Invalid input: expected string, received number'],
    ['shell:open-external', { url: 'https://example.org', extra: true }, 'Unrecognized key: "extra"'],
    ['shell:open-external', { url: `https://example.org/${'a'.repeat(5000)}` }, 'url: Too big'],
    [
      'theme:set-source',
      { theme: 'sepia' },
      'theme: Invalid option: expected one of "system"|"light"|"dark"',
    ],
    ['theme:set-source', 'dark', 'payload: Invalid input: expected object, received string'],
    ['app:info', { sneaky: true }, 'payload: Invalid input: expected undefined, received object'],
    ['storage:free-bytes', '/etc', 'payload: Invalid input: expected undefined, received string'],
  ])('%s with %j gets an error naming the field', async (channel, payload, message) => {
    const result = await ipcMain.invoke(channel, appFrame(), payload);
    expect(result).toEqual({ ok: false, error: expect.stringContaining(message) });
    expect((result as { error: string }).error.startsWith(`${channel}: `)).toBe(true);
  });

  it('refuses extra arguments', async () => {
    expect(await ipcMain.invoke('theme:set-source', appFrame(), { theme: 'dark' }, 'more')).toEqual({
      ok: false,
      error: 'theme:set-source: expected one payload, got 2',
    });
    expect(nativeTheme.themeSource).toBe('system');
  });

  it('turns a failing handler into an error answer, never a crash', async () => {
    const result = await ipcMain.invoke('shell:open-external', appFrame(), { url: 'file:///etc/passwd' });
    expect(result).toEqual({
      ok: false,
      error:
        'shell:open-external: Refused to open the link: Kith opens only https: and mailto: links, not file:.',
    });
    shell.openExternal.mockRejectedValueOnce(new Error('no browser installed'));
    expect(await ipcMain.invoke('shell:open-external', appFrame(), { url: 'https://example.org' })).toEqual({
      ok: false,
      error: 'shell:open-external: no browser installed',
    });
  });

  it('keeps a thrown non-Error readable', async () => {
    resetFakeElectron();
    handle(ipcMain, 'app:info', z.undefined(), () => {
      throw 'plain string';
    });
    expect(await ipcMain.invoke('app:info', appFrame(), undefined)).toEqual({
      ok: false,
      error: 'app:info: plain string',
    });
  });
});

describe('the handlers', () => {
  it('open an allowed link with the system', async () => {
    expect(await ipcMain.invoke('shell:open-external', appFrame(), { url: 'https://example.org' })).toEqual({
      ok: true,
      value: undefined,
    });
    expect(shell.openExternal).toHaveBeenCalledWith('https://example.org/');
  });

  it('set the theme source', async () => {
    expect(await ipcMain.invoke('theme:set-source', appFrame(), { theme: 'dark' })).toEqual({
      ok: true,
      value: undefined,
    });
    expect(nativeTheme.themeSource).toBe('dark');
  });

  it('cover every channel of the contract, once each', () => {
    expect([...ipcMain.handlers.keys()].sort()).toEqual([
      'app:info',
      'backup:choose-folder',
      'backup:load-settings',
      'backup:save-settings',
      'backup:write',
      'dialog:open-file',
      'dialog:save-file',
      'shell:open-external',
      'storage:free-bytes',
      'sync:load-settings',
      'sync:request',
      'sync:save-settings',
      'sync:test-connection',
      'theme:set-source',
    ]);
  });

  it('report platforms other than the three desktops as "other"', async () => {
    resetFakeElectron();
    registerIpcHandlers(ipcMain, createIpcHandlers({ version: '1.2.3', platform: 'freebsd' }));
    expect(await ipcMain.invoke('app:info', appFrame(), undefined)).toEqual({
      ok: true,
      value: { version: '1.2.3', platform: 'other' },
    });
  });
});
