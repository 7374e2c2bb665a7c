import { describe, expect, it } from 'vitest';
import { CONTEXT_KINDS } from '../../../../shared/domain/kinds';
import { buildTimeIndex, dunbarLayers, type DunbarLayer } from '../../../../shared/network';
import { OWNER, encounter, person } from '../../../../shared/network/testing';
import { networkComposition, stackComposition } from './composition';
import { buildCompositionIndex, compositionIndexBuilder } from './compositionIndex';
import { activityHeatmap } from './heatmap';
import { personTieHistory } from './personTie';
import { ringLayout } from './rings';

describe('activity heatmap', () => {
  const encounters = [
    encounter('2026-03-12', ['ana']),
    encounter('2026-03-12', ['ben']),
    encounter('2026-03-12', ['ana', 'ben']),
    encounter('2026-01-05', ['ana']),
    encounter('2025-05-01', ['ana']), // the first day of the grid
    encounter('2025-04-30', ['ana']), // a year before: outside
    encounter('2026-05-01', ['ana']), // after the end: outside
  ];
  const grid = activityHeatmap(encounters, '2026-04-30');

  it('counts encounters per day over the twelve months up to the end day, and nothing outside', () => {
    expect(grid.first).toBe('2025-05-01');
    expect(grid.total).toBe(5);
    expect(grid.cells).toHaveLength(365);
    const cell = (day: string) => grid.cells.find((c) => c.day === day);
    expect(cell('2026-03-12')).toMatchObject({ count: 3, level: 4, label: '3 encounters on 12 March 2026' });
    expect(cell('2026-01-05')).toMatchObject({ count: 1, level: 2, label: '1 encounter on 5 January 2026' });
    expect(cell('2026-03-13')?.label).toBe('No encounters on 13 March 2026');
    expect(cell('2025-04-30')).toBeUndefined();
    expect(grid.cells.reduce((sum, c) => sum + c.count, 0)).toBe(grid.total);
  });

  it('lays days out as weeks starting on Monday', () => {
    const cell = (day: string) => grid.cells.find((c) => c.day === day);
    // 1 May 2025 was a Thursday; 5 May 2025 the next Monday.
    expect(cell('2025-05-01')).toMatchObject({ week: 0, weekday: 3 });
    expect(cell('2025-05-04')).toMatchObject({ week: 0, weekday: 6 });
    expect(cell('2025-05-05')).toMatchObject({ week: 1, weekday: 0 });
    expect(grid.weeks).toBe(Math.max(...grid.cells.map((c) => c.week)) + 1);
    expect(grid.months[0]).toEqual({ week: 0, label: 'May' });
  });
});

describe('network composition', () => {
  const encounters = [
    encounter('2024-01-10', ['ana', 'ben'], { context: 'club' }),
    encounter('2024-02-10', ['ana'], { context: 'meeting' }),
    encounter('2024-03-10', ['ana'], { context: 'meeting' }),
    encounter('2024-03-15', ['cy', OWNER], { context: 'volunteering' }),
  ];

  it('counts each active person once, under the context where they are met most', () => {
    const c = networkComposition(buildCompositionIndex(encounters, OWNER), '2024-03-31');
    expect(c.monthsPerPeriod).toBe(1);
    expect(c.periods.map((p) => p.start)).toEqual(['2024-01-01', '2024-02-01', '2024-03-01']);
    expect(c.periods.map((p) => p.total)).toEqual([2, 2, 3]);
    expect(c.periods[0]?.counts.club).toBe(2);
    // Ana: one club, then a meeting (a tie goes to the latest), then a second meeting.
    expect(c.periods[1]?.counts).toMatchObject({ club: 1, meeting: 1 });
    expect(c.periods[2]?.counts).toMatchObject({ club: 1, meeting: 1, volunteering: 1 });
    expect(c.kinds).toEqual(['meeting', 'volunteering', 'club']);
  });

  it('drops people from the active network a year after the last contact', () => {
    const c = networkComposition(buildCompositionIndex(encounters, OWNER), '2025-03-31');
    const at = (start: string) => c.periods.find((p) => p.start === start);
    expect(at('2024-12-01')?.total).toBe(3);
    expect(at('2025-01-01')?.counts.club).toBe(0); // Ben, last seen 10 Jan 2024
    expect(at('2025-02-01')?.total).toBe(2); // Ana and Cy, last seen in March 2024
    expect(at('2025-03-01')?.total).toBe(0);
  });

  it('ends the last period on the chosen date, mid-month', () => {
    const c = networkComposition(buildCompositionIndex(encounters, OWNER), '2024-03-12');
    expect(c.periods.at(-1)).toMatchObject({ start: '2024-03-01', end: '2024-03-12', total: 2 });
    expect(c.periods.at(-1)?.counts).toMatchObject({ club: 1, meeting: 1, volunteering: 0 });
  });

  it('builds the same index a slice at a time as in one go', () => {
    const builder = compositionIndexBuilder(encounters, OWNER);
    let index = builder.step(0);
    let slices = 1;
    for (; index === null; slices++) index = builder.step(0);
    expect(slices).toBeGreaterThan(1);
    expect(index).toEqual(buildCompositionIndex(encounters, OWNER));
  });

  it('gives the same answer for the journal newest first, oldest first or in any order', () => {
    const byDate = [...encounters].sort((a, b) => (a.date < b.date ? -1 : 1));
    const expected = networkComposition(buildCompositionIndex(encounters, OWNER), '2024-06-30');
    for (const order of [byDate, [...byDate].reverse()]) {
      expect(networkComposition(buildCompositionIndex(order, OWNER), '2024-06-30')).toEqual(expected);
    }
  });

  it('stacks the layers so that the top of each period is its total', () => {
    const many = Array.from({ length: 60 }, (_, k) =>
      encounter(`20${20 + Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}-15`, [`p${k % 17}`], {
        context: CONTEXT_KINDS[k % CONTEXT_KINDS.length],
      }),
    );
    const c = networkComposition(buildCompositionIndex(many, OWNER), '2024-12-31');
    expect(c.monthsPerPeriod).toBe(3); // five years: quarters
    const series = stackComposition(c);
    expect(series.map((s) => s.key)).toEqual(c.kinds);
    c.periods.forEach((period, i) => {
      const top = series[series.length - 1]?.[i]?.[1];
      expect(top).toBe(period.total);
      for (let k = 1; k < series.length; k++) expect(series[k]?.[i]?.[0]).toBe(series[k - 1]?.[i]?.[1]);
    });
  });
});

describe('Dunbar rings', () => {
  const layers: DunbarLayer[] = [
    { size: 5, people: [1, 2, 3].map((k) => ({ personId: `a${k}`, strength: 0.8 })) },
    { size: 15, people: Array.from({ length: 10 }, (_, k) => ({ personId: `b${k}`, strength: 0.5 })) },
    { size: 50, people: Array.from({ length: 35 }, (_, k) => ({ personId: `c${k}`, strength: 0.3 })) },
  ];

  it('puts each person inside the band of their own ring', () => {
    const { bands, dots } = ringLayout(layers, { radius: 150, centre: 20, spacing: 8 });
    expect(bands.map((b) => [b.name, b.count])).toEqual([
      ['Support clique', 3],
      ['Sympathy group', 10],
      ['Close friends', 35],
    ]);
    expect(dots).toHaveLength(48);
    for (const dot of dots) {
      const band = bands[dot.ring]!;
      const r = Math.hypot(dot.x, dot.y);
      expect(r).toBeGreaterThanOrEqual(band.inner);
      expect(r).toBeLessThanOrEqual(band.outer);
    }
    expect(dots[0]).toMatchObject({ personId: 'a1', ring: 0 });
    expect(dots[0]!.x).toBeCloseTo(0); // the strongest at twelve o'clock
  });

  it('spreads a crowded ring over several circles so that neighbours keep their distance', () => {
    const crowd: DunbarLayer[] = [
      { size: 5, people: [] },
      { size: 500, people: Array.from({ length: 300 }, (_, k) => ({ personId: `p${k}`, strength: 0.1 })) },
    ];
    const { dots } = ringLayout(crowd, { radius: 120, centre: 10, spacing: 6 });
    let closest = Infinity;
    for (let i = 0; i < dots.length; i++)
      for (let j = i + 1; j < dots.length; j++)
        closest = Math.min(closest, Math.hypot(dots[i]!.x - dots[j]!.x, dots[i]!.y - dots[j]!.y));
    expect(closest).toBeGreaterThan(3);
  });
});

describe('a person tie over time', () => {
  const owner = person(OWNER);
  const ana = person('ana');
  const encounters = [
    encounter('2024-01-10', ['ana'], { rating: 4 }),
    encounter('2024-02-10', ['ana', 'ben', 'cy'], { context: 'club' }),
    encounter('2024-06-01', ['ana']),
    encounter('2024-03-01', ['ben']),
  ];

  it('gives the same strength as the index over the whole journal', () => {
    const history = personTieHistory(owner, ana, encounters, '2025-01-01')!;
    const whole = buildTimeIndex([owner, ana, person('ben'), person('cy')], encounters, []);
    const tie = whole.people[0]!.ownerTie;
    for (const point of history.series) {
      expect(point.strength).toBeCloseTo(whole.strengthsAt(point.day)[tie]!, 12);
    }
    expect(history.series[0]?.day).toBe('2024-01-10');
    expect(history.series.at(-1)?.day).toBe('2025-01-01');
    expect(history.contactDays).toEqual(['2024-01-10', '2024-02-10', '2024-06-01']);
    expect(history.explanation.strength).toBeCloseTo(history.series.at(-1)!.strength, 12);
  });

  it('rises on an encounter day and decays in the quiet after it', () => {
    const { series } = personTieHistory(owner, ana, encounters, '2025-01-01')!;
    const at = (day: string) => series.find((p) => p.day === day)!.strength;
    expect(at('2024-06-01')).toBeGreaterThan(at('2024-05-31'));
    expect(at('2025-01-01')).toBeLessThan(at('2024-06-01'));
  });

  it('is null for someone never met', () => {
    expect(personTieHistory(owner, person('zed'), encounters, '2025-01-01')).toBeNull();
  });

  it('ranks people into rings the way the model does', () => {
    const index = buildTimeIndex([owner, ana, person('ben'), person('cy')], encounters, []);
    const layers = dunbarLayers(index, '2025-01-01');
    const { dots } = ringLayout(layers, { radius: 100, centre: 10, spacing: 6 });
    expect(dots.map((d) => d.personId)).toEqual(layers.flatMap((l) => l.people.map((p) => p.personId)));
  });
});
