import { describe, expect, it } from 'vitest';
import {
  communityInput,
  encounterInput,
  followUpInput,
  isFarFuture,
  personInput,
  tieInput,
  todayString,
  validate,
  ValidationError,
  parseOrThrow,
} from './validation';

function issuesOf(schema: Parameters<typeof validate>[0], data: unknown) {
  const result = validate(schema, data);
  if (result.ok) throw new Error('expected a refusal');
  return result.issues;
}

const encounter = { date: '2026-03-14', participantIds: ['p1'] };

describe('encounterInput', () => {
  it('accepts a minimal encounter and fills the defaults', () => {
    const result = validate(encounterInput, encounter);
    expect(result).toEqual({
      ok: true,
      value: {
        date: '2026-03-14',
        time: '',
        durationMinutes: 0,
        context: 'meeting',
        channel: 'in-person',
        place: '',
        title: '',
        participantIds: ['p1'],
        initiatorId: '',
        rating: 0,
        notes: '',
        communityId: '',
        tags: [],
      },
    });
  });

  it('refuses a missing date, naming it', () => {
    expect(issuesOf(encounterInput, { participantIds: ['p1'] })).toEqual([
      { path: 'date', message: 'An encounter needs a date.' },
    ]);
    expect(issuesOf(encounterInput, { date: '  ', participantIds: ['p1'] })).toEqual([
      { path: 'date', message: 'An encounter needs a date.' },
    ]);
  });

  it('refuses days that do not exist and other date shapes', () => {
    for (const date of ['2026-02-30', '2025-02-29', '2026-13-01', '2026-00-10', '26-03-14', '14/03/2026']) {
      expect(issuesOf(encounterInput, { ...encounter, date })).toEqual([
        { path: 'date', message: 'Date must be a real day, like 2026-11-26.' },
      ]);
    }
    expect(validate(encounterInput, { ...encounter, date: '2024-02-29' }).ok).toBe(true);
  });

  it('refuses an encounter without participants, whether the list is missing or empty', () => {
    const expected = [{ path: 'participantIds', message: 'An encounter needs at least one participant.' }];
    expect(issuesOf(encounterInput, { date: '2026-03-14' })).toEqual(expected);
    expect(issuesOf(encounterInput, { date: '2026-03-14', participantIds: [] })).toEqual(expected);
  });

  it('refuses a bad time but allows an unknown one', () => {
    for (const time of ['24:00', '9:30', '12:60', 'noon']) {
      expect(issuesOf(encounterInput, { ...encounter, time })).toEqual([
        { path: 'time', message: 'Time must be a time of day like 14:30, or left empty.' },
      ]);
    }
    expect(validate(encounterInput, { ...encounter, time: '' }).ok).toBe(true);
    expect(validate(encounterInput, { ...encounter, time: '23:59' }).ok).toBe(true);
  });

  it('refuses ratings outside 0..5 and fractions', () => {
    expect(issuesOf(encounterInput, { ...encounter, rating: 7 })).toEqual([
      { path: 'rating', message: 'Rating must be between 0 (not rated) and 5.' },
    ]);
    expect(issuesOf(encounterInput, { ...encounter, rating: 2.5 })[0]?.message).toBe(
      'Rating must be a whole number.',
    );
  });

  it('refuses a duration over a week and unknown contexts and channels', () => {
    expect(issuesOf(encounterInput, { ...encounter, durationMinutes: 7 * 24 * 60 + 1 })[0]?.path).toBe(
      'durationMinutes',
    );
    expect(issuesOf(encounterInput, { ...encounter, context: 'party' })[0]).toEqual({
      path: 'context',
      message: expect.stringMatching(/^Context must be one of: meeting, exhibition/),
    });
    expect(issuesOf(encounterInput, { ...encounter, channel: 'fax' })[0]?.path).toBe('channel');
  });

  it('trims text, drops duplicate participants and caps notes at 20,000 characters', () => {
    const result = validate(encounterInput, {
      ...encounter,
      title: '  Lunch  ',
      participantIds: ['p1', 'p1', 'p2'],
    });
    expect(result.ok && result.value.title).toBe('Lunch');
    expect(result.ok && result.value.participantIds).toEqual(['p1', 'p2']);
    expect(issuesOf(encounterInput, { ...encounter, notes: 'x'.repeat(20_001) })).toEqual([
      { path: 'notes', message: 'Notes must be at most 20000 characters.' },
    ]);
  });
});

describe('personInput', () => {
  it('needs a name and caps it at 200 characters', () => {
    expect(issuesOf(personInput, {})).toEqual([{ path: 'name', message: 'A person needs a name.' }]);
    expect(issuesOf(personInput, { name: '   ' })).toEqual([
      { path: 'name', message: 'A person needs a name.' },
    ]);
    expect(issuesOf(personInput, { name: 'x'.repeat(201) })).toEqual([
      { path: 'name', message: 'Name must be at most 200 characters.' },
    ]);
  });

  it('refuses lists that are not lists, and names the bad entry', () => {
    expect(issuesOf(personInput, { name: 'Ada', emails: 'ada@example.org' })).toEqual([
      { path: 'emails', message: 'Emails must be a list.' },
    ]);
    expect(issuesOf(personInput, { name: 'Ada', emails: ['ada@example.org', 'not an email'] })).toEqual([
      { path: 'emails.1', message: 'Email “not an email” must look like name@example.org.' },
    ]);
  });

  it('drops blank rows and repeats from lists', () => {
    const result = validate(personInput, { name: 'Ada', tags: ['maths', ' ', 'maths', 'poetry '] });
    expect(result.ok && result.value.tags).toEqual(['maths', 'poetry']);
  });

  it('never accepts the owner flag or bookkeeping from outside', () => {
    const result = validate(personInput, { name: 'Ada', isOwner: true, id: 'x', fieldTimes: {} });
    expect(result.ok && result.value).not.toHaveProperty('isOwner');
    expect(result.ok && result.value).not.toHaveProperty('id');
  });

  it('refuses a negative cadence with a sentence naming it', () => {
    expect(issuesOf(personInput, { name: 'Ada', cadenceDays: -1 })).toEqual([
      { path: 'cadenceDays', message: 'Keep-in-touch cadence must be between 0 (none) and 3650 days.' },
    ]);
  });

  it('names the field even where zod has no message of ours', () => {
    expect(issuesOf(personInput, { name: 'Ada', wantToReach: 'yes' })).toEqual([
      { path: 'wantToReach', message: 'Want to reach must be yes or no.' },
    ]);
    expect(issuesOf(personInput, null)[0]?.message).toBe('The input is not valid: wrong kind of value.');
  });
});

describe('communityInput, tieInput, followUpInput', () => {
  it('needs a community name and a known kind', () => {
    expect(issuesOf(communityInput, { kind: 'club' })).toEqual([
      { path: 'name', message: 'A community needs a name.' },
    ]);
    expect(issuesOf(communityInput, { name: 'Chess', kind: 'pub' })[0]?.path).toBe('kind');
  });

  it('refuses a tie from someone to themselves', () => {
    expect(issuesOf(tieInput, { aId: 'p1', bId: 'p1', kind: 'friend' })).toEqual([
      { path: 'bId', message: 'A tie needs two different people.' },
    ]);
    expect(issuesOf(tieInput, { aId: 'p1', kind: 'friend' })).toEqual([
      { path: 'bId', message: 'A tie needs two people.' },
    ]);
    expect(issuesOf(tieInput, { aId: 'p1', bId: 'p2', since: '2026-02-30' })).toEqual([
      { path: 'since', message: 'Since must be a real day, like 2026-11-26.' },
    ]);
  });

  it('needs follow-up text and a real due day', () => {
    expect(issuesOf(followUpInput, { text: '' })).toEqual([
      { path: 'text', message: 'A follow-up needs some text.' },
    ]);
    expect(issuesOf(followUpInput, { text: 'Call', due: 'tomorrow' })).toEqual([
      { path: 'due', message: 'Due date must be a real day, like 2026-11-26.' },
    ]);
  });
});

describe('ValidationError', () => {
  it('carries every issue and reads as sentences', () => {
    let caught: unknown;
    try {
      parseOrThrow(encounterInput, { rating: 9 }, 'encounter');
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(ValidationError);
    const err = caught as ValidationError;
    expect(err.issues.map((i) => i.path)).toEqual([
      'encounter.date',
      'encounter.participantIds',
      'encounter.rating',
    ]);
    expect(err.message).toBe(
      'An encounter needs a date. An encounter needs at least one participant. Rating must be between 0 (not rated) and 5.',
    );
  });
});

describe('dates', () => {
  it('isFarFuture: more than 30 days ahead, across month and year ends', () => {
    expect(isFarFuture('2026-12-26', '2026-11-26')).toBe(false); // exactly 30 days
    expect(isFarFuture('2026-12-27', '2026-11-26')).toBe(true);
    expect(isFarFuture('2027-01-30', '2026-12-31')).toBe(false);
    expect(isFarFuture('2027-01-31', '2026-12-31')).toBe(true);
    expect(isFarFuture('2020-01-01', '2026-11-26')).toBe(false);
  });

  it('todayString is the local calendar day', () => {
    expect(todayString(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
    expect(todayString(new Date(2026, 11, 31, 0, 0))).toBe('2026-12-31');
  });
});
