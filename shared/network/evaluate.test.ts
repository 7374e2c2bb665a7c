import { describe, expect, it } from 'vitest';
import { closenessAt, silentAfter, type GroundTruth } from '../sample';
import { dayNumber } from './days';
import {
  auc,
  belowLiveMedian,
  evaluateTruth,
  figuresOf,
  fitReference,
  precisionRecall,
  referenceScores,
  sampleAt,
  topOverlap,
  type DateSample,
} from './evaluate';
import { truthFigures, yearsBefore } from './figures';
import { JournalObservables, OBSERVABLE_NAMES, type ObservableName } from './observables';
import { ranks, spearman } from './rank';
import { encounter, OWNER, person, START, tie } from './testing';
import { buildTimeIndex } from './timeIndex';

describe('Spearman rank correlation', () => {
  it('is 1 for any increasing relation, -1 for a decreasing one, and averages tied ranks', () => {
    expect(spearman([1, 2, 3, 4], [10, 20, 300, 4000])).toBeCloseTo(1, 12);
    expect(spearman([1, 2, 3, 4], [4, 3, 2, 1])).toBeCloseTo(-1, 12);
    expect([...ranks([5, 1, 5, 2])]).toEqual([2.5, 0, 2.5, 1]);
    expect(spearman([1, 2, 3, 4, 5], [2, 1, 4, 3, 5])).toBeCloseTo(0.8, 12);
    expect(spearman([1], [1])).toBeNaN();
  });
});

describe('the arithmetic of the truth figures', () => {
  it('AUC counts a tied positive and negative as half a win', () => {
    // Pairs (positive, negative): (1,1) half, (1,2) lost, (3,1) won, (3,2) won: 2.5 of 4.
    expect(auc([1, 1, 2, 3], [false, true, false, true])).toBeCloseTo(0.625, 12);
    expect(auc([1, 2, 3], [false, false, true])).toBe(1);
    expect(auc([3, 2, 1], [false, false, true])).toBe(0);
    expect(auc([5, 5, 5, 5], [true, false, true, false])).toBeCloseTo(0.5, 12);
    expect(auc([1, 2], [true, true])).toBeNaN();
  });

  it('overlap is the share of the true top k in the model top k, and a constant score is no oracle', () => {
    expect(topOverlap([5, 4, 3, 2, 1, 0], [0, 4, 5, 1, 2, 3], 2)).toBe(0.5);
    expect(topOverlap([5, 4, 3, 2, 1, 0], [5, 4, 3, 2, 1, 0], 3)).toBe(1);
    // Ties broken by position: a constant model picks the first k, whatever the truth.
    expect(topOverlap([1, 1, 1, 1, 1], [0, 0, 0, 9, 8], 2)).toBe(0);
    // With k or fewer ties any ranking holds the whole top k: not a measurement.
    expect(topOverlap([1, 2, 3], [3, 2, 1], 3)).toBeNaN();
  });

  it('precision and recall of a list', () => {
    expect(precisionRecall([true, true, false, false], [true, false, true, false])).toEqual({
      precision: 0.5,
      recall: 0.5,
    });
    expect(precisionRecall([false, false], [true, false])).toEqual({ precision: Number.NaN, recall: 0 });
  });
});

/** A sample written out by hand: one observable (x), everything else given. */
function handSample(seed: number, parts: Partial<DateSample> & { closeness: number[] }): DateSample {
  const n = parts.closeness.length;
  const all = <T>(v: T) => Array.from({ length: n }, () => v);
  return {
    seed,
    day: 0,
    strength: parts.strength ?? parts.closeness,
    live: all(true),
    rated: all(true),
    fadingScore: all(0),
    listed: all(false),
    eligible: all(true),
    silent: null,
    daysSinceLast: all(0),
    marked: all(false),
    observables: parts.closeness.map((c) => Float64Array.of(c)),
    ...parts,
  };
}

describe('figures of one sample', () => {
  const twelve = Array.from({ length: 12 }, (_, i) => i + 1);

  it('Spearman inside unrated ties uses only them', () => {
    // Rated ties (the first six) ranked right, unrated ones upside down.
    const sample = handSample(1, {
      closeness: twelve,
      strength: [...twelve.slice(0, 6), ...twelve.slice(6).reverse()],
      rated: twelve.map((c) => c <= 6),
    });
    const f = figuresOf(sample, { closeness: twelve, fading: twelve });
    expect(f.unrated).toBe(6);
    expect(f.spearmanUnrated.model).toBeNaN(); // six ties: too few to rank
    const more = handSample(1, {
      closeness: twelve,
      strength: [1, 2, ...twelve.slice(2).reverse()],
      rated: twelve.map((c) => c <= 2),
    });
    const g = figuresOf(more, { closeness: twelve, fading: twelve });
    expect(g.unrated).toBe(10);
    expect(g.spearmanUnrated.model).toBeCloseTo(-1, 12);
    expect(g.spearmanUnrated.reference).toBeCloseTo(1, 12);
    expect(g.spearmanKnown.model).toBeCloseTo(spearman(more.strength, twelve), 12);
  });

  it('ties silent three years or more, unless marked lasting, are compared with the median live tie', () => {
    const year = 365;
    const sample = handSample(1, {
      // Ties 0..3 are live and score 1, 2, 3, 4 (median 2.5); ties 4..7 are silent for years.
      closeness: [1, 2, 3, 4, 0, 0, 0, 0],
      strength: [1, 2, 3, 4, 2, 3, 1, 9],
      live: [true, true, true, true, false, true, false, false],
      daysSinceLast: [0, 10, 100, 3 * year - 1, 3 * year, 5 * year, 4 * year, 10 * year],
      // Tie 7 is marked family: left out, however high it scores.
      marked: [false, false, false, false, false, false, false, true],
    });
    // Live: ties 0..3 and 5 (scores 1, 2, 3, 4, 3; median 3). Silent for years, not marked: 4, 5, 6
    // (scores 2, 3, 1): two of three are below 3; tie 3 is a day short of three years.
    const f = figuresOf(sample, { closeness: [4, 3, 2, 1, 0, 5, 9, 0], fading: sample.closeness });
    expect(f.longSilent).toBe(3);
    expect(f.longSilentBelowMedian.model).toBeCloseTo(2 / 3, 12);
    // The reference scores the live ties 4, 3, 2, 1, 5 (median 3) and the silent ones 0, 5, 9.
    expect(f.longSilentBelowMedian.reference).toBeCloseTo(1 / 3, 12);
    expect(belowLiveMedian([1, 2], [true, true], [false, false])).toBeNaN();
    // An even number of live ties: the median is the mean of the middle two (2.5).
    expect(
      belowLiveMedian(
        [1, 2, 3, 4, 2.4, 2.6],
        [true, true, true, true, false, false],
        [false, false, false, false, true, true],
      ),
    ).toBe(0.5);
  });

  it('live ties leave out the ended ones', () => {
    const sample = handSample(1, {
      closeness: twelve,
      strength: [99, ...twelve.slice(1)],
      live: twelve.map((c) => c > 1),
    });
    const f = figuresOf(sample, { closeness: twelve, fading: twelve });
    expect(f.live).toBe(11);
    expect(f.spearmanLive.model).toBeCloseTo(1, 12);
    expect(f.spearmanKnown.model).toBeLessThan(0.9);
  });

  it('fading leaves out recently contacted ties, counts them apart, and the reference lists as many as the model', () => {
    const sample = handSample(1, {
      closeness: [0, 0, 0, 0, 0, 0],
      // Tie 0 is a silent tie contacted recently: excluded, so neither its score nor its label counts.
      eligible: [false, true, true, true, true, true],
      silent: [true, true, true, false, false, true],
      fadingScore: [99, 9, 8, 1, 2, 0],
      listed: [true, true, true, false, false, false],
    });
    // The reference ranks ties 5 and 1 highest.
    const f = figuresOf(sample, { closeness: sample.closeness, fading: [99, 5, 0, 1, 0, 6] });
    expect(f.fading).not.toBeNull();
    const fading = f.fading!;
    expect(fading).toMatchObject({ eligible: 5, excluded: 1, silent: 3, listed: 2 });
    expect(fading.precision.model).toBe(1);
    expect(fading.recall.model).toBeCloseTo(2 / 3, 12);
    // Scores 9, 8, 0 for the silent, 1, 2 for the others: 4 of 6 pairs won.
    expect(fading.auc.model).toBeCloseTo(4 / 6, 12);
    expect(fading.precision.reference).toBe(1);
    expect(fading.recall.reference).toBeCloseTo(2 / 3, 12);
  });

  it('has no fading figures when the label is not known', () => {
    const sample = handSample(1, { closeness: [1, 2, 3] });
    expect(figuresOf(sample, { closeness: [1, 2, 3], fading: [1, 2, 3] }).fading).toBeNull();
  });
});

describe('the learned reference', () => {
  // The observable is the closeness itself on seed 1 and its opposite on seed 2: a reference fitted
  // on the seed it scores would rank perfectly, one fitted on the other seed ranks upside down.
  const x = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
  const one = handSample(1, { closeness: x });
  const two = handSample(2, { closeness: x, observables: x.map((v) => Float64Array.of(-v)) });

  it('scores a sample with a fit of other samples only', () => {
    const fit = fitReference([two]);
    expect(spearman(referenceScores(fit, one).closeness, x)).toBeCloseTo(-1, 12);
    expect(spearman(referenceScores(fitReference([one]), one).closeness, x)).toBeCloseTo(1, 12);
  });

  it('is fitted on the other seeds when the figures are evaluated', () => {
    const figures = evaluateTruth([one, two]);
    expect(figures.map((f) => f.seed)).toEqual([1, 2]);
    for (const f of figures) {
      expect(f.spearmanKnown.reference).toBeCloseTo(-1, 12);
      expect(f.spearmanKnown.model).toBeCloseTo(1, 12);
    }
    expect(() => evaluateTruth([one])).toThrow(/two seeds/);
  });
});

/** A hand-built truth for the people of a hand-made journal: constant closeness per person. */
function handTruth(
  ties: { id: string; closeness: number; contactDays: number[]; end?: string }[],
  referenceDay: string,
  simulatedUntil: string,
): GroundTruth {
  const first = dayNumber(START);
  const steps = Math.ceil((dayNumber(simulatedUntil) - first) / 7) + 1;
  const values = new Float32Array(ties.length * steps);
  ties.forEach((t, i) => values.fill(t.closeness, i * steps, (i + 1) * steps));
  return {
    seed: 1,
    spec: { people: ties.length, ties: 0, encounters: 0, years: 3 },
    firstDay: START,
    referenceDay,
    simulatedUntil,
    ownerTies: ties.map((t) => ({
      personId: t.id,
      closeness: t.closeness,
      potential: t.closeness,
      hub: 1,
      start: START,
      ended: t.end !== undefined,
      end: t.end ?? '',
      endsLater: '',
      communityIds: [],
      lasting: false,
      contactDays: t.contactDays.map((d) => first + d),
    })),
    personTies: [],
    closeness: { first, stepDays: 7, steps, values },
  };
}

describe('a date of a hand-made journal', () => {
  const d0 = dayNumber(START);
  const day = d0 + 1000;
  const people = [person(OWNER), ...['a', 'b', 'c', 'd'].map((id) => person(id))];
  const encounters = [
    encounter(0, [OWNER, 'a']),
    encounter(100, [OWNER, 'a']),
    encounter(900, [OWNER, 'a'], { rating: 5 }),
    encounter(0, [OWNER, 'b']),
    encounter(10, [OWNER, 'b']),
    encounter(20, [OWNER, 'b']),
    encounter(50, [OWNER, 'c', 'd'], { rating: 3 }),
    encounter(500, [OWNER, 'd']),
  ];
  const ties = [tie(OWNER, 'd', 'family'), tie('a', 'b', 'partner')];
  const index = buildTimeIndex(people, encounters, ties);
  const observables = new JournalObservables(index, encounters);
  // After the journal: a sees the owner 200 days after the date, b 100 days after; c and d never.
  const truth = handTruth(
    [
      { id: 'a', closeness: 0.9, contactDays: [0, 100, 900, 1200] },
      { id: 'b', closeness: 0.2, contactDays: [0, 10, 20, 1100] },
      { id: 'c', closeness: 0.5, contactDays: [50], end: '2020-03-01' },
      { id: 'd', closeness: 0.7, contactDays: [50, 500] },
    ],
    '2022-09-27',
    '2024-01-01',
  );
  const sample = sampleAt(index, observables, truth, day);
  const value = (tieIndex: number, name: ObservableName) =>
    observables.at(tieIndex, day)![OBSERVABLE_NAMES.indexOf(name)];

  it('takes closeness at the date, live and rated ties, and the silence label from the truth', () => {
    expect(sample.closeness).toEqual([0, 1, 2, 3].map((i) => closenessAt(truth, i, day)));
    expect(sample.live).toEqual([true, true, false, true]);
    expect(sample.rated).toEqual([true, false, true, true]);
    expect(sample.silent).toEqual([false, false, true, true]);
    expect([0, 1, 2, 3].map((i) => silentAfter(truth, i, day))).toEqual(sample.silent);
  });

  it('excludes the tie contacted within fadingMinDays, and lists by rhythm only', () => {
    // a: last contact 100 days before. b and c: one burst long ago. d: silent 500 days after a 450-day pause.
    expect(sample.eligible).toEqual([false, true, true, true]);
    expect(sample.listed).toEqual([false, true, true, false]);
    const f = figuresOf(sample, { closeness: sample.closeness, fading: sample.fadingScore });
    expect(f.fading).toMatchObject({ eligible: 3, excluded: 1, silent: 2, listed: 2 });
    expect(f.fading!.precision.model).toBe(0.5);
    expect(f.fading!.recall.model).toBe(0.5);
  });

  it('counts a tie silent for three years as long silent unless the journal marks it family', () => {
    // 1,700 days after the start: b (last contact day 20) and c (day 50, ended) are silent for
    // years; d too (day 500) but the owner marked her family; a (day 900) is not.
    const later = sampleAt(index, observables, truth, d0 + 1700);
    expect(later.daysSinceLast).toEqual([800, 1680, 1650, 1200]);
    expect(later.marked).toEqual([false, false, false, true]);
    const f = figuresOf(later, { closeness: later.closeness, fading: later.fadingScore });
    expect(f.longSilent).toBe(2);
    // Live ties are a, b and d; the silent friends sit below the median of them.
    expect(f.longSilentBelowMedian.model).toBe(1);
  });

  it('has no fading label on a date whose following year is not simulated', () => {
    expect(sampleAt(index, observables, truth, dayNumber('2023-06-01')).silent).toBeNull();
  });

  it('reads one-to-ones and the family mark from the journal, never from the truth', () => {
    expect(value(0, 'log one-to-one days')).toBeCloseTo(Math.log1p(3), 12);
    expect(value(0, 'one-to-one share of contact days')).toBe(1);
    expect(value(3, 'one-to-one share of contact days')).toBe(0.5);
    expect(value(3, 'marked family or partner')).toBe(1);
    // a and b are partners of each other, not of the owner.
    expect(value(0, 'marked family or partner')).toBe(0);
    expect(value(1, 'rated')).toBe(0);
    expect(value(3, 'log days since last contact unless marked family or partner')).toBe(0);
    expect(value(1, 'log days since last contact')).toBeCloseTo(Math.log1p(980), 12);
    expect(observables.at(0, d0 - 1)).toBeNull();
  });
});

describe('the truth figures of a small generated journal', () => {
  it('dates go back whole calendar years', () => {
    expect(yearsBefore('2026-11-01', 3)).toBe(dayNumber('2023-11-01'));
    expect(yearsBefore('2024-02-29', 1)).toBe(dayNumber('2023-02-28'));
  });

  const spec = { people: 120, ties: 300, encounters: 1_500, years: 6 };
  const run = truthFigures({ dataset: 'typical', spec, seeds: [3, 4, 5], yearsBefore: [0, 2] });

  it('measures every seed at every date, fading too: the generator simulates a year beyond', () => {
    expect(run.dates).toHaveLength(6);
    for (const f of run.dates) {
      expect(f.known).toBeGreaterThan(20);
      expect(f.known).toBeLessThanOrEqual(spec.people);
      expect(f.live).toBeLessThanOrEqual(f.known);
    }
    const withoutLabel = run.dates.filter((f) => f.fading === null).length;
    expect(withoutLabel).toBe(0);
    expect(run.notes).toHaveLength(withoutLabel);
    const judged = run.dates.filter((f) => f.fading !== null);
    for (const f of judged) expect(f.fading!.eligible + f.fading!.excluded).toBe(f.known);
  });

  it('ranks ties by closeness far better than chance, and so does the reference', () => {
    const names = run.figures.map((f) => f.name);
    expect(names.every((n) => n.includes('truth'))).toBe(true);
    const median = (name: string) => {
      const values = [...run.figures.find((f) => f.name === name)!.values].sort((a, b) => a - b);
      return values[Math.floor(values.length / 2)]!;
    };
    expect(median('truth: Spearman strength vs closeness at date, live ties — model')).toBeGreaterThan(0.4);
    expect(median('truth: Spearman strength vs closeness at date, live ties — reference')).toBeGreaterThan(
      0.4,
    );
    const bySeed = run.figures.find((f) => f.name.endsWith('all known ties — model'))!.bySeed!;
    expect(Object.keys(bySeed).sort()).toEqual(['3', '4', '5']);
  });
});
