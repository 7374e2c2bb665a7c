import { describe, expect, it } from 'vitest';
import { undoChange } from './change';
import { createPerson, recordEncounter, type KithDatabase } from './index';
import { encounterDocument, personDocument, trackedDocument } from './documents';
import { makeStamp } from './fieldTimes';
import { checkJournal, JournalCheck, type DanglingReference, type HealthProblem } from './health';
import { deleteStoredDocument, removeReference } from './healthFix';
import { loadSampleJournal } from './sample/load';
import { databasesClosedAfterEach } from './testing';

const journal = databasesClosedAfterEach();
const written = { ms: 1_764_000_000_000, stamp: makeStamp(1_764_000_000_000, 'other-device') };

/**
 * A journal as another device or an old backup could have left it: written straight into the
 * collections, past the forms' checks (the storage still checks the schema, which these pass).
 */
async function damagedJournal(): Promise<{ db: KithDatabase; ana: string }> {
  const db = await journal();
  const { person: ana } = await createPerson(db, { name: 'Ana' });
  await recordEncounter(db, { date: '2026-03-01', participantIds: [ana.id], title: 'Coffee' });
  await db.encounters.insert(
    encounterDocument('bad-day', { date: '2026-02-30', participantIds: [ana.id], title: 'Lunch' }, written),
  );
  await db.encounters.insert(
    encounterDocument('no-day', { date: 'not-a-date', participantIds: [ana.id] }, written),
  );
  await db.encounters.insert(
    encounterDocument(
      'ghosted',
      { date: '2026-03-02', participantIds: [ana.id, 'ghost'], initiatorId: 'ghost', title: 'Walk' },
      written,
    ),
  );
  await db.people.insert(personDocument('ben', { name: 'Ben', communityIds: ['gone-club'] }, written));
  await db.ties.insert(
    trackedDocument('t1', { aId: 'ben', bId: 'zed', kind: 'friend', notes: '', since: '' }, written),
  );
  await db.followups.insert(
    trackedDocument(
      'f1',
      { text: 'Send notes', personId: '', encounterId: 'deleted-meeting', due: '', done: false },
      written,
    ),
  );
  return { db, ana: ana.id };
}

const summary = (problems: HealthProblem[]) =>
  problems.map((p) => [p.kind, p.collection, p.docId, p.kind === 'dangling' ? `${p.field}→${p.fix}` : '']);

describe('checking the journal', () => {
  it('finds documents that break the rules and references that point at nothing, with the reason in words', async () => {
    const { db } = await damagedJournal();
    const report = await checkJournal(db);
    expect(report?.checked).toBe(9); // me, Ana, Ben, four encounters, a tie and a follow-up
    expect(summary(report!.problems)).toEqual([
      ['invalid', 'encounters', 'bad-day', ''],
      ['invalid', 'encounters', 'no-day', ''],
      ['dangling', 'people', 'ben', 'communityIds→remove-reference'],
      ['dangling', 'encounters', 'ghosted', 'participantIds→remove-reference'],
      ['dangling', 'encounters', 'ghosted', 'initiatorId→remove-reference'],
      ['dangling', 'ties', 't1', 'bId→delete'],
      ['dangling', 'followups', 'f1', 'encounterId→remove-reference'],
    ]);
    const [badDay, , club, walker, , tie] = report!.problems;
    expect(badDay).toMatchObject({
      label: 'Encounter “Lunch” on 2026-02-30',
      reason: 'date: Date “2026-02-30” is not a real day.',
    });
    expect(club).toMatchObject({
      label: 'Person “Ben”',
      reason: 'A community is a community that is not in the journal (id “gone-club”).',
    });
    expect(walker?.reason).toBe('A person met is a person that is not in the journal (id “ghost”).');
    expect(tie?.label).toBe('Tie between Ben and zed');
  });

  it('finds nothing in a healthy journal', async () => {
    const db = await journal();
    await loadSampleJournal(db, { today: '2026-11-26', seed: 3 });
    const report = await checkJournal(db);
    expect(report?.problems).toEqual([]);
    expect(report?.checked).toBeGreaterThan(50);
  });

  it('reads the journal a page at a time, pausing between pages and saying how far it got', async () => {
    const { db } = await damagedJournal();
    const progress: [number, number][] = [];
    let pauses = 0;
    const report = await checkJournal(db, {
      pageSize: 2,
      onProgress: ({ checked, total }) => progress.push([checked, total]),
      pause: async () => {
        pauses += 1;
      },
    });
    expect(pauses).toBeGreaterThanOrEqual(5);
    expect(progress[0]).toEqual([0, 9]);
    expect(progress.at(-1)).toEqual([9, 9]);
    expect(progress.map(([checked]) => checked)).toEqual([...progress.map(([c]) => c)].sort((a, b) => a - b));
    expect(report?.problems).toHaveLength(7);
  });

  it('counts a document edited while the check runs once', async () => {
    const { db, ana } = await damagedJournal();
    let edited = false;
    const report = await checkJournal(db, {
      pageSize: 2,
      pause: async () => {
        if (edited) return;
        edited = true;
        // Ana was on the first page; her new write time moves her to the end of the order pages follow.
        await db.people.upsert({ ...(await db.people.findOne(ana).exec())!.toMutableJSON(), role: 'Chef' });
      },
    });
    expect(report?.checked).toBe(9);
  });

  it('counts what is there, not what was deleted, and checks a page in chunks', async () => {
    const { db } = await damagedJournal();
    await (await db.encounters.findOne('bad-day').exec())!.remove();
    const progress: [number, number][] = [];
    const report = await checkJournal(db, {
      chunkSize: 1,
      onProgress: ({ checked, total }) => progress.push([checked, total]),
    });
    expect(progress[0]).toEqual([0, 8]);
    expect(progress.at(-1)).toEqual([8, 8]);
    expect(progress.length).toBeGreaterThanOrEqual(9);
    expect(report?.problems.some((p) => p.docId === 'bad-day')).toBe(false);
  });

  it('stops when asked, without a report', async () => {
    const { db } = await damagedJournal();
    expect(await checkJournal(db, { pageSize: 1, stopped: () => true })).toBeNull();
  });

  it('checks documents that break even the schema without throwing', () => {
    const check = new JournalCheck();
    check.add('encounters', [null, 'text', { id: 'x', participantIds: 'not a list' }]);
    const { problems } = check.finish();
    expect(problems.map((p) => p.kind)).toEqual(['invalid', 'invalid', 'invalid']);
    expect(problems[2]?.label).toBe('Encounter on no date');
  });
});

describe('repairing what the check found', () => {
  it('removes a missing participant (and them as initiator) in one undoable change', async () => {
    const { db, ana } = await damagedJournal();
    const report = await checkJournal(db);
    const ghost = report!.problems.find(
      (p): p is DanglingReference => p.kind === 'dangling' && p.field === 'participantIds',
    )!;
    const change = await removeReference(db, ghost);
    const walk = (await db.encounters.findOne('ghosted').exec())!.toJSON();
    expect(walk.participantIds).toEqual([ana]);
    expect(walk.initiatorId).toBe('');
    const after = await checkJournal(db);
    expect(after!.problems.some((p) => p.docId === 'ghosted')).toBe(false);
    await undoChange(db, change);
    expect((await db.encounters.findOne('ghosted').exec())!.toJSON().participantIds).toEqual([ana, 'ghost']);
  });

  it('refuses to remove what a document cannot stand without, saying what to do instead', async () => {
    const { db } = await damagedJournal();
    const report = await checkJournal(db);
    const tieEnd = report!.problems.find(
      (p): p is DanglingReference => p.kind === 'dangling' && p.field === 'bId',
    )!;
    await expect(removeReference(db, tieEnd)).rejects.toThrow(
      'Tie between Ben and zed needs both of its people: delete the tie instead.',
    );
  });

  it('deletes a document the check found, undoably, taking its follow-ups along as its page would', async () => {
    const { db } = await damagedJournal();
    const change = await deleteStoredDocument(db, 'encounters', 'bad-day', 'Encounter “Lunch” on 2026-02-30');
    expect(await db.encounters.findOne('bad-day').exec()).toBeNull();
    await undoChange(db, change);
    expect((await db.encounters.findOne('bad-day').exec())?.toJSON().date).toBe('2026-02-30');
    const tie = await deleteStoredDocument(db, 'ties', 't1', 'Tie between Ben and zed');
    expect(tie.entries.map((e) => e.id)).toEqual(['t1']);
  });
});
