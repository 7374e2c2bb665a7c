// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { KithBridge } from '../../shared/ipc';
import { appInfo, freeDiskBytes, isDesktop, onMenuCommand, openExternal, setThemeSource } from './index';

const globals = window as unknown as Record<string, unknown>;

type CoreBridge = Pick<KithBridge, 'appInfo' | 'openExternal' | 'setThemeSource' | 'onMenuCommand'>;

/** A shell without the sync functions: the core bridge must still be detected. */
function installBridge(): { [K in keyof CoreBridge]: ReturnType<typeof vi.fn> } {
  const unsubscribe = vi.fn();
  const bridge = {
    appInfo: vi.fn(async () => ({ version: '1.2.3', platform: 'darwin' })),
    openExternal: vi.fn(async () => undefined),
    setThemeSource: vi.fn(async () => undefined),
    onMenuCommand: vi.fn(() => unsubscribe),
  };
  globals.kith = bridge;
  return bridge;
}

afterEach(() => {
  delete globals.kith;
  vi.restoreAllMocks();
});

describe('in the desktop app', () => {
  it('uses the preload bridge', async () => {
    const bridge = installBridge();
    expect(isDesktop()).toBe(true);
    await expect(appInfo()).resolves.toEqual({ version: '1.2.3', platform: 'darwin' });
    await openExternal('https://example.org');
    expect(bridge.openExternal).toHaveBeenCalledWith('https://example.org');
    await setThemeSource('dark');
    expect(bridge.setThemeSource).toHaveBeenCalledWith('dark');
    const callback = vi.fn();
    const unsubscribe = onMenuCommand(callback);
    expect(bridge.onMenuCommand).toHaveBeenCalledWith(callback);
    unsubscribe();
    expect(bridge.onMenuCommand.mock.results[0]?.value).toHaveBeenCalled();
  });

  it('asks the shell for the free disk bytes, when the shell offers it', async () => {
    installBridge();
    await expect(freeDiskBytes()).resolves.toBeNull();
    (globals.kith as Record<string, unknown>).freeDiskBytes = vi.fn(async () => 48 * 1024 * 1024);
    await expect(freeDiskBytes()).resolves.toBe(48 * 1024 * 1024);
  });

  it('passes the shell’s refusal through', async () => {
    const bridge = installBridge();
    bridge.openExternal.mockRejectedValue(new Error('Refused to open the link: not file:.'));
    await expect(openExternal('file:///etc/passwd')).rejects.toThrow('Refused to open the link');
  });
});

describe('in a browser', () => {
  it('is not the desktop, also when something unrelated sits at window.kith', () => {
    expect(isDesktop()).toBe(false);
    globals.kith = { appInfo: () => undefined };
    expect(isDesktop()).toBe(false);
  });

  it('reports the web platform', async () => {
    await expect(appInfo()).resolves.toEqual({ version: expect.any(String), platform: 'web' });
  });

  it('opens allowed links in a new tab without giving it a handle on Kith', async () => {
    const open = vi.spyOn(window, 'open').mockReturnValue(null);
    await openExternal('https://example.org/a');
    await openExternal('mailto:ada@example.org');
    expect(open.mock.calls).toEqual([
      ['https://example.org/a', '_blank', 'noopener,noreferrer'],
      ['mailto:ada@example.org', '_blank', 'noopener,noreferrer'],
    ]);
  });

  it.each(['javascript:alert(1)', 'http://example.org', 'file:///etc/passwd', 'data:text/html,hi'])(
    'refuses %s with the same allow-list as the desktop',
    async (url) => {
      const open = vi.spyOn(window, 'open').mockReturnValue(null);
      await expect(openExternal(url)).rejects.toThrow(/^Refused to open the link: /);
      expect(open).not.toHaveBeenCalled();
    },
  );

  it('does not know the free disk bytes', async () => {
    await expect(freeDiskBytes()).resolves.toBeNull();
  });

  it('leaves the theme to CSS and has no menu to subscribe to', async () => {
    await expect(setThemeSource('dark')).resolves.toBeUndefined();
    const unsubscribe = onMenuCommand(() => undefined);
    expect(unsubscribe).toBeTypeOf('function');
    expect(() => unsubscribe()).not.toThrow();
  });
});
