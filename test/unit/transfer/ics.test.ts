import { describe, expect, it } from 'vitest';
import { ImportError, type EncounterCandidate } from '../../../shared/transfer/candidates';
import { importIcs } from '../../../shared/transfer/import';
import { fixtureText } from './fixtures';

const H1_2026 = { from: '2026-01-01', to: '2026-06-30' };

function read(name: string, timeZone: string, range = H1_2026) {
  return importIcs(name, fixtureText(name), { ...range, timeZone });
}

function when(e: EncounterCandidate): string {
  return `${e.day} ${e.time}`.trim();
}

describe('importIcs: Google Calendar', () => {
  const result = read('google-calendar.ics', 'America/New_York');
  const series = result.encounters.filter((e) => e.uid.startsWith('weekly-1on1-8f2a@google.com/'));

  it('expands the weekly series within the range, without the EXDATE and with the moved occurrence', () => {
    expect(series.map(when)).toEqual([
      '2026-01-06 10:00',
      '2026-01-13 10:00',
      // 2026-01-20 is excluded (EXDATE); 2026-01-27 was moved to Thursday 15:00 (RECURRENCE-ID).
      '2026-01-29 15:00',
      '2026-02-03 10:00',
      '2026-02-10 10:00',
      '2026-02-17 10:00',
      '2026-02-24 10:00',
      '2026-03-03 10:00',
      '2026-03-10 10:00',
      '2026-03-17 10:00',
      '2026-03-24 10:00',
    ]);
    expect(series[2]).toMatchObject({
      title: '1:1 Sam / Alex (moved)',
      durationMinutes: 30,
      ref: { line: 41 },
    });
    expect(new Set(series.map((e) => e.uid)).size).toBe(series.length);
  });

  it('reads title, place, notes and attendees (CN and mailto, organiser included once)', () => {
    expect(series[0]).toMatchObject({
      title: '1:1 Sam / Alex',
      place: 'Café Grumpy, 199 Diamond St',
      notes: 'Agenda:\n- roadmap\n- hiring, budget',
      durationMinutes: 30,
      attendees: [
        { name: '', email: 'alex@example.com' },
        { name: 'Sam Rivera', email: 'sam.rivera@example.com' },
      ],
    });
    const dinner = result.encounters.find((e) => e.uid === 'dinner-33@google.com');
    expect(dinner).toMatchObject({
      day: '2026-02-12',
      time: '13:00',
      durationMinutes: 90,
      attendees: [{ name: 'Nguyen, Linh', email: 'linh.nguyen@example.org' }],
    });
  });

  it('keeps all-day events on their date with no time, and leaves out events outside the range', () => {
    expect(result.encounters.find((e) => e.uid === 'allday-valentine@google.com')).toMatchObject({
      day: '2026-02-14',
      time: '',
      durationMinutes: 0,
    });
    expect(result.encounters.some((e) => e.uid === 'old@google.com')).toBe(false);
    expect(result.problems).toEqual([]);
  });

  it('shows times in the chosen zone, following both zones’ daylight-saving changes', () => {
    const berlin = read('google-calendar.ics', 'Europe/Berlin').encounters.filter((e) =>
      e.uid.startsWith('weekly-'),
    );
    // New York moves to summer time on 8 March, Berlin on 29 March: the gap is 6 hours, then 5, then 6 again.
    expect(berlin.map((e) => e.time)).toEqual([
      '16:00',
      '16:00',
      '21:00',
      '16:00',
      '16:00',
      '16:00',
      '16:00',
      '16:00',
      '15:00',
      '15:00',
      '15:00',
    ]);
    const all = read('google-calendar.ics', 'Europe/Berlin');
    expect(all.encounters.find((e) => e.uid === 'allday-valentine@google.com')?.day).toBe('2026-02-14');
  });

  it('includes the first and last day of the range', () => {
    const narrow = read('google-calendar.ics', 'America/New_York', { from: '2026-02-12', to: '2026-02-14' });
    expect(narrow.encounters.map((e) => e.uid)).toEqual([
      'dinner-33@google.com',
      'allday-valentine@google.com',
    ]);
  });
});

describe('importIcs: Outlook', () => {
  const result = read('outlook-calendar.ics', 'Europe/Berlin');

  it('resolves a Windows zone name through its VTIMEZONE and unfolds the description', () => {
    const review = result.encounters.find((e) => e.title === 'Quartalsreview Q1');
    expect(review).toMatchObject({
      day: '2026-03-03',
      time: '10:00',
      durationMinutes: 90,
      place: 'Besprechungsraum 4.12',
      notes:
        'Quarterly review with the Contoso team. Please bring the figures for Q1 and the updated forecast; we will also discuss the rollout plan.\n\nDial-in: +49 30 1234 5678',
      ref: { record: 1, line: 21 },
    });
    // The room is a resource, not a person.
    expect(review?.attendees).toEqual([
      { name: 'Müller, Jürgen', email: 'juergen.mueller@contoso.example' },
      { name: 'Schmidt, Anna', email: 'anna.schmidt@contoso.example' },
    ]);
  });

  it('drops the cancelled occurrence of a counted series', () => {
    const standups = result.encounters.filter((e) => e.title === 'Standup');
    expect(standups.map((e) => e.day)).toEqual([
      '2026-03-02',
      '2026-03-03',
      '2026-03-05',
      '2026-03-06',
      '2026-03-09',
      '2026-03-10',
      '2026-03-11',
      '2026-03-12',
      '2026-03-13',
    ]);
    expect(standups.every((e) => e.time === '09:15' && e.durationMinutes === 15)).toBe(true);
  });

  it('converts to another zone', () => {
    const review = read('outlook-calendar.ics', 'UTC').encounters.find(
      (e) => e.title === 'Quartalsreview Q1',
    );
    expect(review).toMatchObject({ day: '2026-03-03', time: '09:00' });
  });
});

describe('importIcs: Apple Calendar', () => {
  const result = read('apple-calendar.ics', 'Europe/London');

  it('expands a monthly rule plus an RDATE across the daylight-saving change', () => {
    const club = result.encounters.filter((e) => e.title === 'Book club');
    expect(club.map(when)).toEqual([
      '2026-03-05 19:00',
      '2026-04-02 19:00',
      '2026-04-16 19:00',
      '2026-05-07 19:00',
      '2026-06-04 19:00',
    ]);
    expect(club[0]).toMatchObject({
      durationMinutes: 120,
      place: 'The Crown, Islington',
      attendees: [{ name: 'Maya Patel', email: 'maya@example.co.uk' }],
    });
  });

  it('keeps floating times as written and multi-day all-day events on their first day', () => {
    expect(result.encounters.find((e) => e.uid === 'floating-lunch')).toMatchObject({
      day: '2026-03-20',
      time: '12:30',
      durationMinutes: 60,
    });
    expect(
      read('apple-calendar.ics', 'Asia/Tokyo').encounters.find((e) => e.uid === 'floating-lunch')?.time,
    ).toBe('12:30');
    expect(result.encounters.find((e) => e.uid === 'trip-lisbon')).toMatchObject({
      day: '2026-04-10',
      time: '',
    });
    expect(result.problems).toEqual([]);
  });
});

describe('importIcs: broken and hostile calendars', () => {
  const result = read('broken-calendar.ics', 'Europe/Berlin');
  const messages = result.problems.map((p) => p.message);

  it('imports what it can: an IANA TZID without VTIMEZONE, markup kept as text, control characters gone', () => {
    expect(result.encounters).toHaveLength(1);
    expect(result.encounters[0]).toMatchObject({
      day: '2026-03-10',
      time: '01:00',
      title: '<b>Call</b> with <script>alert(1)</script>Kenji',
    });
  });

  it('names each broken event by line: bad value, mismatched END, endless rule, cut-off end', () => {
    expect(messages).toEqual([
      'line 15, event 3: END:VEVENT at line 20 does not close BEGIN:VALARM; skipped.',
      'line 27, event 5: no END:VEVENT (the file may be cut short); skipped.',
      expect.stringMatching(/^line 10, event 2: could not be read \(invalid date-time value/),
      expect.stringMatching(/^line 21, event 4: repeats too often to expand fully; stopped at 2000-01-02\.$/),
    ]);
  });

  it('still expands a daily series that began decades before the range', () => {
    const text =
      'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:walk\r\nDTSTART:20000101T070000Z\r\nRRULE:FREQ=DAILY\r\nSUMMARY:Walk\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n';
    const walk = importIcs('walk.ics', text, { from: '2026-03-01', to: '2026-03-07', timeZone: 'UTC' });
    expect(walk.encounters.map((e) => e.day)).toEqual([
      '2026-03-01',
      '2026-03-02',
      '2026-03-03',
      '2026-03-04',
      '2026-03-05',
      '2026-03-06',
      '2026-03-07',
    ]);
    expect(walk.problems).toEqual([]);
  });

  it('throws ImportError for a file with no calendar and for a bad range', () => {
    expect(() => importIcs('x.ics', 'hello', { ...H1_2026, timeZone: 'UTC' })).toThrow(ImportError);
    expect(() => importIcs('x.ics', 'hello', { ...H1_2026, timeZone: 'UTC' })).toThrow(
      'x.ics, line 1: no calendar found',
    );
    expect(() =>
      importIcs('card.ics', 'BEGIN:VCARD\r\nFN:A\r\nEND:VCARD\r\n', { ...H1_2026, timeZone: 'UTC' }),
    ).toThrow('card.ics, line 1: no calendar found');
    expect(() => importIcs('x.ics', 'BEGIN:VCALENDAR', { from: '2026-02-01', to: '2026-01-01' })).toThrow(
      /is not a range of real days/,
    );
    expect(() => importIcs('x.ics', 'BEGIN:VCALENDAR', { ...H1_2026, timeZone: 'Mars/Olympus' })).toThrow(
      /time zone “Mars\/Olympus” is not known/,
    );
  });

  it('returns nothing, without problems, for an empty calendar', () => {
    expect(
      importIcs('x.ics', 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n', {
        ...H1_2026,
        timeZone: 'UTC',
      }),
    ).toEqual({
      format: 'ics',
      people: [],
      encounters: [],
      problems: [],
    });
  });
});
