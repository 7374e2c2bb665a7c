/**
 * Large, realistic import files built in memory (seeded, so the same size gives the same text): the scale tests
 * and the transfer figures ("vcard", "csv", "ics") read these instead of committing megabytes of fixtures.
 */
import { randomLcg } from 'd3-random';

const FIRST = [
  'Ana',
  'Chidi',
  'Siobhán',
  'Wei',
  'Priya',
  'Jürgen',
  'Zoé',
  'Kwame',
  'Mei',
  'Lars',
  'Fatima',
  'José',
];
const LAST = [
  'López',
  'Okafor',
  "O'Brien",
  'Zhang',
  'Raman',
  'Müller',
  'Lefèvre',
  'Mensah',
  'Tanaka',
  'Nilsson',
];
const ORGS = ['Acme, Inc.', 'Fabrikam', 'Contoso GmbH', 'Northwind Traders', 'Tailspin Toys', ''];
const PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

function pick<T>(rnd: () => number, xs: readonly T[]): T {
  return xs[Math.floor(rnd() * xs.length)] as T;
}

function fold(line: string): string {
  const parts: string[] = [];
  for (let i = 0; i < line.length; i += 74) parts.push((i === 0 ? '' : ' ') + line.slice(i, i + 74));
  return parts.join('\r\n');
}

/** n cards as Apple/Google/Outlook write them: mostly 3.0, every 10th a quoted-printable 2.1 card, some photos. */
export function bigVcf(n: number, seed = 1): string {
  const rnd = randomLcg(seed);
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const first = pick(rnd, FIRST);
    const last = pick(rnd, LAST);
    const email = `${first.toLowerCase().replace(/[^a-z]/g, '')}.${i}@example.org`;
    if (i % 10 === 9) {
      out.push(
        'BEGIN:VCARD',
        'VERSION:2.1',
        `N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:${last.replace(/ü/g, '=C3=BC')};${first.replace(/é/g, '=C3=A9')}`,
        `FN:${first} ${last}`,
        'TEL;WORK;VOICE:+49 30 1234567',
        `EMAIL;PREF;INTERNET:${email}`,
        'NOTE;ENCODING=QUOTED-PRINTABLE:Met at the fair=0D=0Aasked about=',
        ' the offer',
        'END:VCARD',
      );
      continue;
    }
    out.push(
      'BEGIN:VCARD',
      'VERSION:3.0',
      `N:${last};${first};;;`,
      `FN:${first} ${last}`,
      `ORG:${pick(rnd, ORGS).replace(/,/g, '\\,')};`,
      `EMAIL;type=INTERNET;type=HOME:${email}`,
      `TEL;type=CELL:+1 555 ${String(1000 + (i % 9000))}`,
      `item1.ADR;type=HOME:;;${i} Harbour Road;Dublin;;D0${i % 10};Ireland`,
      fold(
        `NOTE:Contact number ${i}\\, met through ${pick(rnd, ORGS) || 'friends'}\\; ${'likes long walks. '.repeat(3)}`,
      ),
      i % 3 === 0
        ? 'BDAY;X-APPLE-OMIT-YEAR=1604:1604-03-17'
        : `BDAY:19${70 + (i % 30)}-0${1 + (i % 9)}-1${i % 10}`,
      ...(i % 50 === 0 ? [fold(`PHOTO;ENCODING=b;TYPE=PNG:${PNG}`)] : []),
      'CATEGORIES:myContacts,Friends',
      'END:VCARD',
    );
  }
  return out.join('\r\n') + '\r\n';
}

/** LinkedIn's Connections.csv with n rows (preamble included). */
export function bigLinkedInCsv(n: number, seed = 1): string {
  const rnd = randomLcg(seed);
  const out = [
    'Notes:',
    '"When exporting your connection data, you may notice that some of the email addresses are missing."',
    '',
    'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
  ];
  for (let i = 0; i < n; i++) {
    const first = pick(rnd, FIRST);
    const last = pick(rnd, LAST);
    const org = pick(rnd, ORGS);
    out.push(
      [
        first,
        last,
        `https://www.linkedin.com/in/${first.toLowerCase()}-${i}`,
        i % 4 === 0 ? `${first.toLowerCase()}.${i}@example.com` : '',
        org.includes(',') ? `"${org}"` : org,
        `"Engineer, team ${i % 40}"`,
        `${1 + (i % 28)} Mar 20${10 + (i % 15)}`,
      ].join(','),
    );
  }
  return out.join('\n') + '\n';
}

const NY_TZ = [
  'BEGIN:VTIMEZONE',
  'TZID:America/New_York',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:-0500',
  'TZOFFSETTO:-0400',
  'DTSTART:19700308T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:-0400',
  'TZOFFSETTO:-0500',
  'DTSTART:19701101T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

/** n VEVENTs across 2026 (zoned, UTC and all-day; every 20th a weekly series of 10) with two attendees each. */
export function bigIcs(n: number, seed = 1): string {
  const rnd = randomLcg(seed);
  const out = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Kith bench//EN', ...NY_TZ];
  const pad = (x: number) => String(x).padStart(2, '0');
  for (let i = 0; i < n; i++) {
    const month = 1 + (i % 12);
    const day = 1 + Math.floor(rnd() * 28);
    const hour = 8 + Math.floor(rnd() * 10);
    const date = `2026${pad(month)}${pad(day)}`;
    const kind = i % 20 === 0 ? 'weekly' : i % 7 === 0 ? 'allday' : i % 2 === 0 ? 'utc' : 'zoned';
    const start =
      kind === 'allday'
        ? `DTSTART;VALUE=DATE:${date}`
        : kind === 'utc'
          ? `DTSTART:${date}T${pad(hour)}0000Z`
          : `DTSTART;TZID=America/New_York:${date}T${pad(hour)}3000`;
    const end =
      kind === 'allday'
        ? `DTEND;VALUE=DATE:${date.slice(0, 6)}${pad(day + 1)}`
        : kind === 'utc'
          ? `DTEND:${date}T${pad(hour + 1)}0000Z`
          : `DTEND;TZID=America/New_York:${date}T${pad(hour + 1)}0000`;
    out.push(
      'BEGIN:VEVENT',
      `UID:event-${i}@bench.example`,
      'DTSTAMP:20260101T000000Z',
      start,
      end,
      ...(kind === 'weekly' ? ['RRULE:FREQ=WEEKLY;COUNT=10'] : []),
      `SUMMARY:Coffee with ${pick(rnd, FIRST)} #${i}`,
      `LOCATION:Café ${i % 30}\\, Main St`,
      fold(`DESCRIPTION:Talked about ${pick(rnd, ORGS) || 'life'}\\nand the next steps for project ${i}.`),
      `ATTENDEE;CN=${pick(rnd, FIRST)} ${pick(rnd, LAST)};PARTSTAT=ACCEPTED:mailto:person${i % 500}@example.com`,
      'ORGANIZER;CN=Me:mailto:me@example.com',
      'END:VEVENT',
    );
  }
  out.push('END:VCALENDAR');
  return out.join('\r\n') + '\r\n';
}
