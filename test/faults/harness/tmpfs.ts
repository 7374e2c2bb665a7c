import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Cleanup } from './cleanup';

const run = promisify(execFile);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A folder on a tmpfs of `megabytes` (needs root, as `mount -t tmpfs` does): a disk that fills up.
 * Unmounted and removed by the cleanup, after whatever was registered later (the browser on it).
 */
export async function smallDisk(megabytes: number, cleanup: Cleanup): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'kith-faults-disk-'));
  cleanup.add(`remove ${dir}`, () => rm(dir, { recursive: true, force: true }));
  await run('mount', ['-t', 'tmpfs', '-o', `size=${megabytes}m,mode=0700`, 'tmpfs', dir]);
  cleanup.add(`unmount ${dir}`, async () => {
    for (let attempt = 0; ; attempt++) {
      try {
        await run('umount', [dir]);
        return;
      } catch (err) {
        // Busy for a moment while the browser's last processes exit.
        if (attempt >= 20) throw err;
        await sleep(250);
      }
    }
  });
  return dir;
}
