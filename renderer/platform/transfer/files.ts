import type { FileFilter, SaveFileResult } from '../../../shared/ipc';
import type { FilePurpose } from '../../../shared/transfer/limits';
import { bridgeWith } from '../bridge';

const fileBridge = () => bridgeWith(['openFile', 'saveFile'] as const);

/**
 * True inside the desktop app: files are picked in the native open dialog. In a browser the page
 * shows an <input type="file"> instead (a page may not open a file picker on its own), and hands
 * the chosen File to `pickedFile`.
 */
export function hasNativeFileDialogs(): boolean {
  return fileBridge() !== null;
}

/**
 * A file the person picked: its name, its size, and its content not yet read — a browser's File (the
 * page never reads it: the file reader worker does), or the bytes the desktop's main process read.
 */
export interface PickedFile {
  name: string;
  size: number;
  data: Blob | Uint8Array;
}

/**
 * The native open dialog (desktop only), or null when cancelled. Main refuses a file over the
 * limit for `purpose` before reading it.
 */
export async function openFileNatively(
  title: string,
  filters: FileFilter[],
  purpose: FilePurpose,
): Promise<PickedFile | null> {
  const bridge = fileBridge();
  if (!bridge) throw new Error('There is no native open dialog in the browser; use the file input.');
  const opened = await bridge.openFile({ title, filters, purpose });
  return opened && { name: opened.name, size: opened.bytes.byteLength, data: opened.bytes };
}

/** A File from an <input type="file"> or a drop, as the desktop hands files over; nothing is read yet. */
export function pickedFile(file: File): PickedFile {
  return { name: file.name, size: file.size, data: file };
}

export interface SaveFileOptions {
  title: string;
  suggestedName: string;
  filters: FileFilter[];
  mimeType: string;
  content: string | Uint8Array;
}

/** How long a download's blob URL lives: long enough for the browser to start saving it. */
const REVOKE_AFTER_MS = 60_000;

/**
 * Saves an export. Desktop: the native save dialog, then main writes it atomically. Browser: a
 * download of a blob URL under the suggested name (the browser decides where; a browser cannot
 * tell the page whether it was saved, so the answer is always "saved").
 */
export async function saveFile({ mimeType, ...request }: SaveFileOptions): Promise<SaveFileResult> {
  const bridge = fileBridge();
  if (bridge) return bridge.saveFile(request);
  const part: BlobPart =
    typeof request.content === 'string' ? request.content : new Uint8Array(request.content);
  const url = URL.createObjectURL(new Blob([part], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = request.suggestedName;
  link.hidden = true;
  document.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
  }
  return { saved: true, name: request.suggestedName };
}
