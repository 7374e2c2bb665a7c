import type { Encounter, Person, Tie } from '../domain/entities';
import type { TieKind } from '../domain/kinds';
import { contactsByPerson, type Contact } from './contacts';
import { datedEncounters, datedTies } from './dated';
import { dayNumber, dayOfTimestamp, toDay, type DayLike, type DayNumber } from './days';
import type { OwnerTieInfo } from './factors';
import type { LearnedStrength } from './learn';
import { ownerTieKinds } from './ownerKinds';
import { OwnerTrack } from './ownerTrack';
import { PairTrack } from './pairTrack';
import { pairTies } from './pairs';
import { DEFAULT_STRENGTH_SETTINGS, type StrengthSettings } from './settings';
import { tieAt, type TieDetail } from './tieDetail';

/** One tie of the network: the owner's tie with a person, or a tie between two people. */
export interface TieRef {
  kind: 'owner' | 'pair';
  /** The owner's id for owner ties; otherwise the smaller of the two ids. */
  a: string;
  b: string;
  /**
   * The explicit relationship, if the owner recorded one: between the two people of a pair tie, or
   * for an owner tie, what the owner marked the person as (family, friend…).
   */
  explicitKind: TieKind | null;
}

/** What the index knows of each person, by person index. */
export interface PersonEntry {
  id: string;
  name: string;
  /** The day they were first met, or (never met) the day they were added to the journal. */
  appears: DayNumber;
  /** Index of the owner tie in `ties`, or -1 when never met. */
  ownerTie: number;
  cadenceDays: number;
  archived: boolean;
  wantToReach: boolean;
}

export interface TimeIndexOptions {
  /**
   * The owner's learned model to use instead of fitting one: a view built over part of the journal
   * (one person's page) passes the model learned from the whole journal, so its numbers match the
   * map's. Null: no learned part. Absent: fitted from this index's ties (see OwnerTrack.learn).
   */
  learned?: LearnedStrength | null;
}

export type { DayLike };
export { toDay };

/**
 * The strength of every tie at any date. Built once from the journal; `strengthsAt` then costs one
 * step per tie (O(1) while the date moves forward a little, O(log n) for a jump), so a time slider
 * can replay the network. `ties[i]` and `strengthsAt(day)[i]` refer to the same tie; owner ties come
 * first (0 .. ownerTieCount - 1).
 */
export class TimeIndex {
  readonly ownerId: string;
  readonly ties: readonly TieRef[];
  readonly ownerTieCount: number;
  readonly people: readonly PersonEntry[];
  readonly personIndex: ReadonlyMap<string, number>;
  /** Participants and tie ends that are not in the journal's people (not synced yet). */
  readonly unknownPeople: readonly string[];
  /** The first and last day with an encounter (NaN when there are none): the slider's range. */
  readonly firstDay: DayNumber;
  readonly lastDay: DayNumber;
  readonly owner: OwnerTrack;
  readonly pairs: PairTrack;

  constructor(
    people: readonly Person[],
    journalEncounters: readonly Encounter[],
    journalTies: readonly Tie[],
    readonly settings: StrengthSettings = DEFAULT_STRENGTH_SETTINGS,
    options: TimeIndexOptions = {},
  ) {
    // A day that does not exist has no place in time: such documents stay out (see dated.ts).
    const encounters = datedEncounters(journalEncounters);
    const ties = datedTies(journalTies);
    const owners = people.filter((p) => p.isOwner);
    if (owners.length !== 1) {
      throw new RangeError(`The journal must have exactly one owner ("me"); it has ${owners.length}.`);
    }
    this.ownerId = (owners[0] as Person).id;
    const others = people.filter((p) => !p.isOwner);
    const known = new Set(others.map((p) => p.id));
    const { contacts, unknown } = contactsByPerson(encounters, this.ownerId, known, settings);
    const ownerKinds = ownerTieKinds(ties, this.ownerId, settings);

    const histories: Contact[][] = [];
    const infos: OwnerTieInfo[] = [];
    const refs: TieRef[] = [];
    const entries: PersonEntry[] = [];
    const personIndex = new Map<string, number>();
    for (const p of others) {
      const history = contacts.get(p.id);
      personIndex.set(p.id, entries.length);
      entries.push({
        id: p.id,
        name: p.name,
        appears: history ? (history[0] as Contact).day : dayOfTimestamp(p.createdAt),
        ownerTie: history ? refs.length : -1,
        cadenceDays: p.cadenceDays,
        archived: p.archived,
        wantToReach: p.wantToReach,
      });
      if (!history) continue;
      const kind = ownerKinds.get(p.id) ?? null;
      histories.push(history);
      infos.push({ kind, cadenceDays: p.cadenceDays });
      refs.push({ kind: 'owner', a: this.ownerId, b: p.id, explicitKind: kind });
    }
    this.owner = new OwnerTrack(histories, settings, infos);
    if (options.learned === undefined) this.owner.learn();
    else this.owner.learned = settings.learnFromRatings ? options.learned : null;
    this.ownerTieCount = refs.length;

    const pairs = pairTies(encounters, ties, this.ownerId, known, settings);
    const appearsOf = (id: string) => (entries[personIndex.get(id) as number] as PersonEntry).appears;
    this.pairs = new PairTrack(
      pairs,
      pairs.map((p) => Math.max(appearsOf(p.a), appearsOf(p.b))),
      settings,
    );
    for (const p of pairs) refs.push({ kind: 'pair', a: p.a, b: p.b, explicitKind: p.explicitKind });
    for (const t of ties)
      for (const id of [t.aId, t.bId]) if (id !== this.ownerId && !known.has(id)) unknown.add(id);

    this.ties = refs;
    this.people = entries;
    this.personIndex = personIndex;
    this.unknownPeople = [...unknown];
    let first = Infinity;
    let last = -Infinity;
    for (const e of encounters) {
      const d = dayNumber(e.date);
      if (d < first) first = d;
      if (d > last) last = d;
    }
    this.firstDay = Number.isFinite(first) ? first : Number.NaN;
    this.lastDay = Number.isFinite(last) ? last : Number.NaN;
  }

  /** Strength of every tie on `day`, aligned with `ties`; pass `out` to reuse one array per frame. */
  strengthsAt(day: DayLike, out: Float64Array = new Float64Array(this.ties.length)): Float64Array {
    if (out.length !== this.ties.length) {
      throw new RangeError(`The output array has ${out.length} slots for ${this.ties.length} ties.`);
    }
    const t = toDay(day);
    this.owner.fillStrengths(out, 0, t);
    this.pairs.fillStrengths(out, this.ownerTieCount, t);
    return out;
  }

  /** What the owner's ratings taught (null: learning off, or too few rated people). */
  get learned(): LearnedStrength | null {
    return this.owner.learned;
  }

  /** Everything behind one tie's strength on `day` (see tieDetail.ts). */
  tieAt(tie: number, day: DayLike): TieDetail {
    return tieAt(this, tie, day);
  }

  /** True when the person is on the map on `day` (met by then, or journaled by then if never met). */
  isPresent(person: number, day: DayNumber): boolean {
    return (this.people[person] as PersonEntry).appears <= day;
  }
}

/** Builds the time index of a journal (people including the owner, encounters, explicit ties). */
export function buildTimeIndex(
  people: readonly Person[],
  encounters: readonly Encounter[],
  ties: readonly Tie[],
  settings: StrengthSettings = DEFAULT_STRENGTH_SETTINGS,
  options: TimeIndexOptions = {},
): TimeIndex {
  return new TimeIndex(people, encounters, ties, settings, options);
}
