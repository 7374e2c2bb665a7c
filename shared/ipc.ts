/**
 * The one contract between the desktop shell (electron/main), its preload and the renderer.
 *
 * Adding a capability (dialogs, backups, sync credentials ...) is one entry in `IpcInvokeContract`
 * (renderer asks, main answers) or `IpcPushContract` (main tells the renderer), plus a function on
 * `KithBridge`. The main process keeps a handler map keyed by `IpcInvokeChannel`, so a channel
 * declared here without a handler (or a handler without a channel) fails to compile.
 *
 * Errors: main never throws across IPC. Every invoke channel answers with an `IpcResult`; for bad
 * input or a refused sender it is `{ ok: false, error }` where `error` names the channel and the
 * offending field, e.g. `shell:open-external: url: Invalid input: expected string, received number`.
 * The preload turns `{ ok: false }` into a rejected Promise carrying that message, so `KithBridge`
 * functions resolve with the value or reject with a plain `Error`.
 *
 * Apart from the small vocabularies and the bridge key below, this file is types only: it is
 * imported by main, the sandboxed preload and the renderer alike.
 */

/** The preload exposes the bridge as `window.kith`. */
export const BRIDGE_KEY = 'kith';

/** Commands the native menu sends to the renderer. */
export const MENU_COMMANDS = ['new-encounter', 'find', 'undo', 'redo', 'preferences'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

/** 'system' follows the OS appearance; the others pin it. */
export const THEME_SOURCES = ['system', 'light', 'dark'] as const;
export type ThemeSource = (typeof THEME_SOURCES)[number];

/** 'web' when the renderer runs in a plain browser (no desktop shell). */
export type AppPlatform = 'darwin' | 'win32' | 'linux' | 'other' | 'web';

export interface AppInfo {
  version: string;
  platform: AppPlatform;
}

/** Renderer → main request/response channels (`ipcRenderer.invoke` / `ipcMain.handle`). */
export interface IpcInvokeContract {
  'app:info': { request: undefined; response: AppInfo };
  'shell:open-external': { request: { url: string }; response: void };
  'theme:set-source': { request: { theme: ThemeSource }; response: void };
}

/** Main → renderer messages (`webContents.send` / `ipcRenderer.on`). */
export interface IpcPushContract {
  'menu:command': MenuCommand;
}

export type IpcInvokeChannel = keyof IpcInvokeContract;
export type IpcRequest<C extends IpcInvokeChannel> = IpcInvokeContract[C]['request'];
export type IpcResponse<C extends IpcInvokeChannel> = IpcInvokeContract[C]['response'];
export type IpcPushChannel = keyof IpcPushContract;

/** What every invoke channel resolves with on the wire (see the note on errors above). */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: string };

/** The object the preload exposes as `window[BRIDGE_KEY]`: named functions only. */
export interface KithBridge {
  appInfo(): Promise<AppInfo>;
  /** Opens an https: or mailto: link in the system's browser or mail app; rejects anything else. */
  openExternal(url: string): Promise<void>;
  setThemeSource(theme: ThemeSource): Promise<void>;
  /** Subscribes to native menu commands; returns the unsubscribe function. */
  onMenuCommand(callback: (command: MenuCommand) => void): () => void;
}
