import { bisectRight } from 'd3-array';
import type { Encounter } from '../domain/entities';
import { datedEncounters } from './dated';
import { dayNumber, DAYS_PER_MONTH, type DayNumber } from './days';
import { contactRate, reciprocityOf, rhythmOf } from './factors';
import type { OwnerTieMeasures } from './measures';
import type { TimeIndex } from './timeIndex';

/**
 * Everything a journal shows about the owner's tie with one person on a date, as numbers: the
 * features of the truth figures' learned reference (evaluate.ts). Computed from the journal only
 * (the time index's measures, what the owner marked each person as, and the encounters), never
 * from the generator's truth, so the reference is a ceiling a model of the same journal could
 * reach. Counts and spans are on a log scale because their effect on closeness has diminishing
 * returns; a linear model on the raw counts would be dominated by a few hubs.
 */
export const OBSERVABLE_NAMES = [
  'log contact days',
  'log weighted contact days',
  'log one-to-one days',
  'one-to-one share of contact days',
  'log contact rate (weighted days per year)',
  'log intensity',
  'log days since last contact',
  'log days since last contact unless marked family or partner',
  'log usual pause',
  'log rhythm ratio (silence / usual pause)',
  'burstiness',
  'rating mean (smoothed)',
  'log rating count',
  'rated',
  'reciprocity',
  'share of contact they started',
  'contexts',
  'log months known',
  'marked family or partner',
] as const;

export type ObservableName = (typeof OBSERVABLE_NAMES)[number];

/** The observables of every owner tie of one journal, at any date. */
export class JournalObservables {
  /** Per owner tie: the distinct days of one-to-one encounters (the owner and them alone), ascending. */
  private readonly oneToOneDays: number[][];

  constructor(
    private readonly index: TimeIndex,
    encounters: readonly Encounter[],
  ) {
    const n = index.ownerTieCount;
    const tieOf = (id: string) => {
      const p = index.personIndex.get(id);
      return p === undefined ? -1 : (index.people[p]?.ownerTie ?? -1);
    };
    this.oneToOneDays = Array.from({ length: n }, () => []);
    for (const e of datedEncounters(encounters)) {
      const others = e.participantIds.filter((id) => id !== index.ownerId);
      if (others.length !== 1) continue;
      const t = tieOf(others[0] as string);
      if (t >= 0) (this.oneToOneDays[t] as number[]).push(dayNumber(e.date));
    }
    for (const days of this.oneToOneDays) {
      days.sort((a, b) => a - b);
      let k = 0;
      for (let i = 0; i < days.length; i++)
        if (i === 0 || days[i] !== days[k - 1]) days[k++] = days[i] as number;
      days.length = k;
    }
  }

  /** True when the journal marks the tie family or partner. */
  isMarked(tie: number): boolean {
    const kind = this.index.owner.infoOf(tie).kind;
    return kind === 'family' || kind === 'partner';
  }

  /** The measures the observables are made from, or null before the two met. */
  measuresAt(tie: number, day: DayNumber): OwnerTieMeasures | null {
    return this.index.owner.measuresAt(tie, day);
  }

  /** Owner tie `tie`'s observables on `day` (in OBSERVABLE_NAMES order), or null before they met. */
  at(tie: number, day: DayNumber): Float64Array | null {
    const m = this.measuresAt(tie, day);
    if (!m) return null;
    const settings = this.index.settings;
    const rhythm = rhythmOf(m, settings);
    const oneToOnes = bisectRight(this.oneToOneDays[tie] as number[], day);
    const started = m.ownerInitiated + m.theyInitiated;
    const marked = this.isMarked(tie) ? 1 : 0;
    const silence = Math.log1p(rhythm.daysSinceLast);
    const values = [
      Math.log(m.contactDays),
      Math.log1p(m.weightedDays),
      Math.log1p(oneToOnes),
      oneToOnes / m.contactDays,
      Math.log(contactRate(m, settings) + 1e-3),
      Math.log1p(m.intensity),
      silence,
      marked ? 0 : silence,
      Math.log(rhythm.usualGapDays),
      Math.log1p(rhythm.ratio),
      rhythm.burstiness,
      // The mean rating, smoothed towards the prior so an unrated tie has one.
      (m.ratingSum + settings.ratingPrior * settings.ratingPriorWeight) /
        (m.ratingWeight + settings.ratingPriorWeight),
      Math.log1p(m.ratingWeight),
      m.ratingWeight > 0 ? 1 : 0,
      reciprocityOf(m, settings),
      (m.theyInitiated + 0.5) / (started + 1),
      m.contexts,
      Math.log1p((m.day - m.first) / DAYS_PER_MONTH),
      marked,
    ];
    return Float64Array.from(values);
  }
}
