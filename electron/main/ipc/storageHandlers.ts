import { z } from 'zod';
import type { IpcHandlerSpec } from './handlers';

/** The part of node's fs.promises.statfs this needs; tests pass a fake. */
export type Statfs = (path: string) => Promise<{ bavail: number; bsize: number }>;

/**
 * Free bytes for an unprivileged user on the disk that holds `path` (blocks available × block size),
 * or null when the OS does not say. The renderer's quota estimate knows nothing of the real disk
 * (Chromium reports a 1 GiB quota on a 48 MB disk), and finding out by writing a scratch file fills
 * the disk as surely as the import would, so only the OS is asked.
 */
export async function freeDiskBytes(statfs: Statfs, path: string): Promise<number | null> {
  try {
    const { bavail, bsize } = await statfs(path);
    const bytes = bavail * bsize;
    return Number.isSafeInteger(bytes) && bytes >= 0 ? bytes : null;
  } catch {
    // Unknown is not "no room": the import's room check then goes by the quota estimate alone.
    return null;
  }
}

/** `userData` is read when asked, so a test or a changed path never sees a stale folder. */
export function storageHandlers(
  statfs: Statfs,
  userData: () => string,
): { 'storage:free-bytes': IpcHandlerSpec<'storage:free-bytes'> } {
  return {
    'storage:free-bytes': { schema: z.undefined(), run: () => freeDiskBytes(statfs, userData()) },
  };
}
