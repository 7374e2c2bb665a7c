import { afterEach, describe, expect, it } from 'vitest';
import { ValidationError } from '../domain/validation';
import {
  createFollowUp,
  createPerson,
  deleteEncounter,
  OWNER_ID,
  recordEncounter,
  undoChange,
  updateEncounter,
  type KithDatabase,
} from './index';
import { openTestDatabase, snapshot } from './testing';

let db: KithDatabase;
afterEach(async () => {
  await db?.close();
});

async function refusal(p: Promise<unknown>): Promise<ValidationError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof ValidationError) return err;
    throw err;
  }
  throw new Error('expected a ValidationError');
}

describe('encounters', () => {
  it('records an encounter with existing people and people met for the first time, in one undoable change', async () => {
    db = await openTestDatabase();
    const { person: ada } = await createPerson(db, { name: 'Ada' });
    const before = await snapshot(db);
    const { encounter, created, change } = await recordEncounter(
      db,
      { date: '2026-05-04', time: '18:30', title: 'Meetup', participantIds: [ada.id], initiatorId: OWNER_ID },
      [{ name: 'Grace' }, { name: 'Linus', tags: ['kernel'] }],
    );
    expect(created.map((p) => p.name)).toEqual(['Grace', 'Linus']);
    expect(encounter.participantIds).toEqual([ada.id, ...created.map((p) => p.id)]);
    expect(await db.people.count().exec()).toBe(4);
    expect(change.entries).toHaveLength(3);

    await undoChange(db, change);
    expect(await snapshot(db)).toEqual(before);
  });

  it('an encounter made only of new people is fine', async () => {
    db = await openTestDatabase();
    const { encounter } = await recordEncounter(db, { date: '2026-05-04' }, [{ name: 'Grace' }]);
    expect(encounter.participantIds).toHaveLength(1);
  });

  it('saves nothing when the second new person is invalid', async () => {
    db = await openTestDatabase();
    const before = await snapshot(db);
    const err = await refusal(recordEncounter(db, { date: '2026-05-04' }, [{ name: 'Grace' }, { name: '' }]));
    expect(err.issues).toEqual([{ path: 'newPeople.1.name', message: 'A person needs a name.' }]);
    expect(await snapshot(db)).toEqual(before);
  });

  it('refuses participants that do not exist, the owner as a participant, and an outside initiator', async () => {
    db = await openTestDatabase();
    const { person: ada } = await createPerson(db, { name: 'Ada' });
    const { person: bob } = await createPerson(db, { name: 'Bob' });
    const before = await snapshot(db);
    expect(
      (await refusal(recordEncounter(db, { date: '2026-05-04', participantIds: [ada.id, 'ghost'] }))).issues,
    ).toEqual([{ path: 'participantIds.1', message: 'Participant: there is no person with id “ghost”.' }]);
    expect(
      (await refusal(recordEncounter(db, { date: '2026-05-04', participantIds: [OWNER_ID] }))).issues[0]
        ?.path,
    ).toBe('participantIds.0');
    expect(
      (
        await refusal(
          recordEncounter(db, { date: '2026-05-04', participantIds: [ada.id], initiatorId: bob.id }),
        )
      ).issues,
    ).toEqual([{ path: 'initiatorId', message: 'Initiated by must be you or one of the participants.' }]);
    expect(
      (await refusal(recordEncounter(db, { date: '2026-05-04', participantIds: [ada.id], communityId: 'x' })))
        .issues[0]?.path,
    ).toBe('communityId');
    expect(await snapshot(db)).toEqual(before);
  });

  it('updates only what changed and validates the result', async () => {
    db = await openTestDatabase();
    const { encounter } = await recordEncounter(db, { date: '2026-05-04', rating: 3 }, [{ name: 'Grace' }]);
    const { encounter: edited } = await updateEncounter(db, encounter.id, { rating: 5, notes: 'Great talk' });
    expect(edited).toMatchObject({ rating: 5, notes: 'Great talk', date: '2026-05-04' });
    expect(edited.fieldTimes.date).toBe(encounter.fieldTimes.date);
    expect(edited.fieldTimes.rating! > encounter.fieldTimes.rating!).toBe(true);
    await expect(updateEncounter(db, encounter.id, { date: '2026-02-30' })).rejects.toThrow(
      'Date must be a real day, like 2026-11-26.',
    );
    await expect(updateEncounter(db, encounter.id, { participantIds: [] })).rejects.toThrow(
      'An encounter needs at least one participant.',
    );
  });

  it('delete removes its follow-ups too; undo restores both', async () => {
    db = await openTestDatabase();
    const { encounter } = await recordEncounter(db, { date: '2026-05-04' }, [{ name: 'Grace' }]);
    await createFollowUp(db, { text: 'Send slides', encounterId: encounter.id });
    const before = await snapshot(db);
    const change = await deleteEncounter(db, encounter.id);
    expect(await db.encounters.count().exec()).toBe(0);
    expect(await db.followups.count().exec()).toBe(0);
    await undoChange(db, change);
    expect(await snapshot(db)).toEqual(before);
  });
});
