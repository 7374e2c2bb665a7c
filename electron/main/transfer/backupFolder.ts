import { lstat, readdir, rm } from 'node:fs/promises';
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

/**
 * Kith's backups in `folder`, oldest first. Only regular files count: a folder or link that merely
 * has a backup's name is not one of ours, so it is never counted, pruned or written through.
 */
export async function listBackups(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && isBackupFileName(entry.name))
    .map((entry) => entry.name)
    .sort(byAge);
}

/** Anything at all under that name (a file, a folder, even a link to nowhere) is taken. */
async function isTaken(path: string): Promise<boolean> {
  return lstat(path).then(
    () => true,
    () => false,
  );
}

export interface BackupFileResult {
  /** The new backup's file name. */
  file: string;
  /** The old backups deleted to keep only the newest `keep`. */
  pruned: string[];
  /** Old backups that should have gone but could not be deleted, and why; the new backup stands. */
  notDeleted: { file: string; reason: string }[];
}

export interface BackupFileOptions {
  /** Deletes one old backup; tests pass one that refuses, as a locked file would. */
  remove?: (path: string) => Promise<void>;
}

/**
 * Writes one backup into `folder` atomically, then deletes the oldest backups beyond `keep`.
 * Only files named like Kith's backups are ever counted or deleted; anything else in the folder is
 * left alone. An old backup that cannot be deleted is reported, not thrown: the new backup is
 * written and is what matters.
 */
export async function writeBackupFile(
  folder: string,
  content: string,
  keep: number,
  at: Date,
  // force: a backup already gone (deleted by hand meanwhile) is as good as deleted.
  { remove = (path) => rm(path, { force: true }) }: BackupFileOptions = {},
): Promise<BackupFileResult> {
  let duplicate = 1;
  while (await isTaken(join(folder, backupFileName(at, duplicate)))) duplicate += 1;
  const file = backupFileName(at, duplicate);
  await writeFileAtomically(join(folder, file), content);

  const backups = await listBackups(folder);
  const old = backups.slice(0, Math.max(0, backups.length - keep)).filter((name) => name !== file);
  const pruned: string[] = [];
  const notDeleted: BackupFileResult['notDeleted'] = [];
  for (const name of old) {
    try {
      await remove(join(folder, name));
      pruned.push(name);
    } catch (error) {
      notDeleted.push({ file: name, reason: error instanceof Error ? error.message : String(error) });
    }
  }
  return { file, pruned, notDeleted };
}
