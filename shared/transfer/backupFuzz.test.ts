import { randomLcg } from 'd3-random';
import { describe, expect, it } from 'vitest';
import { createPerson, recordEncounter, setPreferences } from '../db';
import { databasesClosedAfterEach, openTestDatabase } from '../db/testing';
import { backupToJson, createBackup, restoreBackup } from './backup';
import { BackupError, parseBackup } from './backupFormat';

const journal = databasesClosedAfterEach();

const ODD_VALUES: unknown[] = [
  null,
  42,
  -1,
  1e16,
  '',
  'x'.repeat(30_000),
  '<script>alert(1)</script>',
  [],
  {},
  true,
  ['a', 1],
];

type Json = Record<string, unknown> | unknown[];

/** Replaces, removes or duplicates one value somewhere in the backup. */
function mutate(root: Json, next: () => number): void {
  let node: Json = root;
  for (let depth = 0; depth < 6; depth++) {
    const keys = Array.isArray(node) ? node.map((_, i) => i) : Object.keys(node);
    if (keys.length === 0) return;
    const key = keys[Math.floor(next() * keys.length)] as string | number;
    const child = (node as Record<string | number, unknown>)[key];
    const descend = child !== null && typeof child === 'object' && next() < 0.7;
    if (descend) {
      node = child as Json;
      continue;
    }
    const roll = next();
    if (roll < 0.3 && !Array.isArray(node)) delete (node as Record<string, unknown>)[key as string];
    else if (roll < 0.4 && Array.isArray(node)) node.push(JSON.parse(JSON.stringify(child)));
    else (node as Record<string | number, unknown>)[key] = ODD_VALUES[Math.floor(next() * ODD_VALUES.length)];
    return;
  }
}

describe('parseBackup fuzzing', () => {
  it('refuses every damaged backup with a BackupError, or accepts one that restores cleanly', async () => {
    const db = await journal();
    const { person: ada } = await createPerson(db, {
      name: 'Ada',
      emails: ['ada@example.org'],
      birthday: '--12-10',
    });
    const { person: bob } = await createPerson(db, { name: 'Bob', addresses: ['1 High St'] });
    await recordEncounter(db, { date: '2026-01-02', participantIds: [ada.id, bob.id], notes: 'Lunch' });
    await setPreferences(db, { theme: 'dark' });
    const text = backupToJson(await createBackup(db));

    let refused = 0;
    let restored = 0;
    for (let seed = 1; seed <= 400; seed++) {
      const next = randomLcg(seed);
      let damaged: string;
      if (seed % 10 === 0) {
        damaged = text.slice(0, Math.floor(next() * text.length)); // truncated file
      } else {
        const json = JSON.parse(text) as Json;
        for (let k = 0, n = 1 + Math.floor(next() * 3); k < n; k++) mutate(json, next);
        damaged = JSON.stringify(json);
      }
      let parsed;
      try {
        parsed = parseBackup(damaged);
      } catch (err) {
        expect(err, `seed ${seed}`).toBeInstanceOf(BackupError);
        expect((err as BackupError).issues.length, `seed ${seed}`).toBeGreaterThan(0);
        refused++;
        continue;
      }
      // Whatever parseBackup accepts, the storage must accept too: a restore never fails half-way.
      if (restored < 8) {
        // One at a time: the open RxDB core allows 13 collections open at once (two journals).
        const fresh = await openTestDatabase();
        try {
          await expect(
            restoreBackup(fresh, parsed, { mode: 'replace' }),
            `seed ${seed}`,
          ).resolves.toBeDefined();
        } finally {
          await fresh.close();
        }
        restored++;
      }
    }
    expect(refused).toBeGreaterThan(200);
  });
});
