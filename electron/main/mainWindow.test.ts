import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BrowserWindow } from '../testing/fakeElectron';
import { nativeTheme, resetFakeElectron } from '../testing/fakeElectron';
import { createMainWindow } from './mainWindow';
import { DARK_BACKGROUND, LIGHT_BACKGROUND } from './theme';
import type { WindowState } from './windowState';

vi.mock('electron', () => import('../testing/fakeElectron'));

let dir: string;
beforeEach(() => {
  resetFakeElectron();
  dir = mkdtempSync(join(tmpdir(), 'kith-main-window-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const base = {
  preloadPath: '/app/out/preload/index.cjs',
  state: { width: 1200, height: 800, isMaximized: false } as WindowState,
  isPackaged: true,
  platform: 'linux' as NodeJS.Platform,
};

function open(overrides: Partial<typeof base> = {}): BrowserWindow {
  const window = createMainWindow({ ...base, stateFile: join(dir, 'state.json'), ...overrides });
  return window as unknown as BrowserWindow;
}
const preferencesOf = (window: BrowserWindow): Record<string, unknown> =>
  window.options.webPreferences as Record<string, unknown>;

describe('the main window’s web preferences', () => {
  it('set every security option explicitly', () => {
    expect(preferencesOf(open())).toEqual({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      devTools: false,
      spellcheck: false,
      backgroundThrottling: false,
    });
  });

  it('never enable experimental Blink features', () => {
    expect(preferencesOf(open({ isPackaged: false, platform: 'darwin' }))).not.toHaveProperty(
      'enableBlinkFeatures',
    );
  });

  it('allow developer tools only in a development build', () => {
    expect(preferencesOf(open({ isPackaged: false })).devTools).toBe(true);
    expect(preferencesOf(open({ isPackaged: true })).devTools).toBe(false);
  });

  it('check spelling only where the OS does it (no dictionary downloads)', () => {
    expect(preferencesOf(open({ platform: 'darwin' })).spellcheck).toBe(true);
    expect(preferencesOf(open({ platform: 'win32' })).spellcheck).toBe(false);
  });
});

describe('the main window', () => {
  it('opens where it was left, hidden until its first frame, on the theme’s background', () => {
    const window = open({ state: { x: 40, y: 50, width: 1000, height: 700, isMaximized: false } });
    expect(window.options).toMatchObject({
      x: 40,
      y: 50,
      width: 1000,
      height: 700,
      show: false,
      backgroundColor: LIGHT_BACKGROUND,
    });
  });

  it('lets the OS centre it when there is no saved position', () => {
    const window = open();
    expect(window.options).not.toHaveProperty('x');
    expect(window.options).not.toHaveProperty('y');
  });

  it('opens dark when the OS is dark, and follows the OS when it changes', () => {
    nativeTheme.shouldUseDarkColors = true;
    const window = open();
    expect(window.options.backgroundColor).toBe(DARK_BACKGROUND);

    nativeTheme.shouldUseDarkColors = false;
    nativeTheme.emit('updated');
    expect(window.setBackgroundColor).toHaveBeenLastCalledWith(LIGHT_BACKGROUND);

    window.close();
    expect(nativeTheme.listenerCount('updated')).toBe(0);
  });

  it('loads the app from app://kith, shows once ready and restores maximised', () => {
    const window = open({ state: { ...base.state, isMaximized: true } });
    expect(window.loadURL).toHaveBeenCalledWith('app://kith/index.html');
    expect(window.maximize).toHaveBeenCalled();
    expect(window.show).not.toHaveBeenCalled();
    window.emit('ready-to-show');
    expect(window.show).toHaveBeenCalled();
  });

  it('remembers its bounds when closed', () => {
    const window = open();
    window.bounds = { x: 300, y: 200, width: 1111, height: 777 };
    window.close();
    expect(JSON.parse(readFileSync(join(dir, 'state.json'), 'utf8'))).toEqual({
      x: 300,
      y: 200,
      width: 1111,
      height: 777,
      isMaximized: false,
    });
  });
});
