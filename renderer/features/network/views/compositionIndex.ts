import { utcDay, utcMonth } from 'd3-time';
import type { DayString, Encounter } from '../../../../shared/domain/entities';
import { CONTEXT_KINDS, type ContextKind } from '../../../../shared/domain/kinds';
import { datedEncounters } from '../../../../shared/network/dated';
import { dateToDay, dayToDate } from './calendar';

/**
 * The journal worked through once for the composition chart, so that moving the date only reads
 * tables: encounters in date order with their participants as small integers, each participant's
 * main context right after each encounter, and the active people by main context at every month end.
 */
export interface CompositionIndex {
  /** Encounter dates in ascending order. */
  dates: DayString[];
  /** Encounter i's participants (not the owner) are slots[offsets[i] .. offsets[i + 1] - 1]. */
  offsets: Int32Array;
  slots: Int32Array;
  /** Per slot: that person's main context (index into CONTEXT_KINDS) once the encounter is counted. */
  mainAfter: Uint8Array;
  people: number;
  /** A tie counts as active while its last contact is at most this many months old. */
  activeMonths: number;
  /** The first encounter's month: month m of the tables is `firstMonth + m`. */
  firstMonth: Date | null;
  /**
   * People active at the end of month m, by main context: monthCounts[m * kinds + k]. Past the last
   * month in the table everyone has been out of touch for longer than `activeMonths`: all zero.
   */
  monthCounts: Int32Array;
  months: number;
}

export interface CompositionIndexOptions {
  activeMonths?: number;
}

/** Steps the work, a slice at a time: returns the index once done, null while there is more. */
export interface CompositionIndexBuilder {
  step(deadline: number): CompositionIndex | null;
}

const KIND_INDEX = new Map<ContextKind, number>(CONTEXT_KINDS.map((k, i) => [k, i]));
const PER_KIND = CONTEXT_KINDS.length;
/** Encounters between two looks at the clock: a fraction of a millisecond of work. */
const ENCOUNTERS_PER_CHECK = 256;

/**
 * Who is active at each month end needs a pass over everyone per month (15 years of a 5,000-person
 * journal is about a million reads) on top of one pass over the encounters, which is a few hundred
 * milliseconds on a cold start. The builder checks the clock as it goes, so the caller can hand the
 * main thread back between slices.
 */
export function compositionIndexBuilder(
  encounters: readonly Encounter[],
  ownerId: string,
  options: CompositionIndexOptions = {},
): CompositionIndexBuilder {
  const activeMonths = options.activeMonths ?? 12;
  // Days that do not exist cannot be placed in a month (Settings › Data health lists them).
  const sorted = inDateOrder(datedEncounters(encounters));
  const n = sorted.length;
  const dates = sorted.map((e) => e.date);
  const offsets = new Int32Array(n + 1);
  const slotList: number[] = [];
  const mainList: number[] = [];
  const slotOf = new Map<string, number>();
  // Per person, grown as people appear: encounters per context kind, main context, last contact.
  let counts = new Int32Array(256 * PER_KIND);
  const main: number[] = [];
  const lastSeen: DayString[] = [];

  const firstMonth = n > 0 ? utcMonth.floor(dayToDate(dates[0] as DayString)) : null;
  const months =
    firstMonth === null ? 0 : utcMonth.count(firstMonth, dayToDate(dates[n - 1] as DayString)) + activeMonths;
  const monthCounts = new Int32Array(months * PER_KIND);
  let index: CompositionIndex | null = null;
  let next = 0; // encounters counted so far
  let month = 0; // month ends tallied so far

  const countEncounter = (e: Encounter) => {
    const k = KIND_INDEX.get(e.context) ?? 0;
    for (const id of e.participantIds) {
      if (id === ownerId) continue;
      let i = slotOf.get(id);
      if (i === undefined) {
        slotOf.set(id, (i = slotOf.size));
        if ((i + 1) * PER_KIND > counts.length) {
          const grown = new Int32Array(counts.length * 2);
          grown.set(counts);
          counts = grown;
        }
        main.push(k);
        lastSeen.push(e.date);
      }
      const c = (counts[i * PER_KIND + k] as number) + 1;
      counts[i * PER_KIND + k] = c;
      // A tie goes to the latest context.
      if (c >= (counts[i * PER_KIND + (main[i] as number)] as number)) main[i] = k;
      lastSeen[i] = e.date;
      slotList.push(i);
      mainList.push(main[i] as number);
    }
  };

  const tallyMonth = (m: number, deadline: number): boolean => {
    const start = utcMonth.offset(firstMonth as Date, m);
    const end = dateToDay(utcDay.offset(utcMonth.offset(start, 1), -1));
    for (let checked = 0; next < n && (dates[next] as DayString) <= end; next++) {
      countEncounter(sorted[next] as Encounter);
      offsets[next + 1] = slotList.length;
      if (++checked % ENCOUNTERS_PER_CHECK === 0 && performance.now() > deadline) return false;
    }
    const activeSince = activeSinceOf(end, activeMonths);
    for (let i = 0; i < lastSeen.length; i++) {
      if ((lastSeen[i] as DayString) >= activeSince) monthCounts[m * PER_KIND + (main[i] as number)]!++;
    }
    return true;
  };

  return {
    step(deadline) {
      while (index === null) {
        if (month < months) {
          if (!tallyMonth(month, deadline)) return null;
          month++;
        } else {
          index = {
            dates,
            offsets,
            slots: Int32Array.from(slotList),
            mainAfter: Uint8Array.from(mainList),
            people: slotOf.size,
            activeMonths,
            firstMonth,
            monthCounts,
            months,
          };
          break;
        }
        if (performance.now() > deadline) return null;
      }
      return index;
    },
  };
}

/** The whole index in one go: for tests and small journals. */
export function buildCompositionIndex(
  encounters: readonly Encounter[],
  ownerId: string,
  options: CompositionIndexOptions = {},
): CompositionIndex {
  return compositionIndexBuilder(encounters, ownerId, options).step(Infinity) as CompositionIndex;
}

/** People active on `day` by main context, read backwards from `day` over the active window only. */
export function activeByKindOn(index: CompositionIndex, day: DayString): Int32Array {
  const byKind = new Int32Array(PER_KIND);
  const { dates, offsets, slots, mainAfter } = index;
  const activeSince = activeSinceOf(day, index.activeMonths);
  const seen = new Uint8Array(index.people);
  for (let e = lastAtOrBefore(dates, day); e >= 0 && (dates[e] as DayString) >= activeSince; e--) {
    for (let j = (offsets[e + 1] as number) - 1; j >= (offsets[e] as number); j--) {
      const i = slots[j] as number;
      if (seen[i]) continue;
      seen[i] = 1;
      byKind[mainAfter[j] as number]!++;
    }
  }
  return byKind;
}

/** The first day on which a contact still counts as active on `day`. */
function activeSinceOf(day: DayString, activeMonths: number): DayString {
  return dateToDay(utcDay.offset(utcMonth.offset(dayToDate(day), -activeMonths), 1));
}

function lastAtOrBefore(dates: readonly DayString[], day: DayString): number {
  let lo = 0;
  let hi = dates.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((dates[mid] as DayString) <= day) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** The journal's hooks list encounters newest first: then a reversal does, and no sort is needed. */
function inDateOrder(encounters: readonly Encounter[]): Encounter[] {
  let ascending = true;
  let descending = true;
  for (let i = 1; i < encounters.length && (ascending || descending); i++) {
    const c = cmp((encounters[i - 1] as Encounter).date, (encounters[i] as Encounter).date);
    if (c > 0) ascending = false;
    if (c < 0) descending = false;
  }
  if (ascending) return [...encounters];
  if (descending) return [...encounters].reverse();
  return [...encounters].sort((a, b) => cmp(a.date, b.date));
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
