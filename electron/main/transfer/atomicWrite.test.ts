import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomically } from './atomicWrite';

let folder = '';
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'kith-atomic-'));
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

describe('writeFileAtomically', () => {
  it('replaces the whole file and leaves no temporary file behind', async () => {
    const target = join(folder, 'journal.json');
    writeFileSync(target, 'old');
    await writeFileAtomically(target, '{"new":true}');
    expect(readFileSync(target, 'utf8')).toBe('{"new":true}');
    expect(readdirSync(folder)).toEqual(['journal.json']);
  });

  it('writes bytes as they are', async () => {
    const target = join(folder, 'photo.bin');
    await writeFileAtomically(target, new Uint8Array([0, 255, 10, 13]));
    expect([...readFileSync(target)]).toEqual([0, 255, 10, 13]);
  });

  it('on failure leaves the target as it was and removes the temporary file', async () => {
    // A folder in the target's place makes the final rename fail after the bytes were written.
    const target = join(folder, 'busy');
    mkdirSync(target);
    writeFileSync(join(target, 'inside.txt'), 'kept');
    await expect(writeFileAtomically(target, 'new')).rejects.toThrow();
    expect(readdirSync(folder)).toEqual(['busy']);
    expect(readFileSync(join(target, 'inside.txt'), 'utf8')).toBe('kept');
  });
});
