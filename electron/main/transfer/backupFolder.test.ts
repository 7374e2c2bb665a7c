import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
