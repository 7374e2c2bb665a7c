import { afterEach, describe, expect, it } from 'vitest';
import { addDays } from '../../domain/validation';
import { CONTEXT_KINDS } from '../../domain/kinds';
import { communityMembers, undoChange, type KithDatabase } from '../index';
import { loadSampleJournal } from './load';
import { openTestDatabase, snapshot } from '../testing';

let db: KithDatabase;
let other: KithDatabase | undefined;
afterEach(async () => {
  await db?.close();
  await other?.close();
  other = undefined;
});

const TODAY = '2026-11-26';

describe('loadSampleJournal', () => {
  it('loads a realistic year that ends today, and one undo removes it all', async () => {
    db = await openTestDatabase();
    const empty = await snapshot(db);
    const change = await loadSampleJournal(db, { today: TODAY });

    const people = (await db.people.find().exec()).map((d) => d.toMutableJSON());
    const encounters = (await db.encounters.find().exec()).map((d) => d.toMutableJSON());
    expect(people.length).toBeGreaterThanOrEqual(25);
    expect(await db.communities.count().exec()).toBe(6);
    expect(encounters).toHaveLength(60);
    expect(await db.ties.count().exec()).toBeGreaterThanOrEqual(5);
    expect(await db.followups.count().exec()).toBeGreaterThanOrEqual(3);
    expect(people.filter((p) => p.wantToReach).length).toBeGreaterThanOrEqual(1);

    const dates = encounters.map((e) => e.date).sort();
    expect(dates[dates.length - 1]! <= TODAY).toBe(true);
    expect(dates[0]! >= addDays(TODAY, -365)).toBe(true);
    expect(new Set(encounters.map((e) => e.context)).size).toBeGreaterThanOrEqual(8);
    expect(encounters.every((e) => (CONTEXT_KINDS as readonly string[]).includes(e.context))).toBe(true);
    expect(new Set(encounters.map((e) => e.channel)).size).toBeGreaterThanOrEqual(5);
    for (const c of await db.communities.find().exec()) {
      expect(communityMembers(c.id, people, encounters).length).toBeGreaterThan(1);
    }

    await undoChange(db, change);
    expect(await snapshot(db)).toEqual(empty);
  });

  it('is the same journal for the same day and seed', async () => {
    db = await openTestDatabase();
    other = await openTestDatabase();
    await loadSampleJournal(db, { today: TODAY });
    await loadSampleJournal(other, { today: TODAY });
    const shape = async (d: KithDatabase) => {
      const names = new Map((await d.people.find().exec()).map((p) => [p.id, p.name]));
      return (await d.encounters.find().exec())
        .map((e) =>
          [e.date, e.time, e.title, e.rating, e.participantIds.map((id) => names.get(id)).join(',')].join(
            '|',
          ),
        )
        .sort();
    };
    expect(await shape(db)).toEqual(await shape(other));
  });
});
