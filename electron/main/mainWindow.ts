import { BrowserWindow } from 'electron';
import { APP_ENTRY_URL } from './origin';
import { followTheme, windowBackgroundColor } from './theme';
import { MIN_WINDOW_SIZE, trackWindowState, type WindowState } from './windowState';

export interface MainWindowOptions {
  /** Absolute path of the built, CommonJS preload (out/preload/index.cjs). */
  preloadPath: string;
  state: WindowState;
  stateFile: string;
  isPackaged: boolean;
  platform: NodeJS.Platform;
}

/**
 * The one window. Every security-relevant preference is spelled out in the literal below, even
 * where Electron's default is already safe: a default can change between versions, and the
 * static scan (scripts/security-scan.mjs) can only check options it can see at the call.
 * enableBlinkFeatures is deliberately absent.
 */
export function createMainWindow({
  preloadPath,
  state,
  stateFile,
  isPackaged,
  platform,
}: MainWindowOptions): BrowserWindow {
  // electronegativity-justified: AUXCLICK_JS_CHECK — a middle-click can only ask for a new window, which setWindowOpenHandler (security.ts) always denies, passing https/mailto links to openExternalSafely
  const window = new BrowserWindow({
    ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : {}),
    width: state.width,
    height: state.height,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    title: 'Kith',
    // Shown once the first frame is ready, on the background colour of the current theme.
    show: false,
    backgroundColor: windowBackgroundColor(),
    webPreferences: {
      // electronegativity-justified: PRELOAD_JS_CHECK — Kith's own sandboxed preload (electron/preload/index.ts): named functions via contextBridge, no ipcRenderer
      preload: preloadPath,
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
      devTools: !isPackaged,
      // macOS checks spelling with the OS; elsewhere Chromium would download Hunspell dictionaries
      // from Google's servers, and Kith makes no network calls.
      spellcheck: platform === 'darwin',
      // Sync keeps running while the window is hidden or minimised (a desktop journal should stay in
      // step); throttled timers would stretch its retries and long-polls to a minute or more.
      backgroundThrottling: false,
    },
  });
  if (state.isMaximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  trackWindowState(window, stateFile);
  followTheme(window);
  window.loadURL(APP_ENTRY_URL).catch((error: unknown) => {
    console.error(`Kith could not load its window from ${APP_ENTRY_URL}: ${String(error)}`);
  });
  return window;
}
