import { describe, expect, it } from 'vitest';
import type { Encounter, Tie } from '../domain/entities';
import { dayNumber } from './days';
import { tieAt } from './tieDetail';
import { DEFAULT_STRENGTH_SETTINGS, FACTOR_NAMES, SETTING_RATIONALE, type FactorName } from './settings';
import { parseStrengthSettings, resolveStrengthSettings, StrengthSettingsError } from './settingsSchema';
import { OWNER, encounter, on, person, tie } from './testing';
import { buildTimeIndex } from './timeIndex';

const people = ['a', 'b', 'c', 'd'].map((id) => person(id));

function ownerStrength(changes: object, encounters: Encounter[], day: number): number {
  const index = buildTimeIndex([person(OWNER), ...people], encounters, [], resolveStrengthSettings(changes));
  return index.strengthsAt(dayNumber(on(day)))[index.people[0]?.ownerTie as number] as number;
}

function pairStrengthOf(changes: object, encounters: Encounter[], ties: Tie[], day: number): number {
  const index = buildTimeIndex(
    [person(OWNER), ...people],
    encounters,
    ties,
    resolveStrengthSettings(changes),
  );
  const i = index.ties.findIndex((t) => t.kind === 'pair' && t.a === 'a' && t.b === 'b');
  return index.strengthsAt(dayNumber(on(day)))[i] as number;
}

const monthly = (extra: Partial<Encounter> = {}, who = ['a'], until = 720) =>
  Array.from({ length: until / 30 + 1 }, (_, k) => encounter(k * 30, who, extra));
const bursty = [0, 2, 4, 6, 300, 302, 304, 600, 601, 603].map((d) => encounter(d, ['a']));

/** Each setting, a journal it matters for, and whether raising it makes the tie stronger. */
/**
 * A factor the defaults leave out (weight 0: it did not help on generated journals) still follows
 * its settings once the owner gives it weight: the cases below give it one.
 */
const counting = (factor: FactorName, changes: object) => ({ ...changes, factorWeights: { [factor]: 1 } });
const rhythm = (changes: object) => counting('rhythm', changes);

const OWNER_CASES: [string, object, object, Encounter[], number, 'stronger' | 'weaker'][] = [
  [
    'channelWeights.video',
    { channelWeights: { video: 0.5 } },
    { channelWeights: { video: 1 } },
    monthly({ channel: 'video' }),
    800,
    'stronger',
  ],
  [
    'contextWeights.office-chat',
    { contextWeights: { 'office-chat': 0.3 } },
    { contextWeights: { 'office-chat': 1 } },
    monthly({ context: 'office-chat' }),
    800,
    'stronger',
  ],
  [
    'groupSizeExponent',
    { groupSizeExponent: 0.5 },
    { groupSizeExponent: 2 },
    monthly({}, ['a', 'b', 'c', 'd']),
    800,
    'weaker',
  ],
  [
    'intensityHalfLifeDays',
    { intensityHalfLifeDays: 60 },
    { intensityHalfLifeDays: 365 },
    monthly(),
    900,
    'stronger',
  ],
  ['intensityMidpoint', { intensityMidpoint: 0.5 }, { intensityMidpoint: 3 }, monthly(), 800, 'weaker'],
  [
    'fadingThreshold',
    rhythm({ fadingThreshold: 2 }),
    rhythm({ fadingThreshold: 16 }),
    monthly(),
    900,
    'stronger',
  ],
  [
    'priorGapDays',
    rhythm({ priorGapDays: 10 }),
    rhythm({ priorGapDays: 200 }),
    [encounter(0, ['a'])],
    100,
    'stronger',
  ],
  [
    'burstinessPenalty',
    rhythm({ burstinessPenalty: 0 }),
    rhythm({ burstinessPenalty: 1 }),
    bursty,
    650,
    'weaker',
  ],
  ['frequencyMidpoint', { frequencyMidpoint: 0.5 }, { frequencyMidpoint: 10 }, monthly(), 800, 'weaker'],
  [
    'frequencyPriorYears',
    { frequencyPriorYears: 0 },
    { frequencyPriorYears: 2 },
    monthly({}, ['a'], 60),
    70,
    'weaker',
  ],
  [
    'durationFullMonths',
    counting('duration', { durationFullMonths: 12 }),
    counting('duration', { durationFullMonths: 600 }),
    monthly(),
    800,
    'weaker',
  ],
  [
    'reciprocityPriorCount',
    counting('reciprocity', { reciprocityPriorCount: 0 }),
    counting('reciprocity', { reciprocityPriorCount: 50 }),
    monthly({ initiatorId: OWNER }),
    800,
    'stronger',
  ],
  [
    'multiplexityMidpoint',
    counting('multiplexity', { multiplexityMidpoint: 0.5 }),
    counting('multiplexity', { multiplexityMidpoint: 10 }),
    [...monthly({ context: 'club' }), ...monthly({ context: 'meeting' }, ['a'], 330)],
    800,
    'weaker',
  ],
  ['ratingPrior', { ratingPrior: 1 }, { ratingPrior: 4 }, monthly(), 800, 'stronger'],
  [
    'ratingPriorWeight',
    { ratingPriorWeight: 0 },
    { ratingPriorWeight: 20 },
    monthly({ rating: 5 }),
    800,
    'weaker',
  ],
];

describe('strength settings', () => {
  it.each(OWNER_CASES)(
    '%s takes effect in its documented direction',
    (_name, low, high, encounters, day, direction) => {
      const before = ownerStrength(low, encounters, day);
      const after = ownerStrength(high, encounters, day);
      if (direction === 'stronger') expect(after).toBeGreaterThan(before);
      else expect(after).toBeLessThan(before);
    },
  );

  it.each(FACTOR_NAMES)('more weight on %s moves strength towards that factor', (factor) => {
    const encounters = [...monthly({ rating: 5, initiatorId: 'a' }), ...bursty];
    const index = buildTimeIndex([person(OWNER), ...people], encounters, []);
    const detail = tieAt(index, 0, dayNumber(on(800)));
    if (detail.kind !== 'owner' || !detail.factors) throw new Error('expected an owner tie');
    const value = detail.factors[factor];
    const heavier = ownerStrength(
      { factorWeights: { [factor]: DEFAULT_STRENGTH_SETTINGS.factorWeights[factor] + 5 } },
      encounters,
      800,
    );
    expect(Math.sign(heavier - detail.strength)).toBe(Math.sign(value - detail.strength));
  });

  it('co-attendance half-life, midpoint and tie kinds change pair ties as documented', () => {
    const together = [encounter(0, ['a', 'b']), encounter(10, ['a', 'b'])];
    expect(pairStrengthOf({ coAttendance: { halfLifeDays: 700 } }, together, [], 400)).toBeGreaterThan(
      pairStrengthOf({ coAttendance: { halfLifeDays: 100 } }, together, [], 400),
    );
    expect(pairStrengthOf({ coAttendance: { midpoint: 5 } }, together, [], 20)).toBeLessThan(
      pairStrengthOf({ coAttendance: { midpoint: 0.5 } }, together, [], 20),
    );
    const met = [encounter(0, ['a']), encounter(0, ['b'])];
    expect(pairStrengthOf({ tieKindStrength: { friend: 0.8 } }, met, [tie('a', 'b')], 5)).toBeGreaterThan(
      pairStrengthOf({ tieKindStrength: { friend: 0.2 } }, met, [tie('a', 'b')], 5),
    );
  });

  it('documents every setting', () => {
    for (const key of Object.keys(DEFAULT_STRENGTH_SETTINGS)) {
      expect(SETTING_RATIONALE[key as keyof typeof SETTING_RATIONALE]?.length).toBeGreaterThan(20);
    }
    expect(parseStrengthSettings(DEFAULT_STRENGTH_SETTINGS)).toEqual(DEFAULT_STRENGTH_SETTINGS);
  });

  it('refuses bad values with a message naming each setting', () => {
    const bad = () =>
      resolveStrengthSettings({
        intensityHalfLifeDays: -3,
        channelWeights: { video: 'high' },
        dunbarLayers: [15, 5],
      });
    expect(bad).toThrow(StrengthSettingsError);
    try {
      bad();
    } catch (e) {
      const problems = (e as StrengthSettingsError).problems.join('\n');
      expect(problems).toMatch(
        /"intensityHalfLifeDays" must be a number of days between 1 and 36500 \(got -3\)/,
      );
      expect(problems).toMatch(/"channelWeights\.video" must be a weight between 0 and 10 \(got "high"\)/);
      expect(problems).toMatch(/"dunbarLayers" must be whole numbers, each larger than the one before/);
    }
    expect(() => resolveStrengthSettings({ halfLife: 3 })).toThrow(/halfLife/);
    expect(() =>
      resolveStrengthSettings({ factorWeights: Object.fromEntries(FACTOR_NAMES.map((f) => [f, 0])) }),
    ).toThrow(/"factorWeights" must give at least one factor a weight above 0/);
    expect(() => resolveStrengthSettings({ intensityHalfLifeDays: Number.NaN })).toThrow(
      /intensityHalfLifeDays/,
    );
  });

  it('merges a change into the defaults, keeping the other entries of a table', () => {
    const s = resolveStrengthSettings({ channelWeights: { video: 0.9 } });
    expect(s.channelWeights.video).toBe(0.9);
    expect(s.channelWeights.call).toBe(DEFAULT_STRENGTH_SETTINGS.channelWeights.call);
  });
});
