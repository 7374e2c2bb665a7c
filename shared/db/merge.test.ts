import { afterEach, describe, expect, it } from 'vitest';
import {
  createCommunity,
  createFollowUp,
  createPerson,
  createTie,
  mergePeople,
  OWNER_ID,
  recordEncounter,
  undoChange,
  type KithDatabase,
} from './index';
import { openTestDatabase, snapshot } from './testing';

let db: KithDatabase;
afterEach(async () => {
  await db?.close();
});

describe('mergePeople', () => {
  it('folds one record into the other and moves every reference; undo restores both', async () => {
    db = await openTestDatabase();
    const { community } = await createCommunity(db, { name: 'Chess club', kind: 'club' });
    const { person: keep } = await createPerson(db, {
      name: 'Robert Smith',
      emails: ['bob@work.example'],
      tags: ['chess'],
      notes: 'Plays Sicilian.',
    });
    const { person: dup } = await createPerson(db, {
      name: 'Bob Smith',
      aliases: ['Bobby'],
      organisation: 'Acme',
      emails: ['bob@home.example', 'bob@work.example'],
      tags: ['chess', 'cycling'],
      notes: 'Has two kids.',
      communityIds: [community.id],
      wantToReach: true,
    });
    const { person: carol } = await createPerson(db, { name: 'Carol', introducedById: dup.id });
    const { encounter: both } = await recordEncounter(db, {
      date: '2026-01-10',
      participantIds: [keep.id, dup.id, carol.id],
      initiatorId: dup.id,
    });
    await createTie(db, { aId: dup.id, bId: carol.id, kind: 'friend' });
    await createTie(db, { aId: keep.id, bId: carol.id, kind: 'friend' });
    await createTie(db, { aId: keep.id, bId: dup.id, kind: 'colleague' });
    const { followUp } = await createFollowUp(db, { text: 'Lend Bob the book', personId: dup.id });
    const before = await snapshot(db);

    const change = await mergePeople(db, keep.id, dup.id);

    expect(await db.people.findOne(dup.id).exec()).toBeNull();
    const merged = (await db.people.findOne(keep.id).exec())!.toMutableJSON();
    expect(merged).toMatchObject({
      name: 'Robert Smith',
      aliases: ['Bob Smith', 'Bobby'],
      organisation: 'Acme',
      emails: ['bob@work.example', 'bob@home.example'],
      tags: ['chess', 'cycling'],
      notes: 'Plays Sicilian.\n\nHas two kids.',
      communityIds: [community.id],
      wantToReach: true,
    });
    expect((await db.encounters.findOne(both.id).exec())!.toMutableJSON()).toMatchObject({
      participantIds: [keep.id, carol.id],
      initiatorId: keep.id,
    });
    // The duplicate friend tie and the self-tie (the two records with each other) disappear.
    const ties = (await db.ties.find().exec()).map((t) => t.toMutableJSON());
    expect(ties).toHaveLength(1);
    expect([ties[0]!.aId, ties[0]!.bId].sort()).toEqual([keep.id, carol.id].sort());
    expect((await db.followups.findOne(followUp.id).exec())!.personId).toBe(keep.id);
    expect((await db.people.findOne(carol.id).exec())!.introducedById).toBe(keep.id);

    await undoChange(db, change);
    expect(await snapshot(db)).toEqual(before);
  });

  it('refuses merging the owner away, or a person into themselves', async () => {
    db = await openTestDatabase();
    const { person } = await createPerson(db, { name: 'Ada' });
    await expect(mergePeople(db, person.id, OWNER_ID)).rejects.toThrow('The owner (“me”) can only be kept');
    await expect(mergePeople(db, person.id, person.id)).rejects.toThrow('Choose two different people');
  });

  it('merging a record of myself into the owner takes it out of encounters, where the owner never appears', async () => {
    db = await openTestDatabase();
    const { person: alsoMe } = await createPerson(db, { name: 'Me (work account)' });
    const { person: ada } = await createPerson(db, { name: 'Ada' });
    const { encounter: withAda } = await recordEncounter(db, {
      date: '2026-01-10',
      participantIds: [alsoMe.id, ada.id],
    });
    const { encounter: onlyMe } = await recordEncounter(db, {
      date: '2026-01-11',
      participantIds: [alsoMe.id],
    });
    await mergePeople(db, OWNER_ID, alsoMe.id);
    expect((await db.encounters.findOne(withAda.id).exec())!.participantIds).toEqual([ada.id]);
    expect(await db.encounters.findOne(onlyMe.id).exec()).toBeNull();
  });
});
