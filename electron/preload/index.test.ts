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
      'onMenuCommand',
      'openExternal',
      'setThemeSource',
    ]);
    for (const value of Object.values(bridge)) expect(typeof value).toBe('function');
    expect(Object.values(bridge)).not.toContain(ipcRenderer);
  });

  it('invokes the contract’s channels with one payload each', async () => {
    ipcRenderer.invoke.mockResolvedValue({ ok: true, value: undefined });
    await bridge.openExternal('https://example.org');
    await bridge.setThemeSource('dark');
    expect(ipcRenderer.invoke.mock.calls).toEqual([
      ['shell:open-external', { url: 'https://example.org' }],
      ['theme:set-source', { theme: 'dark' }],
    ]);
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
