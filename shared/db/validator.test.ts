import { afterEach, describe, expect, it } from 'vitest';
import type { KithDatabase } from './collections';
import { getOwner } from './database';
import { openTestDatabase } from './testing';

describe('storage validation (z-schema, compiled once per schema)', () => {
  let db: KithDatabase | undefined;
  afterEach(async () => {
    await db?.close();
    db = undefined;
  });

  it('refuses a document that bypasses our own validation, naming the field, and stores nothing', async () => {
    db = await openTestDatabase();
    const owner = await getOwner(db);
    const error = await db.people.insert({ ...owner, id: 'bad', isOwner: false, cadenceDays: -1 }).then(
      () => null,
      (e: unknown) => e as { parameters?: { writeError?: { validationErrors?: unknown } } },
    );
    expect(JSON.stringify(error?.parameters?.writeError?.validationErrors)).toContain('cadenceDays');
    expect(await db.people.findOne('bad').exec()).toBeNull();
  });

  it('accepts valid documents of every collection after the first refusal (the compiled schema is reused)', async () => {
    db = await openTestDatabase();
    const owner = await getOwner(db);
    await expect(
      db.people.insert({ ...owner, id: 'bad', isOwner: false, cadenceDays: -1 }),
    ).rejects.toThrow();
    await db.people.insert({ ...owner, id: 'ana', isOwner: false, name: 'Ana' });
    expect((await db.people.findOne('ana').exec())?.name).toBe('Ana');
  });
});
