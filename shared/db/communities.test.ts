import { afterEach, describe, expect, it } from 'vitest';
import { ValidationError } from '../domain/validation';
import {
  createCommunity,
  createFollowUp,
  createPerson,
  createTie,
  deleteCommunity,
  deleteFollowUp,
  deleteTie,
  recordEncounter,
  undoChange,
  updateCommunity,
  updateFollowUp,
  updateTie,
  type KithDatabase,
} from './index';
import { openTestDatabase, snapshot } from './testing';

let db: KithDatabase;
afterEach(async () => {
  await db?.close();
});

describe('communities', () => {
  it('delete keeps the encounters but detaches them and the members; undo reattaches', async () => {
    db = await openTestDatabase();
    const { community } = await createCommunity(db, { name: 'Riverside Runners', kind: 'club' });
    const { person } = await createPerson(db, { name: 'Ada', communityIds: [community.id] });
    const { encounter } = await recordEncounter(db, {
      date: '2026-04-01',
      participantIds: [person.id],
      communityId: community.id,
    });
    await updateCommunity(db, community.id, { notes: 'Saturdays' });
    const before = await snapshot(db);

    const change = await deleteCommunity(db, community.id);
    expect(await db.communities.count().exec()).toBe(0);
    expect((await db.encounters.findOne(encounter.id).exec())!.communityId).toBe('');
    expect((await db.people.findOne(person.id).exec())!.communityIds).toEqual([]);

    await undoChange(db, change);
    expect(await snapshot(db)).toEqual(before);
  });

  it('refuses an unknown kind with a message naming it', async () => {
    db = await openTestDatabase();
    await expect(createCommunity(db, { name: 'X', kind: 'pub' as never })).rejects.toThrow(
      /^Kind must be one of/,
    );
  });
});

describe('ties', () => {
  it('stores the pair in one order whichever way it was entered, and refuses duplicates and self-ties', async () => {
    db = await openTestDatabase();
    const { person: a } = await createPerson(db, { name: 'Ada' });
    const { person: b } = await createPerson(db, { name: 'Bob' });
    const { tie } = await createTie(db, { aId: b.id, bId: a.id, kind: 'friend' });
    expect([tie.aId, tie.bId]).toEqual([a.id, b.id].sort());

    await expect(createTie(db, { aId: a.id, bId: b.id, kind: 'friend' })).rejects.toThrow(
      'These two people already have a “Friends” tie.',
    );
    await expect(createTie(db, { aId: a.id, bId: a.id, kind: 'friend' })).rejects.toThrow(ValidationError);
    await expect(createTie(db, { aId: a.id, bId: 'ghost', kind: 'friend' })).rejects.toThrow('Second person');
    // Another kind of tie between the same two people is a different fact.
    const { tie: colleagues } = await createTie(db, { aId: a.id, bId: b.id, kind: 'colleague' });
    await expect(updateTie(db, colleagues.id, { kind: 'friend' })).rejects.toThrow('already have');
    await updateTie(db, colleagues.id, { notes: 'Same team' });

    const change = await deleteTie(db, tie.id);
    expect(await db.ties.count().exec()).toBe(1);
    await undoChange(db, change);
    expect(await db.ties.count().exec()).toBe(2);
  });
});

describe('follow-ups', () => {
  it('can be created, completed, deleted and restored', async () => {
    db = await openTestDatabase();
    const { person } = await createPerson(db, { name: 'Ada' });
    const { followUp } = await createFollowUp(db, {
      text: 'Send the paper',
      personId: person.id,
      due: '2026-06-01',
    });
    const { followUp: done, change } = await updateFollowUp(db, followUp.id, { done: true });
    expect(done.done).toBe(true);
    expect(change.label).toBe('Complete follow-up');
    await expect(createFollowUp(db, { text: 'x', encounterId: 'ghost' })).rejects.toThrow(
      'Encounter: there is no encounter with id “ghost”.',
    );
    const removal = await deleteFollowUp(db, followUp.id);
    expect(await db.followups.count().exec()).toBe(0);
    await undoChange(db, removal);
    expect((await db.followups.findOne(followUp.id).exec())!.done).toBe(true);
  });
});
