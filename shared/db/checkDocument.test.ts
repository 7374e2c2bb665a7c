import { describe, expect, it } from 'vitest';
import { generateNetwork } from '../sample';
import { checkStoredDocument, describeIssues } from './checkDocument';
import { encounterDocument, ownerDocument, personDocument } from './documents';
import { makeStamp } from './fieldTimes';

const written = { ms: 1_764_000_000_000, stamp: makeStamp(1_764_000_000_000, 'dev-a') };
const encounter = (fields: Record<string, unknown> = {}) => ({
  ...encounterDocument('e1', { date: '2026-11-26', participantIds: ['p1'] }, written),
  ...fields,
});

describe('checkStoredDocument', () => {
  it('accepts every document of a generated journal, and the owner every device creates', () => {
    const net = generateNetwork({ people: 60, ties: 150, encounters: 300, years: 3 }, 5);
    const all = [
      ['people', [net.owner, ...net.people]],
      ['encounters', net.encounters],
      ['communities', net.communities],
      ['ties', net.ties],
      ['followups', net.followUps],
    ] as const;
    for (const [collection, docs] of all) {
      for (const doc of docs) expect(checkStoredDocument(collection, doc), doc.id).toEqual([]);
    }
    expect(checkStoredDocument('people', ownerDocument(1, 'dev-a'))).toEqual([]);
  });

  it('refuses days the calendar lacks and text that is no day, naming the field', () => {
    for (const date of ['2026-02-30', 'not-a-date', '', '2026-13-01']) {
      const issues = checkStoredDocument('encounters', encounter({ date }));
      expect(issues.map((i) => i.path)).toContain('date');
    }
    expect(checkStoredDocument('encounters', encounter({ time: '25:00' }))[0]?.path).toBe('time');
    const followUp = {
      id: 'f1',
      createdAt: 1,
      updatedAt: 1,
      fieldTimes: {},
      text: 'Call',
      personId: '',
      encounterId: '',
      due: '2025-02-29',
      done: false,
    };
    expect(describeIssues(checkStoredDocument('followups', followUp))).toBe(
      'due: Due date “2025-02-29” is not a real day.',
    );
  });

  it('refuses a second owner, the owner among the people met, and a tie of one person with themselves', () => {
    const impostor = personDocument('p9', { name: 'Mallory', isOwner: true }, written);
    expect(checkStoredDocument('people', impostor)[0]?.path).toBe('isOwner');
    expect(checkStoredDocument('encounters', encounter({ participantIds: ['owner'] }))[0]?.message).toBe(
      '“Me” cannot be one of the people met.',
    );
    const tie = {
      id: 't1',
      createdAt: 1,
      updatedAt: 1,
      fieldTimes: {},
      aId: 'p1',
      bId: 'p1',
      kind: 'friend',
      notes: '',
      since: '',
    };
    expect(checkStoredDocument('ties', tie)[0]?.message).toBe('A tie needs two different people.');
  });

  it('refuses what the schema refuses (wrong types, unknown fields), damaged edit times and foreign ids', () => {
    expect(checkStoredDocument('encounters', encounter({ rating: 9 }))[0]?.path).toBe('rating');
    expect(checkStoredDocument('encounters', encounter({ extra: 1 })).length).toBeGreaterThan(0);
    expect(checkStoredDocument('encounters', encounter({ fieldTimes: { date: 'yesterday' } }))[0]?.path).toBe(
      'fieldTimes.date',
    );
    expect(checkStoredDocument('encounters', encounter({ id: '../x' }))[0]?.path).toBe('id');
    expect(checkStoredDocument('encounters', null)[0]?.message).toBe('It is not a document.');
  });
});
