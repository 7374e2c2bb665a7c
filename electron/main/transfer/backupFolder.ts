import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomically } from './atomicWrite';

/** kith-backup-2026-11-26T20-46-33Z.json, or …Z-2.json for a second one in the same second. */
const BACKUP_NAME = /^kith-backup-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z(?:-\d+)?\.json$/;

/** Names sort by time: the timestamp is UTC, zero-padded, most significant part first. */
export function backupFileName(at: Date, duplicate = 1): string {
  const stamp = at.toISOString().slice(0, 19).replaceAll(':', '-');
  return `kith-backup-${stamp}Z${duplicate > 1 ? `-${duplicate}` : ''}.json`;
}

export function isBackupFileName(name: string): boolean {
  return BACKUP_NAME.test(name);
}

/** Oldest first; a "-2" file comes after its plain twin from the same second. */
function byAge(a: string, b: string): number {
  const order = (name: string) => {
    const match = /^(.*Z)(?:-(\d+))?\.json$/.exec(name)!;
    return [match[1]!, Number(match[2] ?? 1)] as const;
  };
  const [stampA, nA] = order(a);
  const [stampB, nB] = order(b);
  return stampA === stampB ? nA - nB : stampA < stampB ? -1 : 1;
}

export async function listBackups(folder: string): Promise<string[]> {
  return (await readdir(folder)).filter(isBackupFileName).sort(byAge);
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/**
 * Writes one backup into `folder` atomically, then deletes the oldest backups beyond `keep`.
 * Only files named like Kith's backups are ever counted or deleted; anything else in the folder is
 * left alone. Returns the new file's name and the names it deleted.
 */
export async function writeBackupFile(
  folder: string,
  content: string,
  keep: number,
  at: Date,
): Promise<{ file: string; pruned: string[] }> {
  let duplicate = 1;
  while (await exists(join(folder, backupFileName(at, duplicate)))) duplicate += 1;
  const file = backupFileName(at, duplicate);
  await writeFileAtomically(join(folder, file), content);

  const backups = await listBackups(folder);
  const pruned = backups.slice(0, Math.max(0, backups.length - keep)).filter((name) => name !== file);
  for (const name of pruned) await rm(join(folder, name), { force: true });
  return { file, pruned };
}
