import { afterEach, describe, expect, it } from 'vitest';
import type { Person } from '../../shared/domain/entities';
import { createPerson, deletePerson, updatePerson, type KithDatabase } from '../../shared/db';
import { openTestDatabase } from '../../shared/db/testing';
import { watchCollection } from './collectionFeed';

let db: KithDatabase | undefined;
let stop: (() => void) | undefined;
afterEach(async () => {
  stop?.();
  stop = undefined;
  await db?.remove();
  db = undefined;
});

/** Starts watching the people: every list delivered, and a wait for the list to show given names. */
function watchPeople(database: KithDatabase, sliceMs?: number) {
  const lists: Person[][] = [];
  let wake: (() => void) | null = null;
  stop = watchCollection(
    database.people,
    (docs) => {
      lists.push(docs as Person[]);
      wake?.();
    },
    sliceMs,
  );
  return {
    lists,
    /** Resolves once the latest list's names (sorted) are `expected`. */
    shows: (expected: string[]) =>
      new Promise<void>((resolve) => {
        const names = () => (lists.at(-1) ?? []).map((p) => p.name).sort();
        const check = () =>
          JSON.stringify(names()) === JSON.stringify(expected) ? resolve() : (wake = check);
        check();
      }),
  };
}

describe('watchCollection (the network worker’s feed)', () => {
  it('delivers every document, copied over several slices, as plain objects without storage fields', async () => {
    db = await openTestDatabase();
    for (const name of ['Ana', 'Ben', 'Cleo', 'Dev', 'Eli']) await createPerson(db, { name });
    const feed = watchPeople(db, 0);
    await feed.shows(['Ana', 'Ben', 'Cleo', 'Dev', 'Eli', 'Me']);
    expect(feed.lists).toHaveLength(1);
    const ana = feed.lists[0]?.find((p) => p.name === 'Ana');
    expect(Object.keys(ana ?? {}).filter((key) => key.startsWith('_'))).toEqual([]);
    expect(ana).toEqual((await db.people.findOne(ana?.id).exec())?.toJSON());
  });

  it('follows additions, edits and deletions after the first read', async () => {
    db = await openTestDatabase();
    const { person: ana } = await createPerson(db, { name: 'Ana' });
    const feed = watchPeople(db);
    await feed.shows(['Ana', 'Me']);

    await createPerson(db, { name: 'Ben' });
    await feed.shows(['Ana', 'Ben', 'Me']);

    await updatePerson(db, ana.id, { name: 'Anaïs' });
    await feed.shows(['Anaïs', 'Ben', 'Me']);
    expect(feed.lists.at(-1)?.find((p) => p.id === ana.id)?.name).toBe('Anaïs');

    await deletePerson(db, ana.id);
    await feed.shows(['Ben', 'Me']);
  });

  it('does not lose a change made while the first read is still running', async () => {
    db = await openTestDatabase();
    for (const name of ['Ana', 'Ben', 'Cleo']) await createPerson(db, { name });
    const feed = watchPeople(db, 0);
    await createPerson(db, { name: 'Dev' });
    // However the write and the read interleave, the list ends with Dev in it.
    await feed.shows(['Ana', 'Ben', 'Cleo', 'Dev', 'Me']);
  });

  it('stops delivering once stopped', async () => {
    db = await openTestDatabase();
    const feed = watchPeople(db);
    await feed.shows(['Me']);
    stop?.();
    await createPerson(db, { name: 'Ben' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(feed.lists).toHaveLength(1);
  });
});
