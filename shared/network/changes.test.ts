import { describe, expect, it } from 'vitest';
import type { Community, Encounter, Person, Tie } from '../domain/entities';
import { generateNetwork } from '../sample';
import { monthsUntil, spanLabel, yearSpan, type DaySpan } from './changeSpan';
import { buildChangeIndex, changesBetween, TIE_GREW_BY, type NetworkChanges } from './changes';
import { changeSummary, namesList } from './changeSummary';
import { contactsByPerson } from './contacts';
import { dayNumber, dayString } from './days';
import { ownerTieKinds } from './ownerKinds';
import { DEFAULT_STRENGTH_SETTINGS, type StrengthSettings } from './settings';
import { ownerTieStrength } from './strength';
import { encounter, OWNER, person } from './testing';
import { buildTimeIndex, type TimeIndex } from './timeIndex';

interface Journal {
  people: Person[];
  encounters: Encounter[];
  ties: Tie[];
  communities: Community[];
}

function changesOf(journal: Journal, span: DaySpan): NetworkChanges {
  const index = buildTimeIndex(journal.people, journal.encounters, journal.ties);
  return changesBetween(index, buildChangeIndex(index, journal), span);
}

/**
 * Straight from the definitions, day by day: is a list of contact days fading on `day`? The usual
 * pause is the mean of the gaps longer than burstGapDays with one prior pause (priorGapDays), and
 * the silence must exceed fadingThreshold of them and last fadingMinDays (docs/strength.md).
 */
function fadingOn(days: readonly number[], day: number, s: StrengthSettings): boolean {
  const upTo = days.filter((d) => d <= day);
  if (upTo.length === 0) return false;
  let pauseDays = 0;
  let pauses = 0;
  for (let i = 1; i < upTo.length; i++) {
    const gap = (upTo[i] as number) - (upTo[i - 1] as number);
    if (gap > s.burstGapDays) {
      pauseDays += gap;
      pauses++;
    }
  }
  const usual = (pauseDays + s.priorGapDays) / (pauses + 1);
  const silence = day - (upTo[upTo.length - 1] as number);
  return silence / usual > s.fadingThreshold && silence >= s.fadingMinDays;
}

/** Went past its rhythm within the span: fading at its end, not fading on some day from the day before it. */
function fadedIn(days: readonly number[], span: DaySpan, s: StrengthSettings): boolean {
  if (!fadingOn(days, span.to, s)) return false;
  for (let d = span.from - 1; d < span.to; d++) if (!fadingOn(days, d, s)) return true;
  return false;
}

/** The brute-force reference: every answer from the encounters, with no time index. */
function reference(journal: Journal, index: TimeIndex, span: DaySpan) {
  const s = DEFAULT_STRENGTH_SETTINGS;
  const owner = journal.people.find((p) => p.isOwner)?.id as string;
  const others = journal.people.filter((p) => !p.isOwner);
  const days = new Map<string, number[]>();
  const visits = new Map<string, number[]>();
  for (const e of journal.encounters) {
    const d = dayNumber(e.date);
    for (const id of e.participantIds) if (id !== owner) days.set(id, [...(days.get(id) ?? []), d]);
    if (e.communityId) visits.set(e.communityId, [...(visits.get(e.communityId) ?? []), d]);
  }
  const sorted = (list: number[]) => [...new Set(list)].sort((a, b) => a - b);
  const { contacts } = contactsByPerson(journal.encounters, owner, new Set(others.map((p) => p.id)), s);
  const kinds = ownerTieKinds(journal.ties, owner, s);
  const met: string[] = [];
  const faded: string[] = [];
  const grew: string[] = [];
  for (const p of others) {
    const mine = sorted(days.get(p.id) ?? []);
    const first = mine[0];
    if (first === undefined || first > span.to) continue;
    if (first >= span.from) {
      met.push(p.id);
      continue;
    }
    if (fadedIn(mine, span, s)) {
      if (!p.archived) faded.push(p.id);
      continue;
    }
    const info = { kind: kinds.get(p.id) ?? null, cadenceDays: p.cadenceDays };
    const list = contacts.get(p.id) ?? [];
    const gain =
      ownerTieStrength(list, span.to, s, info, index.learned) -
      ownerTieStrength(list, span.from - 1, s, info, index.learned);
    if (gain >= TIE_GREW_BY) grew.push(p.id);
  }
  const joined: string[] = [];
  const left: string[] = [];
  for (const [id, list] of visits) {
    const mine = sorted(list);
    const first = mine[0] as number;
    if (first > span.to) continue;
    if (first >= span.from) joined.push(id);
    else if (fadedIn(mine, span, s)) left.push(id);
  }
  return { met, faded, grew, joined, left };
}

const ids = (list: readonly { personId: string }[]) => list.map((x) => x.personId).sort();
const communityIds = (list: readonly { communityId: string }[]) => list.map((x) => x.communityId).sort();

describe('what changed, against a brute-force reference on a generated journal', () => {
  const sample = generateNetwork({ people: 120, ties: 300, encounters: 2_000, years: 5 }, 11);
  const journal: Journal = {
    people: [sample.owner, ...sample.people],
    encounters: sample.encounters,
    ties: sample.ties,
    communities: sample.communities,
  };
  const index = buildTimeIndex(journal.people, journal.encounters, journal.ties);
  const changeIndex = buildChangeIndex(index, journal);
  const lastYear = Number(dayString(index.lastDay).slice(0, 4));
  const spans: DaySpan[] = [
    ...[4, 3, 2, 1, 0].map((back) => yearSpan(lastYear - back)),
    monthsUntil(index.lastDay - 200, 3),
    { from: index.lastDay - 40, to: index.lastDay - 40 },
  ];
  const totals = { met: 0, faded: 0, grew: 0, joined: 0, left: 0 };

  it.each(spans.map((span) => [spanLabel(span), span] as const))('%s', (_label, span) => {
    const got = changesBetween(index, changeIndex, span);
    const want = reference(journal, index, span);
    expect(ids(got.met)).toEqual(want.met.sort());
    expect(ids(got.faded)).toEqual(want.faded.sort());
    expect(ids(got.grew)).toEqual(want.grew.sort());
    expect(communityIds(got.joined)).toEqual(want.joined.sort());
    expect(communityIds(got.left)).toEqual(want.left.sort());
    for (const key of Object.keys(totals) as (keyof typeof totals)[]) totals[key] += want[key].length;
    for (const t of got.faded) {
      expect(t.fadedOn >= got.from && t.fadedOn <= got.to).toBe(true);
      expect(t.lastContact < t.fadedOn).toBe(true);
    }
    for (const t of got.grew) expect(t.after - t.before).toBeGreaterThanOrEqual(TIE_GREW_BY);
  });

  it('finds every kind of change somewhere in those spans, so the comparison above is not empty', () => {
    expect(totals.met).toBeGreaterThan(10);
    expect(totals.faded).toBeGreaterThan(5);
    expect(totals.grew).toBeGreaterThan(2);
    expect(totals.joined).toBeGreaterThan(0);
    expect(totals.left).toBeGreaterThan(0);
  });
});

describe('what changed, on hand-made journals', () => {
  const monthly = (id: string, from: string, count: number, extra: Partial<Encounter> = {}) =>
    Array.from({ length: count }, (_, k) => encounter(dayString(dayNumber(from) + 30 * k), [id], extra));
  const community = (id: string, name: string): Community => ({
    id,
    createdAt: 0,
    updatedAt: 0,
    fieldTimes: {},
    name,
    kind: 'club',
    notes: '',
    tags: [],
  });
  const journal: Journal = {
    people: [
      person(OWNER),
      person('Quiet Quinn'),
      person('Archie Archived', { archived: true }),
      person('Gina Grew'),
      person('Old Olga'),
      person('Rita Runner'),
      person('Ravi Runner'),
      person('Rosa Runner'),
      person('Nell New', { communityIds: ['parish'] }),
    ],
    encounters: [
      // Monthly at the parish through 2020, then silence: past its rhythm (180 days) in June 2021,
      // and so is the parish.
      ...monthly('Quiet Quinn', '2020-01-15', 12, { communityId: 'parish' }),
      ...monthly('Archie Archived', '2020-01-15', 12),
      // Once in 2019, then weekly through 2021: grew.
      encounter('2019-05-01', ['Gina Grew']),
      ...Array.from({ length: 50 }, (_, k) =>
        encounter(dayString(dayNumber('2021-01-04') + 7 * k), ['Gina Grew']),
      ),
      // Last seen in 2018: already lost before 2021, so not news in 2021.
      ...monthly('Old Olga', '2018-01-10', 6),
      // The runners, from March 2021.
      encounter('2021-03-06', ['Rita Runner', 'Ravi Runner'], { communityId: 'runners' }),
      encounter('2021-03-13', ['Rosa Runner', 'Rita Runner'], { communityId: 'runners' }),
      encounter('2021-09-01', ['Nell New']),
    ],
    ties: [],
    communities: [community('parish', "St Mary's parish"), community('runners', 'Riverside Runners')],
  };
  const year2021 = changesOf(journal, yearSpan(2021));

  it('names the people met for the first time, where, and mostly where', () => {
    expect(year2021.met.map((p) => [p.name, p.day, p.community])).toEqual([
      ['Ravi Runner', '2021-03-06', 'Riverside Runners'],
      ['Rita Runner', '2021-03-06', 'Riverside Runners'],
      ['Rosa Runner', '2021-03-13', 'Riverside Runners'],
      // Met one to one: where they belong stands in for where they were met.
      ['Nell New', '2021-09-01', "St Mary's parish"],
    ]);
    expect(year2021.mostlyAt).toEqual({ communityId: 'runners', name: 'Riverside Runners', people: 3 });
  });

  it('tells a tie that went past its rhythm in the span, not one lost before it or let go', () => {
    expect(year2021.faded.map((t) => [t.name, t.lastContact, t.fadedOn])).toEqual([
      ['Quiet Quinn', '2020-12-10', '2021-06-08'],
    ]);
    expect(year2021.faded[0]!.after).toBeLessThan(year2021.faded[0]!.before);
    // Quinn's silence seen a year later is old news; Nell, met once in September 2021, went quiet
    // past the shortest fading silence (180 days) in March 2022.
    expect(changesOf(journal, yearSpan(2022)).faded.map((t) => [t.name, t.fadedOn])).toEqual([
      ['Nell New', '2022-02-28'],
    ]);
  });

  it('tells a tie that grew by at least the threshold', () => {
    expect(year2021.grew.map((t) => t.name)).toEqual(['Gina Grew']);
    const gina = year2021.grew[0]!;
    expect(gina.after - gina.before).toBeGreaterThanOrEqual(TIE_GREW_BY);
    expect(changesOf(journal, yearSpan(2022)).grew).toEqual([]);
  });

  it('tells the communities joined and left', () => {
    expect(year2021.joined).toEqual([
      { communityId: 'runners', name: 'Riverside Runners', day: '2021-03-06', leftOn: '', people: 3 },
    ]);
    expect(year2021.left).toEqual([
      {
        communityId: 'parish',
        name: "St Mary's parish",
        day: '2020-12-10',
        leftOn: '2021-06-08',
        people: 1,
      },
    ]);
  });

  it('says it in one sentence, counted and listed in English, naming the closest new people', () => {
    // Nell was met one to one; Rita twice in a pair, Rosa once (more recently than Ravi).
    expect(changeSummary(year2021, '2021')).toBe(
      "2021: you met 4 new people, among them Nell New, Rita Runner and Rosa Runner, mostly at Riverside Runners; 1 tie faded (Quiet Quinn); 1 tie grew stronger (Gina Grew); you joined Riverside Runners and left St Mary's parish.",
    );
    expect(changeSummary(changesOf(journal, yearSpan(2017)), '2017')).toBe(
      '2017: you met nobody new; no tie faded or grew.',
    );
    expect(namesList(['A', 'B', 'C', 'D', 'E'])).toBe('A, B, C and 2 others');
    expect(namesList(['A', 'B', 'C', 'D'])).toBe('A, B, C and 1 other');
  });

  it('refuses a span that ends before it begins', () => {
    const index = buildTimeIndex(journal.people, journal.encounters, journal.ties);
    expect(() => changesBetween(index, buildChangeIndex(index, journal), { from: 100, to: 99 })).toThrow(
      /ends .* before it begins/,
    );
  });
});

describe('spans', () => {
  it('are whole years, the last months, and labelled the way the app writes days', () => {
    expect(spanLabel(yearSpan(2025))).toBe('2025');
    expect(spanLabel({ from: dayNumber('2026-01-01'), to: dayNumber('2026-12-07') })).toBe(
      '2026 until 7 Dec 2026',
    );
    const last12 = monthsUntil(dayNumber('2026-12-07'));
    expect(dayString(last12.from)).toBe('2025-12-08');
    expect(spanLabel(last12)).toBe('8 Dec 2025 – 7 Dec 2026');
    expect(dayString(monthsUntil(dayNumber('2024-03-31'), 1).from)).toBe('2024-03-01');
  });
});
