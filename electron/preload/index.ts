import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import {
  BRIDGE_KEY,
  type IpcInvokeChannel,
  type IpcRequest,
  type IpcResponse,
  type IpcResult,
  type KithBridge,
  type MenuCommand,
} from '../../shared/ipc';

/*
 * The sandboxed preload: the renderer's only door to the main process. It exposes named functions
 * and nothing else, so the page never holds ipcRenderer or an IPC event (whose `sender` would let
 * it message any channel). Bundled to CommonJS with no imports but 'electron'.
 */

async function invoke<C extends IpcInvokeChannel>(
  channel: C,
  request: IpcRequest<C>,
): Promise<IpcResponse<C>> {
  const result = (await ipcRenderer.invoke(channel, request)) as IpcResult<IpcResponse<C>>;
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

const bridge = {
  appInfo: () => invoke('app:info', undefined),
  openExternal: (url: string) => invoke('shell:open-external', { url }),
  setThemeSource: (theme) => invoke('theme:set-source', { theme }),
  loadSyncSettings: () => invoke('sync:load-settings', undefined),
  saveSyncSettings: (settings) => invoke('sync:save-settings', settings),
  syncRequest: (request) => invoke('sync:request', request),
  testSyncConnection: (candidate) => invoke('sync:test-connection', candidate),
  openFile: (request) => invoke('dialog:open-file', request),
  saveFile: (request) => invoke('dialog:save-file', request),
  loadBackupSettings: () => invoke('backup:load-settings', undefined),
  saveBackupSettings: (settings) => invoke('backup:save-settings', settings),
  chooseBackupFolder: () => invoke('backup:choose-folder', undefined),
  writeBackup: (request) => invoke('backup:write', request),
  freeDiskBytes: () => invoke('storage:free-bytes', undefined),
  onMenuCommand: (callback) => {
    const listener = (_event: IpcRendererEvent, command: MenuCommand): void => callback(command);
    ipcRenderer.on('menu:command', listener);
    return () => {
      ipcRenderer.removeListener('menu:command', listener);
    };
  },
} satisfies KithBridge;

contextBridge.exposeInMainWorld(BRIDGE_KEY, bridge);
