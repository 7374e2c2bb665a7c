import { join } from 'node:path';
import { app, ipcMain, screen, session, type BrowserWindow } from 'electron';
import type { IpcPushChannel, IpcPushContract } from '../../shared/ipc';
import { registerAppScheme, serveAppProtocol } from './appProtocol';
import { createIpcHandlers, registerIpcHandlers } from './ipc/handlers';
import { createMainWindow } from './mainWindow';
import { installMenu } from './menu';
import { applySessionPolicy, hardenWebContents } from './security';
import { loadWindowState } from './windowState';

export interface KithShellOptions {
  /** The renderer build (out/renderer), served as app://kith. */
  rendererDir: string;
  /** The built preload (out/preload/index.cjs). */
  preloadPath: string;
  platform?: NodeJS.Platform;
}

export const WINDOW_STATE_FILE = 'window-state.json';

/**
 * The app's lifecycle. What must happen before 'ready' (privileged scheme, sandbox for every
 * renderer, single-instance lock) happens synchronously here; the returned promise settles once
 * the window is open, or at once when another Kith already runs (this one then quits and the
 * other comes to the front).
 */
export async function startKith({
  rendererDir,
  preloadPath,
  platform = process.platform,
}: KithShellOptions): Promise<void> {
  registerAppScheme();
  app.enableSandbox();
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }

  let mainWindow: BrowserWindow | null = null;
  const push = <P extends IpcPushChannel>(channel: P, message: IpcPushContract[P]): void => {
    if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(channel, message);
  };
  const openMainWindow = (): void => {
    const stateFile = join(app.getPath('userData'), WINDOW_STATE_FILE);
    const workAreas = screen.getAllDisplays().map((display) => display.workArea);
    const window = createMainWindow({
      preloadPath,
      stateFile,
      state: loadWindowState(stateFile, workAreas),
      isPackaged: app.isPackaged,
      platform,
    });
    window.on('closed', () => {
      if (mainWindow === window) mainWindow = null;
    });
    mainWindow = window;
  };

  app.on('second-instance', () => {
    if (!mainWindow) {
      if (app.isReady()) openMainWindow();
      return;
    }
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents);
    // Covers any session a future window might use, not just the default one.
    applySessionPolicy(contents.session);
  });
  app.on('window-all-closed', () => {
    // macOS apps stay in the Dock with no window; 'activate' opens a new one.
    if (platform !== 'darwin') app.quit();
  });

  await app.whenReady();
  applySessionPolicy(session.defaultSession);
  serveAppProtocol(rendererDir);
  registerIpcHandlers(ipcMain, createIpcHandlers({ version: app.getVersion(), platform }));
  installMenu({
    appName: app.name,
    isMac: platform === 'darwin',
    isPackaged: app.isPackaged,
    send: (command) => push('menu:command', command),
  });
  app.on('activate', () => {
    if (!mainWindow) openMainWindow();
  });
  openMainWindow();
}
