import { describe, expect, it } from 'vitest';
import type { Encounter } from '../domain/entities';
import { explainStrength } from './explain';
import { fadingTies } from './keepInTouch';
import { dunbarLayers } from './layers';
import { resolveStrengthSettings } from './settingsSchema';
import { OWNER, encounter, on, person } from './testing';
import { tieAt } from './tieDetail';
import { buildTimeIndex } from './timeIndex';

const every = (id: string, step: number, from: number, until: number, extra: Partial<Encounter> = {}) =>
  Array.from({ length: Math.floor((until - from) / step) + 1 }, (_, k) =>
    encounter(from + k * step, [id], extra),
  );

describe('keep in touch', () => {
  const people = [
    person(OWNER),
    person('steady'),
    person('gone'),
    person('cadence', { cadenceDays: 30 }),
    person('archived', { archived: true }),
    person('bridge'),
  ];
  const encounters = [
    ...every('steady', 30, 0, 720),
    ...every('gone', 30, 0, 360, { rating: 5 }),
    ...every('cadence', 7, 0, 700),
    ...every('archived', 30, 0, 360),
    ...every('bridge', 30, 0, 300),
  ];
  const index = buildTimeIndex(people, encounters, []);

  it('lists ties overdue against their own rhythm or their cadence, and says why', () => {
    const list = fadingTies(index, on(750));
    const byId = new Map(list.map((f) => [f.personId, f]));
    expect(byId.has('steady')).toBe(false);
    expect(byId.get('gone')?.reasons).toEqual(['rhythm']);
    expect(byId.get('gone')?.why).toMatch(
      /Last contact 13 months ago\. You are usually in touch about every 4 weeks/,
    );
    expect(byId.get('cadence')?.reasons).toEqual(['cadence']);
    expect(byId.get('cadence')?.why).toMatch(/every 4 weeks/);
    expect(byId.has('archived')).toBe(false);
    expect(fadingTies(index, on(750), { includeArchived: true }).some((f) => f.personId === 'archived')).toBe(
      true,
    );
  });

  it('puts bridges first, then the ties that lost the most strength', () => {
    const list = fadingTies(index, on(750), { bridges: new Set(['bridge']) });
    expect(list[0]?.personId).toBe('bridge');
    expect(list[0]?.why).toMatch(/few other ties/);
    const rest = list.slice(1);
    for (let k = 1; k < rest.length; k++) {
      expect(rest[k - 1]?.strengthLost).toBeGreaterThanOrEqual(rest[k]?.strengthLost ?? 0);
    }
    expect(list.find((f) => f.personId === 'gone')?.strengthLost).toBeGreaterThan(0);
  });

  it('lists a tie once its silence passes the threshold, not before', () => {
    const strict = buildTimeIndex(people, encounters, [], resolveStrengthSettings({ fadingThreshold: 30 }));
    expect(fadingTies(strict, on(750)).some((f) => f.personId === 'gone')).toBe(false);
    expect(fadingTies(index, on(361)).some((f) => f.personId === 'gone')).toBe(false);
  });
});

describe("Dunbar's layers", () => {
  const ids = Array.from({ length: 30 }, (_, i) => `p${String(i).padStart(2, '0')}`);
  // p00 is met most often, p29 least.
  const encounters = ids.flatMap((id, i) => every(id, 10 + 10 * i, 0, 600));
  const index = buildTimeIndex([person(OWNER), ...ids.map((id) => person(id))], encounters, []);

  it('rings the strongest 5, then up to 15, 50, ... around the owner', () => {
    const layers = dunbarLayers(index, on(605));
    expect(layers.map((l) => l.size)).toEqual([5, 15, 50, 150, 500]);
    expect(layers.map((l) => l.people.length)).toEqual([5, 10, 15, 0, 0]);
    expect(layers[0]?.people.map((p) => p.personId)).toEqual(ids.slice(0, 5));
  });

  it('follows the layer sizes setting and counts only people met by then', () => {
    const custom = buildTimeIndex(
      [person(OWNER), ...ids.map((id) => person(id))],
      [...encounters, encounter(700, ['late'])],
      [],
      resolveStrengthSettings({ dunbarLayers: [2, 4] }),
    );
    expect(dunbarLayers(custom, on(605)).map((l) => l.people.length)).toEqual([2, 2]);
    expect(dunbarLayers(index, on(-1)).every((l) => l.people.length === 0)).toBe(true);
  });
});

describe('why is this tie strong?', () => {
  const index = buildTimeIndex(
    [person(OWNER), person('a')],
    every('a', 14, 0, 700, { rating: 5, initiatorId: 'a', context: 'club' }),
    [],
  );

  it("gives each factor's value and share, adding up to the strength, in words", () => {
    const detail = tieAt(index, 0, on(710));
    if (detail.kind !== 'owner') throw new Error('expected an owner tie');
    const why = explainStrength(detail, index.settings);
    expect(why.factors.reduce((s, f) => s + f.contribution, 0)).toBeCloseTo(detail.strength, 12);
    expect(why.factors[0]?.factor).toBe('closeness');
    expect(why.summary).toMatch(/^Strong \(\d+%\), mostly because of closeness and/);
    const text = Object.fromEntries(why.factors.map((f) => [f.factor, f.text]));
    expect(text.closeness).toMatch(/average 5\.0 out of 5/);
    expect(text.rhythm).toMatch(/Last contact 10 days ago; you are usually in touch about every 2 weeks\./);
    expect(text.reciprocity).toMatch(/they did about 51 times/);
  });

  it('says when the two had not met yet', () => {
    const detail = tieAt(index, 0, on(-5));
    if (detail.kind !== 'owner') throw new Error('expected an owner tie');
    expect(explainStrength(detail, index.settings)).toMatchObject({
      strength: 0,
      summary: 'Not met yet on this date.',
    });
  });
});
