/**
 * Test support only (never imported by the app): small hand-made journals in the stored shapes, so
 * each test states only what it is about.
 */
import type { Encounter, Person, Tie } from '../domain/entities';
import { addDays } from '../domain/days';
import { blankPerson } from '../db/documents';

export const OWNER = 'owner';
export const START = '2020-01-01';

const tracked = (id: string) => ({ id, createdAt: Date.UTC(2020, 0, 1), updatedAt: 0, fieldTimes: {} });

export function person(id: string, extra: Partial<Person> = {}): Person {
  return { ...tracked(id), ...blankPerson(), name: id, isOwner: id === OWNER, ...extra };
}

let encounters = 0;

/** An encounter `day` days after START (or on a 'YYYY-MM-DD' day): one-to-one, in person, unrated. */
export function encounter(
  day: number | string,
  participantIds: string[],
  extra: Partial<Encounter> = {},
): Encounter {
  encounters += 1;
  return {
    ...tracked(`e${encounters}`),
    date: typeof day === 'string' ? day : addDays(START, day),
    time: '',
    durationMinutes: 0,
    context: 'other',
    channel: 'in-person',
    place: '',
    title: '',
    participantIds,
    initiatorId: '',
    rating: 0,
    notes: '',
    communityId: '',
    tags: [],
    ...extra,
  };
}

export function tie(a: string, b: string, kind: Tie['kind'] = 'friend', since = ''): Tie {
  const [aId, bId] = a < b ? [a, b] : [b, a];
  return { ...tracked(`t-${aId}-${bId}`), aId, bId, kind, notes: '', since };
}

/** The day `days` after START. */
export const on = (days: number) => addDays(START, days);
