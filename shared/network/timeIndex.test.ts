import { randomLcg } from 'd3-random';
import { describe, expect, it } from 'vitest';
import type { Encounter, Person, Tie } from '../domain/entities';
import { CHANNELS, CONTEXT_KINDS, TIE_KINDS } from '../domain/kinds';
import { contactsByPerson } from './contacts';
import { dayNumber } from './days';
import { measureOwnerTie } from './measures';
import { ownerTieKinds } from './ownerKinds';
import { pairStrength, pairTies } from './pairs';
import { DEFAULT_STRENGTH_SETTINGS, type StrengthSettings } from './settings';
import { resolveStrengthSettings } from './settingsSchema';
import { ownerTieStrength } from './strength';
import { OWNER, encounter, on, person, tie } from './testing';
import { tieAt } from './tieDetail';
import { buildTimeIndex } from './timeIndex';

/** A random journal: bursty-ish dates, groups of 1..8, every channel, context and rating. */
function randomJournal(seed: number) {
  const r = randomLcg(seed);
  const int = (n: number) => Math.floor(r() * n);
  const pick = <T>(xs: readonly T[]) => xs[int(xs.length)] as T;
  const people: Person[] = [person(OWNER)];
  for (let i = 0; i < 30; i++)
    people.push(
      person(`p${i}`, {
        createdAt: Date.UTC(2020, 0, 1 + int(2000)),
        cadenceDays: r() < 0.3 ? 7 + int(400) : 0,
      }),
    );
  const ids = people.slice(1).map((p) => p.id);
  const encounters: Encounter[] = [];
  for (let k = 0; k < 400; k++) {
    const size = r() < 0.6 ? 1 : 2 + int(7);
    const who = [...new Set(Array.from({ length: size }, () => pick(ids.slice(0, 27))))];
    encounters.push(
      encounter(int(2200), who, {
        channel: pick(CHANNELS),
        context: pick(CONTEXT_KINDS),
        rating: r() < 0.5 ? 0 : 1 + int(5),
        initiatorId: r() < 0.3 ? '' : r() < 0.5 ? OWNER : pick(who),
      }),
    );
  }
  const ties: Tie[] = [];
  for (let k = 0; k < 40; k++) {
    const a = pick(ids);
    const b = pick(ids);
    if (a !== b) ties.push(tie(a, b, pick(TIE_KINDS), r() < 0.5 ? '' : on(int(2400) - 200)));
  }
  // The owner marks some people (some twice, as two devices might before a sync).
  for (let k = 0; k < 12; k++) ties.push(tie(OWNER, pick(ids), pick(TIE_KINDS)));
  return {
    people,
    encounters,
    ties,
    dates: Array.from({ length: 300 }, () => dayNumber(on(int(2800) - 100))),
  };
}

function close(actual: number, expected: number): boolean {
  return Math.abs(actual - expected) <= 1e-9 * Math.max(Math.abs(actual), Math.abs(expected)) + 1e-15;
}

function checkAgainstBruteForce(seed: number, settings: StrengthSettings) {
  const { people, encounters, ties, dates } = randomJournal(seed);
  const index = buildTimeIndex(people, encounters, ties, settings);
  const known = new Set(people.filter((p) => !p.isOwner).map((p) => p.id));
  const { contacts } = contactsByPerson(encounters, OWNER, known, settings);
  const kinds = ownerTieKinds(ties, OWNER, settings);
  const infoOf = (id: string) => ({
    kind: kinds.get(id) ?? null,
    cadenceDays: people.find((p) => p.id === id)?.cadenceDays ?? 0,
  });
  const pairs = new Map(pairTies(encounters, ties, OWNER, known, settings).map((p) => [`${p.a}|${p.b}`, p]));
  const appears = (id: string) => index.people[index.personIndex.get(id) as number]?.appears ?? NaN;
  const forward = [...dates].sort((a, b) => a - b);
  let compared = 0;
  // Random jumps (binary search), then a forward sweep (the moving pointer), then backwards.
  for (const day of [...dates, ...forward, ...[...forward].reverse()]) {
    const strengths = index.strengthsAt(day);
    index.ties.forEach((ref, i) => {
      const expected =
        ref.kind === 'owner'
          ? ownerTieStrength(contacts.get(ref.b) ?? [], day, settings, infoOf(ref.b), index.learned)
          : pairStrength(
              pairs.get(`${ref.a}|${ref.b}`) as NonNullable<ReturnType<typeof pairs.get>>,
              day,
              Math.max(appears(ref.a), appears(ref.b)),
              settings,
            );
      if (!close(strengths[i] as number, expected)) {
        throw new Error(
          `Tie ${i} (${ref.kind} ${ref.a}-${ref.b}) on day ${day}: index ${strengths[i]}, brute force ${expected}`,
        );
      }
      compared++;
    });
  }
  return { index, contacts, compared };
}

describe('the time index', () => {
  it('gives every tie the brute-force strength at any date, jumping or sliding', () => {
    const { index, compared } = checkAgainstBruteForce(1, DEFAULT_STRENGTH_SETTINGS);
    // The learned part and the owner's marks are on the path being compared.
    expect(index.learned).not.toBeNull();
    expect(index.ties.slice(0, index.ownerTieCount).some((t) => t.explicitKind !== null)).toBe(true);
    expect(index.ownerTieCount).toBeGreaterThan(20);
    expect(index.ties.length).toBeGreaterThan(index.ownerTieCount + 30);
    expect(compared).toBeGreaterThan(50_000);
  });

  it('stays exact with a one-day half-life over six years (no overflow in the decay sums)', () => {
    const settings = resolveStrengthSettings({
      intensityHalfLifeDays: 1,
      coAttendance: { halfLifeDays: 1 },
      groupSizeExponent: 0.5,
      burstinessPenalty: 0.5,
    });
    checkAgainstBruteForce(2, settings);
  });

  it('agrees with the brute force with every part of the model switched the other way', () => {
    const d = DEFAULT_STRENGTH_SETTINGS.model;
    const settings = resolveStrengthSettings({
      model: {
        contactPriorWeight: d.contactPriorWeight > 0 ? 0 : 2,
        countFirstMeeting: !d.countFirstMeeting,
        spanEndsAtLastContact: !d.spanEndsAtLastContact,
        reachingOut: !d.reachingOut,
        groupRatings: !d.groupRatings,
        cadenceEvidence: !d.cadenceEvidence,
      },
      learnFromRatings: false,
      silenceHalfLifeDays: { unmarked: 0, friend: 30 },
    });
    const { index } = checkAgainstBruteForce(5, settings);
    expect(index.learned).toBeNull();
  });

  it('reports the same measures as measuring one tie directly', () => {
    const { index, contacts } = checkAgainstBruteForce(3, DEFAULT_STRENGTH_SETTINGS);
    for (const day of [dayNumber(on(10)), dayNumber(on(900)), dayNumber(on(2500))]) {
      for (let i = 0; i < index.ownerTieCount; i++) {
        const detail = tieAt(index, i, day);
        if (detail.kind !== 'owner') throw new Error('owner ties come first');
        const direct = measureOwnerTie(contacts.get(detail.personId) ?? [], day, index.settings);
        if (direct === null) {
          expect(detail.measures).toBeNull();
          continue;
        }
        for (const [key, value] of Object.entries(direct)) {
          expect(close(detail.measures?.[key as keyof typeof direct] as number, value), key).toBe(true);
        }
      }
    }
  });

  it('is zero before a tie exists and fills a reused output array', () => {
    const { people, encounters, ties } = randomJournal(4);
    const index = buildTimeIndex(people, encounters, ties);
    const out = new Float64Array(index.ties.length).fill(7);
    index.strengthsAt(dayNumber(on(-1)), out);
    expect([...out].every((s) => s === 0)).toBe(true);
    expect(() => index.strengthsAt('2021-01-01', new Float64Array(3))).toThrow(/3 slots/);
  });

  it('refuses a journal without exactly one owner', () => {
    expect(() => buildTimeIndex([person('a')], [], [])).toThrow(/exactly one owner/);
  });

  it('leaves out participants who are not among the people, and says which', () => {
    const index = buildTimeIndex([person(OWNER), person('a')], [encounter(0, ['a', 'ghost'])], []);
    expect(index.ownerTieCount).toBe(1);
    expect(index.unknownPeople).toEqual(['ghost']);
  });
});
