import { CONTEXT_BIT, type Contact } from './contacts';
import type { DayNumber } from './days';
import {
  combineFactors,
  emptyFactors,
  factorsBeforeSilence,
  NO_TIE_INFO,
  ownerTieFactors,
  ratingMean,
  tieFeatures,
  type FactorValues,
  type OwnerTieInfo,
} from './factors';
import { fitLearned, type LearnedStrength } from './learn';
import { bitCount, type OwnerTieMeasures } from './measures';
import type { StrengthSettings } from './settings';
import { seekTieEntry } from './seek';

/**
 * Running totals of every owner tie, one entry per distinct contact day, all ties in flat arrays
 * (tie i owns entries offsets[i] .. offsets[i + 1] - 1). Any date's measures are then the totals at
 * the last entry on or before it, plus one decay step.
 *
 * Intensity uses the prefix-sum property of exponential decay in its stable form: instead of
 * S_k = sum w_i 2^((t_i - t0)/h), which overflows for short half-lives over decades, each entry
 * keeps the intensity on its own day, D_k = D_(k-1) 2^(-(t_k - t_(k-1))/h) + w_k, and
 * intensity(T) = D_k 2^(-(T - t_k)/h). Same sum, same O(1) read, no overflow.
 */
export class OwnerTrack {
  readonly offsets: Int32Array;
  readonly days: Float64Array;
  private readonly decayed: Float64Array;
  private readonly weightedDays: Float64Array;
  private readonly gapSquares: Float64Array;
  private readonly pauseDays: Float64Array;
  private readonly pauses: Int32Array;
  private readonly ownerInitiated: Float64Array;
  private readonly theyInitiated: Float64Array;
  private readonly contexts: Uint8Array;
  private readonly ratingSum: Float64Array;
  private readonly ratingWeight: Float64Array;
  /** Per tie: the day of its last rated contact (NaN when never rated) and how many rated contacts. */
  private readonly lastRated: Float64Array;
  private readonly ratedContacts: Int32Array;
  private readonly cursor: Int32Array;
  /** What the owner's ratings taught (see learn.ts); null while not fitted or too few ratings. */
  learned: LearnedStrength | null = null;
  private readonly scratch: OwnerTieMeasures = {
    day: 0,
    first: 0,
    last: 0,
    contactDays: 0,
    weightedDays: 0,
    intensity: 0,
    gapSquares: 0,
    pauseDays: 0,
    pauses: 0,
    ownerInitiated: 0,
    theyInitiated: 0,
    contexts: 0,
    ratingSum: 0,
    ratingWeight: 0,
    firstWeight: 0,
  };
  private readonly scratchFactors: FactorValues = emptyFactors();

  /**
   * `histories[i]`: tie i's contacts in date order, at least one each; `info[i]`: what the owner
   * said about the tie (its kind, the cadence), none when absent.
   */
  constructor(
    histories: readonly (readonly Contact[])[],
    private readonly settings: StrengthSettings,
    private readonly info: readonly OwnerTieInfo[] = [],
  ) {
    const n = histories.length;
    this.offsets = new Int32Array(n + 1);
    let entries = 0;
    for (let i = 0; i < n; i++) {
      const list = histories[i] as readonly Contact[];
      for (let j = 0; j < list.length; j++) if (j === 0 || list[j]?.day !== list[j - 1]?.day) entries++;
      this.offsets[i + 1] = entries;
    }
    this.days = new Float64Array(entries);
    this.decayed = new Float64Array(entries);
    this.weightedDays = new Float64Array(entries);
    this.gapSquares = new Float64Array(entries);
    this.pauseDays = new Float64Array(entries);
    this.pauses = new Int32Array(entries);
    this.ownerInitiated = new Float64Array(entries);
    this.theyInitiated = new Float64Array(entries);
    this.contexts = new Uint8Array(entries);
    this.ratingSum = new Float64Array(entries);
    this.ratingWeight = new Float64Array(entries);
    this.lastRated = new Float64Array(n).fill(Number.NaN);
    this.ratedContacts = new Int32Array(n);
    this.cursor = new Int32Array(n);
    for (let i = 0; i < n; i++) this.fill(i, histories[i] as readonly Contact[]);
  }

  get size(): number {
    return this.cursor.length;
  }

  private fill(tie: number, contacts: readonly Contact[]): void {
    const h = this.settings.intensityHalfLifeDays;
    let k = (this.offsets[tie] as number) - 1;
    this.cursor[tie] = k;
    let mask = 0;
    let heaviest = 0;
    for (const c of contacts) {
      if (k < (this.offsets[tie] as number) || c.day !== this.days[k]) {
        k++;
        const first = k === this.offsets[tie];
        const prevDay = first ? c.day : (this.days[k - 1] as number);
        this.days[k] = c.day;
        this.decayed[k] = first ? 0 : (this.decayed[k - 1] as number) * 2 ** (-(c.day - prevDay) / h);
        const gap = c.day - prevDay;
        const pause = gap > this.settings.burstGapDays;
        this.gapSquares[k] = first ? 0 : (this.gapSquares[k - 1] as number) + gap ** 2;
        this.pauseDays[k] = first ? 0 : (this.pauseDays[k - 1] as number) + (pause ? gap : 0);
        this.pauses[k] = first ? 0 : (this.pauses[k - 1] as number) + (pause ? 1 : 0);
        this.weightedDays[k] = first ? 0 : (this.weightedDays[k - 1] as number);
        heaviest = 0;
        this.ownerInitiated[k] = first ? 0 : (this.ownerInitiated[k - 1] as number);
        this.theyInitiated[k] = first ? 0 : (this.theyInitiated[k - 1] as number);
        this.ratingSum[k] = first ? 0 : (this.ratingSum[k - 1] as number);
        this.ratingWeight[k] = first ? 0 : (this.ratingWeight[k - 1] as number);
      }
      this.decayed[k] = (this.decayed[k] as number) + c.weight;
      if (c.share > heaviest) {
        this.weightedDays[k] = (this.weightedDays[k] as number) + c.share - heaviest;
        heaviest = c.share;
      }
      if (c.initiative === 'owner') this.ownerInitiated[k] = (this.ownerInitiated[k] as number) + c.share;
      if (c.initiative === 'them') this.theyInitiated[k] = (this.theyInitiated[k] as number) + c.share;
      if (c.rating > 0) {
        this.ratingSum[k] = (this.ratingSum[k] as number) + c.rating * c.ratingShare;
        this.ratingWeight[k] = (this.ratingWeight[k] as number) + c.ratingShare;
        this.lastRated[tie] = c.day;
        this.ratedContacts[tie] = (this.ratedContacts[tie] as number) + 1;
      }
      mask |= CONTEXT_BIT[c.context];
      this.contexts[k] = bitCount(mask);
    }
  }

  /** Index of tie `i`'s last entry on or before `day`, or offsets[i] - 1 if they had not met. */
  entryAt(i: number, day: DayNumber): number {
    return seekTieEntry(this.days, this.offsets, this.cursor, i, day);
  }

  firstDay(i: number): DayNumber {
    return this.days[this.offsets[i] as number] as number;
  }

  /**
   * Tie i's measures on `day`, or null before the two met. Without `into` a fresh object is
   * returned; the strength loop passes its scratch object instead.
   */
  measuresAt(i: number, day: DayNumber, into?: OwnerTieMeasures): OwnerTieMeasures | null {
    const from = this.offsets[i] as number;
    const k = this.entryAt(i, day);
    if (k < from) return null;
    const m = into ?? { ...this.scratch };
    const last = this.days[k] as number;
    m.day = day;
    m.first = this.days[from] as number;
    m.last = last;
    m.contactDays = k - from + 1;
    m.weightedDays = this.weightedDays[k] as number;
    m.intensity = (this.decayed[k] as number) * 2 ** (-(day - last) / this.settings.intensityHalfLifeDays);
    m.gapSquares = this.gapSquares[k] as number;
    m.pauseDays = this.pauseDays[k] as number;
    m.pauses = this.pauses[k] as number;
    m.ownerInitiated = this.ownerInitiated[k] as number;
    m.theyInitiated = this.theyInitiated[k] as number;
    m.contexts = this.contexts[k] as number;
    m.ratingSum = this.ratingSum[k] as number;
    m.ratingWeight = this.ratingWeight[k] as number;
    m.firstWeight = this.weightedDays[from] as number;
    return m;
  }

  /** What the owner said about tie i (kind, cadence). */
  infoOf(i: number): OwnerTieInfo {
    return this.info[i] ?? NO_TIE_INFO;
  }

  /**
   * Fits the owner's model from every rated tie, measured on the day of its last rated contact
   * (see learn.ts), and keeps it for the unrated ties. Null when learning is off or too few people
   * are rated: the defaults apply.
   */
  learn(): LearnedStrength | null {
    this.learned = null;
    if (!this.settings.learnFromRatings) return null;
    const rows: Float64Array[] = [];
    const targets: number[] = [];
    const weights: number[] = [];
    let ratings = 0;
    const factors = emptyFactors();
    for (let i = 0, n = this.cursor.length; i < n; i++) {
      const day = this.lastRated[i] as number;
      if (Number.isNaN(day)) continue;
      const m = this.measuresAt(i, day, this.scratch) as OwnerTieMeasures;
      factorsBeforeSilence(m, this.settings, this.infoOf(i), null, factors);
      rows.push(tieFeatures(factors, this.infoOf(i), this.settings));
      targets.push((ratingMean(m) - 1) / 4);
      // More ratings, surer label; the weight saturates so that one much-rated tie does not rule.
      weights.push(m.ratingWeight / (m.ratingWeight + 1));
      ratings += this.ratedContacts[i] as number;
    }
    this.learned = fitLearned(rows, targets, weights, ratings, this.settings);
    return this.learned;
  }

  fillStrengths(out: Float64Array, at: number, day: DayNumber): void {
    for (let i = 0, n = this.cursor.length; i < n; i++) out[at + i] = this.strengthAt(i, day);
  }

  strengthAt(i: number, day: DayNumber): number {
    const m = this.measuresAt(i, day, this.scratch);
    if (!m) return 0;
    const f = ownerTieFactors(m, this.settings, this.infoOf(i), this.learned, this.scratchFactors);
    return combineFactors(f, this.settings);
  }
}
