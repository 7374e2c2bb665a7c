import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupFileName, isBackupFileName, listBackups, writeBackupFile } from './backupFolder';

let folder = '';
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'kith-backups-'));
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

const day = (n: number) => new Date(Date.UTC(2026, 10, n, 9, 30, 5));

describe('backup files', () => {
  it('are named by their UTC time, sortable, and recognised', () => {
    expect(backupFileName(day(3))).toBe('kith-backup-2026-11-03T09-30-05Z.json');
    expect(backupFileName(day(3), 2)).toBe('kith-backup-2026-11-03T09-30-05Z-2.json');
    expect(isBackupFileName('kith-backup-2026-11-03T09-30-05Z.json')).toBe(true);
    expect(isBackupFileName('kith-backup-notes.json')).toBe(false);
    expect(isBackupFileName('.kith-backup-2026-11-03T09-30-05Z.json.abc.tmp')).toBe(false);
  });

  it('keep the newest N and never touch other files in the folder', async () => {
    writeFileSync(join(folder, 'my-notes.txt'), 'mine');
    for (let n = 1; n <= 5; n += 1) await writeBackupFile(folder, `{"day":${n}}`, 3, day(n));
    expect(await listBackups(folder)).toEqual([
      backupFileName(day(3)),
      backupFileName(day(4)),
      backupFileName(day(5)),
    ]);
    expect(readdirSync(folder)).toContain('my-notes.txt');
    expect(readFileSync(join(folder, backupFileName(day(5))), 'utf8')).toBe('{"day":5}');
  });

  it('never overwrite a backup made in the same second', async () => {
    const first = await writeBackupFile(folder, 'one', 10, day(1));
    const second = await writeBackupFile(folder, 'two', 10, day(1));
    expect(second.file).toBe(backupFileName(day(1), 2));
    expect(readFileSync(join(folder, first.file), 'utf8')).toBe('one');
    expect(await listBackups(folder)).toEqual([first.file, second.file]);
  });

  it('report which old backups they deleted', async () => {
    await writeBackupFile(folder, 'a', 1, day(1));
    const { pruned } = await writeBackupFile(folder, 'b', 1, day(2));
    expect(pruned).toEqual([backupFileName(day(1))]);
  });
});

describe('a backup folder holding things that only look like backups', () => {
  it('counts, prunes and lists only regular files: a folder named like a backup never fails a backup', async () => {
    const lookalike = backupFileName(new Date(Date.UTC(2020, 0, 1)));
    mkdirSync(join(folder, lookalike));
    writeFileSync(join(folder, lookalike, 'inside.txt'), 'mine');
    for (let n = 1; n <= 4; n += 1) await writeBackupFile(folder, `{"day":${n}}`, 2, day(n));
    expect(await listBackups(folder)).toEqual([backupFileName(day(3)), backupFileName(day(4))]);
    expect(statSync(join(folder, lookalike)).isDirectory()).toBe(true);
    expect(readFileSync(join(folder, lookalike, 'inside.txt'), 'utf8')).toBe('mine');
  });

  it('leaves links named like backups alone and never writes through one', async () => {
    const elsewhere = join(folder, 'elsewhere.json');
    writeFileSync(elsewhere, 'not a backup');
    symlinkSync(elsewhere, join(folder, backupFileName(day(1))));
    symlinkSync(join(folder, 'missing.json'), join(folder, backupFileName(day(2))));
    const first = await writeBackupFile(folder, 'one', 1, day(1));
    const second = await writeBackupFile(folder, 'two', 1, day(2));
    expect([first.file, second.file]).toEqual([backupFileName(day(1), 2), backupFileName(day(2), 2)]);
    expect(await listBackups(folder)).toEqual([second.file]);
    expect(readFileSync(elsewhere, 'utf8')).toBe('not a backup');
    expect(readdirSync(folder)).toContain(backupFileName(day(2)));
  });

  it('takes the next name when a folder already has the new backup’s name', async () => {
    mkdirSync(join(folder, backupFileName(day(1))));
    const { file } = await writeBackupFile(folder, 'one', 10, day(1));
    expect(file).toBe(backupFileName(day(1), 2));
    expect(readFileSync(join(folder, file), 'utf8')).toBe('one');
  });

  it('keeps the new backup when an old one cannot be deleted, and says which and why', async () => {
    await writeBackupFile(folder, 'a', 3, day(1));
    await writeBackupFile(folder, 'b', 3, day(2));
    const stuck = backupFileName(day(1));
    // The one failure a test can cause as any user: the file system refuses this one delete.
    const remove = async (path: string) => {
      if (path.endsWith(stuck))
        throw Object.assign(new Error('EBUSY: resource busy or locked'), { code: 'EBUSY' });
      await rm(path);
    };
    const result = await writeBackupFile(folder, 'c', 1, day(3), { remove });
    expect(result.file).toBe(backupFileName(day(3)));
    expect(readFileSync(join(folder, result.file), 'utf8')).toBe('c');
    expect(result.pruned).toEqual([backupFileName(day(2))]);
    expect(result.notDeleted).toEqual([{ file: stuck, reason: 'EBUSY: resource busy or locked' }]);
    expect(await listBackups(folder)).toEqual([stuck, result.file]);
  });
});
