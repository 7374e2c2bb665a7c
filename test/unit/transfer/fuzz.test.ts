/**
 * Seeded fuzzing of every importer: fixtures mutated at random (truncated, bytes flipped, lines duplicated, dropped
 * or swapped, odd Unicode and control characters inserted). Each importer must return a ParsedImport whose fields
 * obey the journal's rules, or throw ImportError — nothing else, and never hang.
 * Reproduce a failure with FUZZ_SEED=<printed seed>; run longer with FUZZ_RUNS=<n per importer>.
 */
import { randomLcg } from 'd3-random';
import { describe, expect, it } from 'vitest';
import { LIMITS, isBirthday, isClockTime, isPhoto, isRealDay } from '../../../shared/domain/validation';
import { ImportError, type ParsedImport } from '../../../shared/transfer/candidates';
import { decodeText } from '../../../shared/transfer/decode';
import {
  detectFormat,
  importCsv,
  importGoogleCsv,
  importIcs,
  importLinkedInCsv,
  importVcard,
  previewCsv,
} from '../../../shared/transfer/import';
import { FIXTURES, fixtureText } from './fixtures';

// CI replays one known seed so a submission is judged on its code, not on the draw; elsewhere every
// run explores a new seed (printed, to replay a failure).
const SEED = Number(
  process.env.FUZZ_SEED ?? (process.env.CI ? 20261126 : Math.floor(Math.random() * 2 ** 31)),
);
const RUNS = Number(process.env.FUZZ_RUNS ?? 60);
console.log(`fuzz: FUZZ_SEED=${SEED} FUZZ_RUNS=${RUNS}`);

const ODD = [
  '\u0000',
  '\u0007',
  '\u001b[2J',
  '\u202e',
  '\uD800',
  '\uDFFF',
  '\uFEFF',
  '😀',
  'é',
  '\r',
  '\n ',
  '"',
  ';',
  ':',
  ',',
  '\\',
  '=',
  '=0',
  '\t',
  '<script>alert(1)</script>',
  'BEGIN:VCARD',
  'END:VEVENT',
  'BEGIN:VALARM',
  'RRULE:FREQ=SECONDLY',
  ' ::: ',
  'x'.repeat(5000),
];

type Rnd = () => number;

function int(rnd: Rnd, n: number): number {
  return Math.floor(rnd() * n);
}

function mutate(text: string, rnd: Rnd): Uint8Array {
  const lines = text.split('\n');
  for (let k = 1 + int(rnd, 3); k > 0; k--) {
    const i = int(rnd, lines.length);
    switch (int(rnd, 6)) {
      case 0: // duplicate a line
        lines.splice(i, 0, lines[i] ?? '');
        break;
      case 1: // drop a line
        lines.splice(i, 1);
        break;
      case 2: {
        // swap two lines
        const j = int(rnd, lines.length);
        [lines[i], lines[j]] = [lines[j] ?? '', lines[i] ?? ''];
        break;
      }
      case 3: {
        // insert odd text inside a line
        const line = lines[i] ?? '';
        const at = int(rnd, line.length + 1);
        lines[i] = line.slice(0, at) + ODD[int(rnd, ODD.length)] + line.slice(at);
        break;
      }
      case 4: // a line repeated many times
        lines.splice(i, 0, ...Array.from({ length: 50 }, () => lines[i] ?? ''));
        break;
      default: // random Unicode code points
        lines[i] =
          (lines[i] ?? '') +
          String.fromCodePoint(
            ...Array.from({ length: 8 }, () => (int(rnd, 0x10ffff) & ~0x800 ? int(rnd, 0xd7ff) : 0x41)),
          );
    }
  }
  let bytes = new TextEncoder().encode(lines.join('\n'));
  if (rnd() < 0.5) bytes = bytes.slice(0, int(rnd, bytes.length + 1)); // truncate
  if (rnd() < 0.5) {
    bytes = bytes.slice();
    for (let f = 1 + int(rnd, 8); f > 0 && bytes.length > 0; f--) {
      const at = int(rnd, bytes.length);
      bytes[at] = (bytes[at] ?? 0) ^ (1 << int(rnd, 8));
    }
  }
  return bytes;
}

// eslint-disable-next-line no-control-regex -- the invariant is about control characters
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;
const LINE_BREAK = /[\r\n]/;
// eslint-disable-next-line no-control-regex -- notes keep \n and \t, nothing else below U+0020
const NOTES_CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;

function checkLine(value: unknown, max: number, what: string): void {
  expect(typeof value, what).toBe('string');
  const s = value as string;
  expect(s.length, what).toBeLessThanOrEqual(max);
  expect(CONTROL.test(s) || LINE_BREAK.test(s), `${what}: ${JSON.stringify(s.slice(0, 80))}`).toBe(false);
}

/** What the preview and the commit rely on: the shape, and every field within the journal's rules. */
function checkParsed(result: ParsedImport): void {
  expect(
    Array.isArray(result.people) && Array.isArray(result.encounters) && Array.isArray(result.problems),
  ).toBe(true);
  for (const p of result.people) {
    expect(p.name.length).toBeGreaterThan(0);
    checkLine(p.name, LIMITS.name, 'name');
    checkLine(p.organisation, LIMITS.shortText, 'organisation');
    checkLine(p.role, LIMITS.shortText, 'role');
    for (const [list, max] of [
      [p.aliases, LIMITS.name],
      [p.emails, LIMITS.email],
      [p.phones, LIMITS.phone],
      [p.links, LIMITS.link],
      [p.addresses, LIMITS.address],
      [p.tags, LIMITS.tag],
    ] as const) {
      expect(list.length).toBeLessThanOrEqual(LIMITS.listItems);
      for (const item of list) checkLine(item, max, 'list item');
    }
    for (const e of p.emails) expect(e).toMatch(/^[^\s@]+@[^\s@]+$/);
    expect(isBirthday(p.birthday), p.birthday).toBe(true);
    expect(isPhoto(p.photo) && p.photo.length <= LIMITS.photo).toBe(true);
    expect(p.notes.length).toBeLessThanOrEqual(LIMITS.notes);
    expect(NOTES_CONTROL.test(p.notes)).toBe(false);
  }
  for (const e of result.encounters) {
    expect(isRealDay(e.day), e.day).toBe(true);
    expect(e.time === '' || isClockTime(e.time), e.time).toBe(true);
    expect(
      Number.isInteger(e.durationMinutes) &&
        e.durationMinutes >= 0 &&
        e.durationMinutes <= LIMITS.durationMinutes,
    ).toBe(true);
    checkLine(e.title, LIMITS.shortText, 'title');
    checkLine(e.place, LIMITS.shortText, 'place');
    expect(e.notes.length).toBeLessThanOrEqual(LIMITS.notes);
    for (const a of e.attendees) {
      checkLine(a.name, LIMITS.name, 'attendee');
      expect(a.email === '' || /^[^\s@]+@[^\s@]+$/.test(a.email)).toBe(true);
    }
  }
  for (const problem of result.problems) expect(typeof problem.message).toBe('string');
}

function fuzz(
  files: readonly string[],
  run: (file: string, text: string) => ParsedImport,
  salt: number,
): void {
  const rnd = randomLcg(((SEED + salt) / 2 ** 31) % 1);
  for (let i = 0; i < RUNS; i++) {
    const file = files[i % files.length] ?? '';
    const text = decodeText(mutate(fixtureText(file), rnd)).text;
    let result: ParsedImport | undefined;
    try {
      result = run(file, text);
    } catch (error) {
      if (!(error instanceof ImportError)) {
        throw new Error(`run ${i} on ${file} (FUZZ_SEED=${SEED}) threw ${String(error)}`, { cause: error });
      }
      expect(error.message.startsWith(file)).toBe(true);
      continue;
    }
    checkParsed(result);
    // detectFormat must never throw, whatever the bytes.
    detectFormat(file, text);
  }
}

describe(`importers under random mutation (FUZZ_SEED=${SEED})`, { timeout: 20_000 + RUNS * 250 }, () => {
  it('vCard', () => fuzz([...FIXTURES.vcard], importVcard, 1));
  it('LinkedIn CSV', () => fuzz(FIXTURES.linkedin, importLinkedInCsv, 2));
  it('Google CSV', () => fuzz(FIXTURES.google, importGoogleCsv, 3));
  it('generic CSV with the proposed mapping', () =>
    fuzz(FIXTURES.csv, (file, text) => importCsv(file, text, previewCsv(file, text).mapping), 4));
  it('iCalendar', () =>
    fuzz(
      FIXTURES.ics,
      (file, text) =>
        importIcs(file, text, { from: '2026-01-01', to: '2026-12-31', timeZone: 'Europe/Berlin' }),
      5,
    ));
});
