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

/** The HTTP methods the CouchDB protocol needs; the main process sends no other. */
export const SYNC_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE'] as const;
export type SyncMethod = (typeof SYNC_METHODS)[number];

/** Device-local sync settings without secrets (never stored in the replicated journal). */
export interface SyncSettings {
  /** The server's address, e.g. http://127.0.0.1:5984 (the database is named separately). */
  serverUrl: string;
  database: string;
  username: string;
  enabled: boolean;
}

/**
 * Where this device keeps the sync password and passphrase:
 * 'encrypted' — the OS key store protects them (Keychain, DPAPI, libsecret/kwallet);
 * 'plain-text' — stored, but only under a hard-coded key (Linux without a key ring): readable by
 *   anything that can read the user's files;
 * 'session-only' — the OS offers no encryption, so they are kept until Kith quits, never on disk;
 * 'browser-session' / 'browser-local' — the browser build's sessionStorage / localStorage.
 */
export type SecretStorage = 'encrypted' | 'plain-text' | 'session-only' | 'browser-session' | 'browser-local';

/** What the renderer may know about the stored settings: never the password itself. */
export interface SyncSettingsView extends SyncSettings {
  hasPassword: boolean;
  /** The end-to-end encryption passphrase (the renderer derives the key), or null for none. */
  passphrase: string | null;
  secretStorage: SecretStorage;
}

export interface SyncSettingsInput extends SyncSettings {
  /** Omitted: keep the stored password. */
  password?: string;
  /** Omitted: keep the stored passphrase; null: sync without end-to-end encryption. */
  passphrase?: string | null;
  /** Browser build only: keep the secrets in localStorage instead of for this session. */
  remember?: boolean;
}

/** Settings typed in the form but perhaps not saved, for "Test connection". */
export interface SyncConnectionCandidate {
  serverUrl: string;
  database: string;
  username: string;
  /** Omitted: the stored password, if the server and username are the stored ones. */
  password?: string;
}

export type SyncConnectionResult = { ok: true; docCount: number } | { ok: false; message: string };

/** One CouchDB request, relative to the configured database URL ('' is the database itself). */
export interface SyncWireRequest {
  method: SyncMethod;
  path: string;
  body?: unknown;
  timeoutMs?: number;
}

/** The server's answer (body parsed as JSON, or null), or why the server could not be reached. */
export type SyncWireResponse = { status: number; body: unknown } | { networkError: string };

import type { FilePurpose } from './transfer/limits';

/** A native dialog's file type: a label and extensions without the dot, e.g. { name: 'vCard', extensions: ['vcf'] }. */
export interface FileFilter {
  name: string;
  extensions: string[];
}

export interface OpenFileRequest {
  title: string;
  filters: FileFilter[];
  /** What the file is for: main refuses one over that purpose's size limit (shared/transfer/limits) before reading it. */
  purpose: FilePurpose;
}

/** The chosen file's name (never its path: the renderer does not need to know the user's folders) and bytes. */
export interface OpenedFile {
  name: string;
  bytes: Uint8Array;
}

export interface SaveFileRequest {
  title: string;
  /** A plain file name, no folders, e.g. kith-people.vcf. */
  suggestedName: string;
  filters: FileFilter[];
  content: string | Uint8Array;
}

/** `name` is the file name the user chose; false when the user cancelled. */
export type SaveFileResult = { saved: true; name: string } | { saved: false };

/** The shortest and longest history of automatic backups a user may keep. */
export const BACKUP_KEEP_MIN = 1;
export const BACKUP_KEEP_MAX = 365;
export const BACKUP_KEEP_DEFAULT = 14;
/** "Daily": a new automatic backup is due once the last one is this old. */
export const BACKUP_INTERVAL_MS = 24 * 60 * 60 * 1000;

/** Device-local automatic backup settings (desktop only; kept by the main process, outside the journal). */
export interface BackupSettings {
  enabled: boolean;
  /** How many backup files to keep in the folder; older ones are deleted after each new backup. */
  keep: number;
}

export interface BackupSettingsView extends BackupSettings {
  /** The absolute folder backups go to, shown to the user. */
  folder: string;
  isDefaultFolder: boolean;
  /** ISO time of the last backup written (automatic or "Back up now"), or null. */
  lastBackupAt: string | null;
  lastBackupFile: string | null;
  /** Why the last attempt failed, or null when it succeeded (or none was made). */
  lastError: string | null;
  /** Automatic backups are on and none was written in the last 24 hours. */
  due: boolean;
}

export interface BackupSettingsInput extends BackupSettings {
  /** Go back to the default folder (<userData>/backups); other folders are picked through the native dialog only. */
  useDefaultFolder?: boolean;
}

export interface BackupWriteRequest {
  /** The full backup, as JSON text. */
  content: string;
  /** Automatic backups are skipped when one was written in the last 24 hours; "Back up now" always writes. */
  automatic: boolean;
}

/** `file` is the new backup's file name, or null when an automatic backup was not due. */
export interface BackupWriteResult {
  file: string | null;
  settings: BackupSettingsView;
}

/** Renderer → main request/response channels (`ipcRenderer.invoke` / `ipcMain.handle`). */
export interface IpcInvokeContract {
  'app:info': { request: undefined; response: AppInfo };
  'shell:open-external': { request: { url: string }; response: void };
  'theme:set-source': { request: { theme: ThemeSource }; response: void };
  'sync:load-settings': { request: undefined; response: SyncSettingsView };
  'sync:save-settings': { request: SyncSettingsInput; response: SyncSettingsView };
  'sync:request': { request: SyncWireRequest; response: SyncWireResponse };
  'sync:test-connection': { request: SyncConnectionCandidate; response: SyncConnectionResult };
  'dialog:open-file': { request: OpenFileRequest; response: OpenedFile | null };
  'dialog:save-file': { request: SaveFileRequest; response: SaveFileResult };
  'backup:load-settings': { request: undefined; response: BackupSettingsView };
  'backup:save-settings': { request: BackupSettingsInput; response: BackupSettingsView };
  'backup:choose-folder': { request: undefined; response: BackupSettingsView };
  'backup:write': { request: BackupWriteRequest; response: BackupWriteResult };
  'storage:free-bytes': { request: undefined; response: number | null };
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
  /** Sync settings live in the main process; the password never comes back to the renderer. */
  loadSyncSettings(): Promise<SyncSettingsView>;
  saveSyncSettings(settings: SyncSettingsInput): Promise<SyncSettingsView>;
  /** The main process adds the stored credentials and sends it to the configured server only. */
  syncRequest(request: SyncWireRequest): Promise<SyncWireResponse>;
  testSyncConnection(candidate: SyncConnectionCandidate): Promise<SyncConnectionResult>;
  /** The native open dialog; resolves with the file's name and bytes, or null when cancelled. */
  openFile(request: OpenFileRequest): Promise<OpenedFile | null>;
  /** The native save dialog, then an atomic write (temporary file, then rename) of `content`. */
  saveFile(request: SaveFileRequest): Promise<SaveFileResult>;
  loadBackupSettings(): Promise<BackupSettingsView>;
  saveBackupSettings(settings: BackupSettingsInput): Promise<BackupSettingsView>;
  /** The native folder dialog; resolves with the settings, changed only if the user picked a folder. */
  chooseBackupFolder(): Promise<BackupSettingsView>;
  /** Main writes the backup into the backup folder atomically and keeps the newest `keep` files. */
  writeBackup(request: BackupWriteRequest): Promise<BackupWriteResult>;
  /**
   * Free bytes on the disk that holds the journal (the OS's figure for the user data folder), or null
   * when the OS does not say. Imports and restores check it before they write.
   */
  freeDiskBytes(): Promise<number | null>;
}
