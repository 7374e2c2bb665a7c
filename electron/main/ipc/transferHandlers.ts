import { BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { z } from 'zod';
import { BACKUP_KEEP_MAX, BACKUP_KEEP_MIN } from '../../../shared/ipc';
import type { TransferServices } from '../transfer/desktopTransfer';
import type { IpcHandlerSpec } from './handlers';

/** The Markdown journal and backups of the stress dataset stay far below this. */
export const MAX_SAVE_BYTES = 512 * 1024 * 1024;

// Windows' reserved characters, path separators and control characters: a suggested name is a
// plain file name, so the renderer cannot steer the dialog into another folder.
// eslint-disable-next-line no-control-regex
const UNSAFE_NAME = /[/\\:*?"<>|\u0000-\u001f]/;

const filter = z.strictObject({
  name: z.string().min(1).max(100),
  extensions: z
    .array(z.string().regex(/^(?:\*|[a-z0-9]{1,10})$/i, 'an extension is letters and digits, no dot'))
    .min(1)
    .max(10),
});
const filters = z.array(filter).max(10);
const title = z.string().min(1).max(200);

const suggestedName = z
  .string()
  .min(1)
  .max(200)
  .refine((name) => !UNSAFE_NAME.test(name), 'a plain file name, without folders or / \\ : * ? " < > |')
  .refine((name) => name !== '.' && name !== '..', 'a plain file name');

const content = z.union([
  z.string().max(MAX_SAVE_BYTES),
  z.instanceof(Uint8Array).refine((bytes) => bytes.byteLength <= MAX_SAVE_BYTES, 'too large'),
]);

const backupSettings = z.strictObject({
  enabled: z.boolean(),
  keep: z.number().int().min(BACKUP_KEEP_MIN).max(BACKUP_KEEP_MAX),
  useDefaultFolder: z.boolean().optional(),
});

type TransferChannel =
  | 'dialog:open-file'
  | 'dialog:save-file'
  | 'backup:load-settings'
  | 'backup:save-settings'
  | 'backup:choose-folder'
  | 'backup:write';

/** The dialog is modal to the window that asked. */
const windowOf = (event: IpcMainInvokeEvent): BrowserWindow | null =>
  BrowserWindow.fromWebContents(event.sender);

/** Native dialogs and automatic backups: each a one-liner into the transfer services. */
export function transferHandlers({ dialogs, backups }: TransferServices): {
  [C in TransferChannel]: IpcHandlerSpec<C>;
} {
  return {
    'dialog:open-file': {
      schema: z.strictObject({ title, filters, purpose: z.enum(['import', 'backup']) }),
      run: (request, event) => dialogs.openFile(request, windowOf(event)),
    },
    'dialog:save-file': {
      schema: z.strictObject({ title, suggestedName, filters, content }),
      run: (request, event) => dialogs.saveFile(request, windowOf(event)),
    },
    'backup:load-settings': { schema: z.undefined(), run: () => backups.load() },
    'backup:save-settings': { schema: backupSettings, run: (input) => backups.save(input) },
    'backup:choose-folder': {
      schema: z.undefined(),
      run: (_request, event) =>
        backups.chooseFolder((current) => dialogs.pickFolder(current, windowOf(event))),
    },
    'backup:write': {
      schema: z.strictObject({ content: z.string().min(1).max(MAX_SAVE_BYTES), automatic: z.boolean() }),
      run: (request) => backups.write(request),
    },
  };
}
