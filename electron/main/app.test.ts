import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  app,
  BrowserWindow,
  fakeEvent,
  ipcMain,
  Menu,
  protocol,
  resetFakeElectron,
  session,
} from '../testing/fakeElectron';
import { startKith, WINDOW_STATE_FILE } from './app';

vi.mock('electron', () => import('../testing/fakeElectron'));

let userData: string;
beforeEach(() => {
  resetFakeElectron();
  userData = mkdtempSync(join(tmpdir(), 'kith-app-'));
  app.userData = userData;
});
afterEach(() => rmSync(userData, { recursive: true, force: true }));

const paths = { rendererDir: '/app/out/renderer', preloadPath: '/app/out/preload/index.cjs' };
const start = (platform: NodeJS.Platform = 'linux'): Promise<void> => startKith({ ...paths, platform });
const onlyWindow = (): BrowserWindow => {
  expect(BrowserWindow.instances).toHaveLength(1);
  return BrowserWindow.instances[0]!;
};

describe('starting Kith', () => {
  it('registers the app scheme and the sandbox before the app is ready', async () => {
    const order: string[] = [];
    protocol.registerSchemesAsPrivileged.mockImplementation(() => order.push('scheme'));
    app.enableSandbox.mockImplementation(() => order.push('sandbox'));
    app.whenReady.mockImplementation(async () => {
      order.push('ready');
      app.ready = true;
    });
    await start();
    expect(order).toEqual(['scheme', 'sandbox', 'ready']);
  });

  it('opens one sandboxed window on app://kith with the preload from the build', async () => {
    await start();
    const window = onlyWindow();
    expect(window.loadURL).toHaveBeenCalledWith('app://kith/index.html');
    expect(window.options.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
    });
  });

  it('serves the renderer build, denies permissions and answers IPC once ready', async () => {
    await start();
    expect(protocol.handlers.has('app')).toBe(true);
    expect(session.defaultSession.checkHandler!({}, 'geolocation')).toBe(false);
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
    expect(Menu.setApplicationMenu).toHaveBeenCalledTimes(1);
  });

  it('hardens every web contents the app creates, the main window’s included', async () => {
    await start();
    const window = onlyWindow();
    expect(window.webContents.windowOpenHandler!({ url: 'https://example.org' })).toEqual({ action: 'deny' });
    const navigation = fakeEvent({ url: 'https://example.org' });
    window.webContents.emit('will-navigate', navigation);
    expect(navigation.defaultPrevented).toBe(true);
    expect(window.webContents.session.checkHandler!({}, 'media')).toBe(false);
  });

  it('sends menu commands to the window', async () => {
    await start();
    const template = Menu.buildFromTemplate.mock.calls[0]![0] as { label?: string; submenu?: unknown }[];
    const file = template.find((item) => item.label === 'File')!.submenu as {
      label?: string;
      click?: () => void;
    }[];
    file.find((item) => item.label === 'New encounter')!.click!();
    expect(onlyWindow().webContents.send).toHaveBeenCalledWith('menu:command', 'new-encounter');
  });

  it('restores the window where it was last closed', async () => {
    await start();
    const first = onlyWindow();
    first.bounds = { x: 250, y: 150, width: 1024, height: 720 };
    first.close();
    expect(JSON.parse(readFileSync(join(userData, WINDOW_STATE_FILE), 'utf8'))).toMatchObject({
      x: 250,
      y: 150,
    });

    resetFakeElectron();
    app.userData = userData;
    await start();
    expect(onlyWindow().options).toMatchObject({ x: 250, y: 150, width: 1024, height: 720 });
  });
});

describe('a single instance', () => {
  it('quits without a window when another Kith already runs', async () => {
    app.requestSingleInstanceLock.mockImplementation(() => false);
    await start();
    expect(app.quit).toHaveBeenCalled();
    expect(app.whenReady).not.toHaveBeenCalled();
    expect(BrowserWindow.instances).toHaveLength(0);
  });

  it('brings the first window back when Kith is launched again', async () => {
    await start();
    const window = onlyWindow();
    window.minimized = true;
    app.emit('second-instance', fakeEvent(), ['kith'], '/');
    expect(window.restore).toHaveBeenCalled();
    expect(window.focus).toHaveBeenCalled();
    expect(BrowserWindow.instances).toHaveLength(1);
  });

  it('opens a window for the second launch if the first had none (macOS, all closed)', async () => {
    await start('darwin');
    onlyWindow().close();
    app.emit('second-instance', fakeEvent(), ['kith'], '/');
    expect(BrowserWindow.instances).toHaveLength(2);
  });
});

describe('closing the window', () => {
  it('quits on Windows and Linux', async () => {
    await start('win32');
    onlyWindow().close();
    app.emit('window-all-closed');
    expect(app.quit).toHaveBeenCalled();
  });

  it('keeps the app in the Dock on macOS and reopens on activate', async () => {
    await start('darwin');
    onlyWindow().close();
    app.emit('window-all-closed');
    expect(app.quit).not.toHaveBeenCalled();
    app.emit('activate');
    expect(BrowserWindow.instances).toHaveLength(2);
  });
});
