import { describe, expect, it } from 'vitest';
import type { Encounter, Person } from '../domain/entities';
import { encounterDocument, personDocument } from './documents';
import { makeStamp } from './fieldTimes';
import { communityMembers, compareEncountersNewestFirst, matchesFilter } from './queries';

const written = { ms: 0, stamp: makeStamp(0, 'test-device') };

const person = (id: string, name: string, extra: Partial<Person> = {}): Person =>
  personDocument(id, { name, ...extra }, written);

const encounter = (id: string, extra: Partial<Encounter> = {}): Encounter =>
  encounterDocument(id, { date: '2026-03-10', participantIds: ['ada'], ...extra }, written);

const people = new Map([
  ['ada', person('ada', 'Ada', { tags: ['Maths'] })],
  ['bob', person('bob', 'Bob')],
]);

describe('matchesFilter', () => {
  const e = encounter('e1', {
    context: 'club',
    channel: 'video',
    participantIds: ['ada', 'bob'],
    communityId: 'c1',
    tags: ['Chess'],
  });

  it('an empty filter (or empty lists) matches everything', () => {
    expect(matchesFilter(e, {}, people)).toBe(true);
    expect(matchesFilter(e, { contexts: [], channels: [], tag: '  ' }, people)).toBe(true);
  });

  it('filters by context kind and channel', () => {
    expect(matchesFilter(e, { contexts: ['club', 'meeting'] }, people)).toBe(true);
    expect(matchesFilter(e, { contexts: ['meeting'] }, people)).toBe(false);
    expect(matchesFilter(e, { channels: ['video'] }, people)).toBe(true);
    expect(matchesFilter(e, { channels: ['call', 'email'] }, people)).toBe(false);
  });

  it('filters by person (participant or initiator) and by community', () => {
    expect(matchesFilter(e, { personId: 'bob' }, people)).toBe(true);
    expect(matchesFilter(e, { personId: 'carol' }, people)).toBe(false);
    expect(matchesFilter(encounter('e2', { initiatorId: 'owner' }), { personId: 'owner' }, people)).toBe(
      true,
    );
    expect(matchesFilter(e, { communityId: 'c1' }, people)).toBe(true);
    expect(matchesFilter(e, { communityId: 'c2' }, people)).toBe(false);
  });

  it('matches a tag on the encounter or on any participant, ignoring case', () => {
    expect(matchesFilter(e, { tag: 'chess' }, people)).toBe(true);
    expect(matchesFilter(e, { tag: 'MATHS' }, people)).toBe(true);
    expect(matchesFilter(encounter('e3', { participantIds: ['bob'] }), { tag: 'maths' }, people)).toBe(false);
    expect(matchesFilter(e, { tag: 'math' }, people)).toBe(false);
  });

  it('includes both ends of the date range', () => {
    expect(matchesFilter(e, { from: '2026-03-10', to: '2026-03-10' }, people)).toBe(true);
    expect(matchesFilter(e, { from: '2026-03-11' }, people)).toBe(false);
    expect(matchesFilter(e, { to: '2026-03-09' }, people)).toBe(false);
    expect(matchesFilter(e, { from: '2026-01-01', to: '2026-12-31' }, people)).toBe(true);
  });

  it('combines filters with "and"', () => {
    expect(matchesFilter(e, { contexts: ['club'], personId: 'ada', tag: 'chess' }, people)).toBe(true);
    expect(matchesFilter(e, { contexts: ['club'], personId: 'carol' }, people)).toBe(false);
  });
});

describe('compareEncountersNewestFirst', () => {
  it('orders by day, then latest time with untimed last, then id', () => {
    const list = [
      encounter('b', { date: '2026-03-10', time: '' }),
      encounter('a', { date: '2026-03-10', time: '' }),
      encounter('c', { date: '2026-03-10', time: '09:00' }),
      encounter('d', { date: '2026-03-11', time: '08:00' }),
      encounter('e', { date: '2026-03-10', time: '17:30' }),
      encounter('f', { date: '2025-12-31', time: '23:59' }),
    ];
    expect(list.sort(compareEncountersNewestFirst).map((x) => x.id)).toEqual(['d', 'e', 'c', 'a', 'b', 'f']);
  });
});

describe('communityMembers', () => {
  it('lists explicit members and everyone met at the community, most encountered first', () => {
    const all = [
      person('ada', 'Ada', { communityIds: ['c1'] }),
      person('bob', 'Bob'),
      person('carol', 'Carol'),
      person('dan', 'Dan', { communityIds: ['c1'] }),
    ];
    const encounters = [
      encounter('1', { communityId: 'c1', participantIds: ['bob', 'ada'] }),
      encounter('2', { communityId: 'c1', participantIds: ['bob'] }),
      encounter('3', { communityId: 'c2', participantIds: ['carol'] }),
    ];
    expect(
      communityMembers('c1', all, encounters).map((m) => [m.person.id, m.explicit, m.encounterCount]),
    ).toEqual([
      ['bob', false, 2],
      ['ada', true, 1],
      ['dan', true, 0],
    ]);
  });
});
