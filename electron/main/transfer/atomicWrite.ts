import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Writes `content` to `target` so that `target` is only ever the old file or the whole new one:
 * the bytes go to a hidden temporary file beside it (same folder, so the rename cannot cross
 * devices), are flushed to disk, and the temporary file is renamed over the target. On any failure
 * the temporary file is removed and the target is untouched.
 */
export async function writeFileAtomically(target: string, content: string | Uint8Array): Promise<void> {
  const temporary = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await open(temporary, 'wx', 0o600);
    try {
      await handle.writeFile(content);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
