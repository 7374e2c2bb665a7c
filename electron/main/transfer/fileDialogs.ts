import { readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { BrowserWindow, Dialog, OpenDialogOptions, SaveDialogOptions } from 'electron';
import type { OpenedFile, OpenFileRequest, SaveFileRequest, SaveFileResult } from '../../../shared/ipc';
import { fileSizeProblem } from '../../../shared/transfer/limits';
import { writeFileAtomically } from './atomicWrite';

export type DialogApi = Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>;

/**
 * The native open and save dialogs. The renderer names what it wants (title, file types, the
 * suggested name) and gets back a file name and bytes, never a path it chose itself: main reads and
 * writes only files the user picked in a dialog.
 */
export function createFileDialogs(dialog: DialogApi) {
  const showOpen = (window: BrowserWindow | null, options: OpenDialogOptions) =>
    window ? dialog.showOpenDialog(window, options) : dialog.showOpenDialog(options);
  const showSave = (window: BrowserWindow | null, options: SaveDialogOptions) =>
    window ? dialog.showSaveDialog(window, options) : dialog.showSaveDialog(options);

  return {
    async openFile(request: OpenFileRequest, window: BrowserWindow | null): Promise<OpenedFile | null> {
      const answer = await showOpen(window, {
        title: request.title,
        filters: [...request.filters, { name: 'All files', extensions: ['*'] }],
        properties: ['openFile'],
      });
      const path = answer.filePaths[0];
      if (answer.canceled || path === undefined) return null;
      const info = await stat(path);
      if (!info.isFile()) throw new Error(`${basename(path)} is not a file`);
      // Before reading it: a 200 MB file would otherwise be in memory (twice, with IPC's copy) only to be refused.
      const tooLarge = fileSizeProblem(basename(path), info.size, request.purpose);
      if (tooLarge) throw new Error(tooLarge);
      // A copy of exactly the file's bytes: IPC clones a view's whole ArrayBuffer, and a Buffer may
      // share a larger one with other data.
      const bytes = new Uint8Array(await readFile(path));
      return { name: basename(path), bytes };
    },

    async saveFile(request: SaveFileRequest, window: BrowserWindow | null): Promise<SaveFileResult> {
      const answer = await showSave(window, {
        title: request.title,
        defaultPath: request.suggestedName,
        filters: request.filters,
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      });
      if (answer.canceled || !answer.filePath) return { saved: false };
      // Some platforms drop the extension when the user types a bare name; the filter says which.
      const extension = request.filters[0]?.extensions[0];
      const path =
        extname(answer.filePath) === '' && extension && extension !== '*'
          ? `${answer.filePath}.${extension}`
          : answer.filePath;
      await writeFileAtomically(path, request.content);
      return { saved: true, name: basename(path) };
    },

    async pickFolder(current: string, window: BrowserWindow | null): Promise<string | null> {
      const answer = await showOpen(window, {
        title: 'Choose the folder for automatic backups',
        defaultPath: current,
        properties: ['openDirectory', 'createDirectory'],
      });
      const path = answer.filePaths[0];
      return answer.canceled || path === undefined ? null : path;
    },
  };
}

export type FileDialogs = ReturnType<typeof createFileDialogs>;
