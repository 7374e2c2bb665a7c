import { z } from 'zod';
import { SYNC_METHODS } from '../../../shared/ipc';
import {
  checkDatabaseName,
  checkServerUrl,
  MAX_SERVER_URL_LENGTH,
  MAX_SYNC_PATH_LENGTH,
  type UrlCheck,
} from '../../../shared/security/syncUrl';
import type { SyncService } from '../sync/syncService';
import type { IpcHandlerSpec } from './handlers';

const MAX_SECRET_LENGTH = 1024;
const MAX_NAME_LENGTH = 256;
/** The longest request a replication batch makes (a long-poll _changes) is well under this. */
export const MAX_SYNC_TIMEOUT_MS = 5 * 60_000;

/** A string up to `max` characters that is empty (not set yet) or passes `check`, whose reason is the error. */
const emptyOr = (max: number, check: (value: string) => UrlCheck) =>
  z
    .string()
    .max(max)
    .superRefine((value, ctx) => {
      if (value === '') return;
      const result = check(value);
      if (!result.ok) ctx.addIssue({ code: 'custom', message: result.reason });
    });

const serverUrl = emptyOr(MAX_SERVER_URL_LENGTH, checkServerUrl);
const database = emptyOr(MAX_NAME_LENGTH, checkDatabaseName);

const username = z.string().max(MAX_NAME_LENGTH);
const secret = z.string().max(MAX_SECRET_LENGTH);

const settingsInput = z
  .strictObject({
    serverUrl,
    database,
    username,
    enabled: z.boolean(),
    password: secret.optional(),
    passphrase: secret.nullable().optional(),
    remember: z.boolean().optional(),
  })
  .superRefine((value, ctx) => {
    if (!value.enabled) return;
    // Sync switched on needs somewhere to go; switched off, a half-filled form may be kept.
    if (value.serverUrl === '')
      ctx.addIssue({ code: 'custom', path: ['serverUrl'], message: 'required to turn sync on' });
    if (value.database === '')
      ctx.addIssue({ code: 'custom', path: ['database'], message: 'required to turn sync on' });
  });

const candidate = z.strictObject({
  serverUrl: serverUrl.refine((value) => value !== '', 'required'),
  database: database.refine((value) => value !== '', 'required'),
  username,
  password: secret.optional(),
});

const wireRequest = z.strictObject({
  method: z.enum(SYNC_METHODS),
  path: z.string().max(MAX_SYNC_PATH_LENGTH),
  body: z.unknown().optional(),
  timeoutMs: z.number().int().positive().max(MAX_SYNC_TIMEOUT_MS).optional(),
});

type SyncChannel = 'sync:load-settings' | 'sync:save-settings' | 'sync:request' | 'sync:test-connection';

/** The sync channels: each a one-liner into the sync service, which alone touches the password. */
export function syncHandlers(sync: SyncService): { [C in SyncChannel]: IpcHandlerSpec<C> } {
  return {
    'sync:load-settings': { schema: z.undefined(), run: () => sync.load() },
    'sync:save-settings': { schema: settingsInput, run: (input) => sync.save(input) },
    'sync:request': { schema: wireRequest, run: (request) => sync.request(request) },
    'sync:test-connection': { schema: candidate, run: (input) => sync.testConnection(input) },
  };
}
