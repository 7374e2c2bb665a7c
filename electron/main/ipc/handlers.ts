import { app, type IpcMain } from 'electron';
import { statfs as nodeStatfs } from 'node:fs/promises';
import { z } from 'zod';
import { THEME_SOURCES, type AppPlatform, type IpcInvokeChannel, type IpcRequest } from '../../../shared/ipc';
import { MAX_EXTERNAL_URL_LENGTH } from '../../../shared/security/externalUrl';
import { openExternalSafely } from '../openExternal';
import { createDesktopSyncService } from '../sync/desktopSyncService';
import type { SyncService } from '../sync/syncService';
import { setThemeSource } from '../theme';
import { createDesktopTransfer, type TransferServices } from '../transfer/desktopTransfer';
import { handle, type IpcHandlerFn } from './handle';
import { storageHandlers, type Statfs } from './storageHandlers';
import { syncHandlers } from './syncHandlers';
import { transferHandlers } from './transferHandlers';

export interface IpcHandlerSpec<C extends IpcInvokeChannel> {
  /** Validates the renderer's payload; the handler only ever sees data that passed it. */
  schema: z.ZodType<IpcRequest<C>>;
  run: IpcHandlerFn<C>;
}

/** One entry per channel in shared/ipc.ts: a missing or extra channel is a compile error. */
export type IpcHandlerMap = { [C in IpcInvokeChannel]: IpcHandlerSpec<C> };

export interface IpcDependencies {
  version: string;
  platform: NodeJS.Platform;
  /** Tests pass their own; the app's keeps its file in userData and seals secrets with safeStorage. */
  sync?: SyncService;
  /** Tests pass their own; the app's uses the native dialogs and <userData>/backups. */
  transfer?: TransferServices;
  /** Tests pass their own; the app's asks the OS about the disk that holds userData. */
  statfs?: Statfs;
}

export function appPlatform(platform: NodeJS.Platform): AppPlatform {
  return platform === 'darwin' || platform === 'win32' || platform === 'linux' ? platform : 'other';
}

// Handlers stay one-liners that call into a module of their own; when a domain (dialogs, backups,
// sync credentials) grows, its entries move to a file per domain and are spread in here.
export function createIpcHandlers({
  version,
  platform,
  sync,
  transfer,
  statfs = nodeStatfs,
}: IpcDependencies): IpcHandlerMap {
  return {
    'app:info': {
      schema: z.undefined(),
      run: () => ({ version, platform: appPlatform(platform) }),
    },
    'shell:open-external': {
      schema: z.strictObject({ url: z.string().max(MAX_EXTERNAL_URL_LENGTH) }),
      run: ({ url }) => openExternalSafely(url),
    },
    'theme:set-source': {
      schema: z.strictObject({ theme: z.enum(THEME_SOURCES) }),
      run: ({ theme }) => setThemeSource(theme),
    },
    ...syncHandlers(sync ?? createDesktopSyncService(platform)),
    ...transferHandlers(transfer ?? createDesktopTransfer()),
    ...storageHandlers(statfs, () => app.getPath('userData')),
  };
}

export function registerIpcHandlers(ipcMain: Pick<IpcMain, 'handle'>, handlers: IpcHandlerMap): void {
  const register = <C extends IpcInvokeChannel>(channel: C): void => {
    const spec: IpcHandlerSpec<C> = handlers[channel];
    handle(ipcMain, channel, spec.schema, spec.run);
  };
  for (const channel of Object.keys(handlers) as IpcInvokeChannel[]) register(channel);
}
