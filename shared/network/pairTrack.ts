import type { DayNumber } from './days';
import { combinePair, type PairTie } from './pairs';
import type { StrengthSettings } from './settings';
import { seekTieEntry } from './seek';

/**
 * Person-to-person ties in flat arrays, one entry per distinct day the two were seen together,
 * with the co-attendance intensity on that day (the same stable decay recurrence as OwnerTrack).
 */
export class PairTrack {
  readonly offsets: Int32Array;
  readonly days: Float64Array;
  private readonly decayed: Float64Array;
  /** The explicit tie's strength once it began (0 without one), when it began, when both ends are on the map. */
  private readonly explicit: Float64Array;
  private readonly since: Float64Array;
  readonly appears: Float64Array;
  private readonly cursor: Int32Array;

  constructor(
    pairs: readonly PairTie[],
    appears: ArrayLike<number>,
    private readonly settings: StrengthSettings,
  ) {
    const n = pairs.length;
    this.offsets = new Int32Array(n + 1);
    let entries = 0;
    for (let i = 0; i < n; i++) {
      const t = (pairs[i] as PairTie).together;
      for (let j = 0; j < t.length; j++) if (j === 0 || t[j]?.day !== t[j - 1]?.day) entries++;
      this.offsets[i + 1] = entries;
    }
    this.days = new Float64Array(entries);
    this.decayed = new Float64Array(entries);
    this.explicit = new Float64Array(n);
    this.since = new Float64Array(n);
    this.appears = Float64Array.from(appears);
    this.cursor = new Int32Array(n);
    const h = settings.coAttendance.halfLifeDays;
    for (let i = 0; i < n; i++) {
      const p = pairs[i] as PairTie;
      this.explicit[i] = p.explicitKind === null ? 0 : settings.tieKindStrength[p.explicitKind];
      this.since[i] = p.since ?? -Infinity;
      let k = (this.offsets[i] as number) - 1;
      this.cursor[i] = k;
      for (const t of p.together) {
        if (k < (this.offsets[i] as number) || t.day !== this.days[k]) {
          k++;
          const first = k === this.offsets[i];
          this.decayed[k] = first
            ? 0
            : (this.decayed[k - 1] as number) * 2 ** (-(t.day - (this.days[k - 1] as number)) / h);
          this.days[k] = t.day;
        }
        this.decayed[k] = (this.decayed[k] as number) + t.weight;
      }
    }
  }

  get size(): number {
    return this.cursor.length;
  }

  entryAt(i: number, day: DayNumber): number {
    return seekTieEntry(this.days, this.offsets, this.cursor, i, day);
  }

  /** Decayed co-attendance on `day` (0 if never seen together by then). */
  coAttendanceAt(i: number, day: DayNumber): number {
    const k = this.entryAt(i, day);
    if (k < (this.offsets[i] as number)) return 0;
    return (
      (this.decayed[k] as number) *
      2 ** (-(day - (this.days[k] as number)) / this.settings.coAttendance.halfLifeDays)
    );
  }

  explicitAt(i: number, day: DayNumber): number {
    return (this.since[i] as number) <= day ? (this.explicit[i] as number) : 0;
  }

  /**
   * Every pair's strength on `day` into out[at ..]: strengthAt inlined, because this loop runs over
   * every tie on every frame of the time slider.
   */
  fillStrengths(out: Float64Array, at: number, day: DayNumber): void {
    const rate = Math.LN2 / this.settings.coAttendance.halfLifeDays;
    const midpoint = this.settings.coAttendance.midpoint;
    const { offsets, days, decayed, explicit, since, appears, cursor } = this;
    for (let i = 0, n = cursor.length; i < n; i++) {
      if (day < (appears[i] as number)) {
        out[at + i] = 0;
        continue;
      }
      const k = seekTieEntry(days, offsets, cursor, i, day);
      const co =
        k >= (offsets[i] as number)
          ? (decayed[k] as number) * Math.exp(-(day - (days[k] as number)) * rate)
          : 0;
      const e = (since[i] as number) <= day ? (explicit[i] as number) : 0;
      out[at + i] = 1 - (1 - e) * (midpoint / (co + midpoint));
    }
  }

  strengthAt(i: number, day: DayNumber): number {
    if (day < (this.appears[i] as number)) return 0;
    return combinePair(this.explicitAt(i, day), this.coAttendanceAt(i, day), this.settings);
  }
}
