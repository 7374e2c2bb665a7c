import type { Community, DayString, Encounter, Person } from '../domain/entities';
import type { DaySpan } from './changeSpan';
import { communityVisits, visitRhythm, visitTrack, type CommunityVisits } from './communityVisits';
import { datedEncounters } from './dated';
import { dayNumber, dayString, type DayNumber } from './days';
import { isFading, rhythmOf, type Rhythm } from './factors';
import type { OwnerTrack } from './ownerTrack';
import type { StrengthSettings } from './settings';
import type { TimeIndex } from './timeIndex';

/**
 * A tie "grew" over a span when its strength rose by at least this much (strength is 0..1; the
 * words Weak, Moderate and Strong are 0.15 apart, so a tenth is most of a step up).
 */
export const TIE_GREW_BY = 0.1;

/** Someone met for the first time in the span. */
export interface MetPerson {
  personId: string;
  name: string;
  day: DayString;
  /** The journal community of the first meeting (or of their membership), '' when none. */
  communityId: string;
  community: string;
  /** The tie's strength at the end of the span. */
  strength: number;
}

/** An owner tie whose strength changed over the span: strength the day before it began, and at its end. */
export interface ChangedTie {
  personId: string;
  name: string;
  before: number;
  after: number;
  lastContact: DayString;
  /** For a faded tie: the day its silence went past its rhythm. '' for a tie that grew. */
  fadedOn: DayString | '';
}

/** A journal community the owner began going to, or stopped going to, in the span. */
export interface CommunityChange {
  communityId: string;
  name: string;
  /** Joined: the first encounter there. Left: the last one. */
  day: DayString;
  /** Left: the day the silence went past the usual pause between visits. '' when joined. */
  leftOn: DayString | '';
  /** People met there: in the span when joined, ever (up to the span's end) when left. */
  people: number;
}

export interface NetworkChanges {
  from: DayString;
  to: DayString;
  /** By day of first meeting, then name. */
  met: MetPerson[];
  /** The community where at least half of the new people were met, if one. */
  mostlyAt: { communityId: string; name: string; people: number } | null;
  /** Ties that went quiet past their own rhythm in the span, the most strength lost first. */
  faded: ChangedTie[];
  /** Ties that grew by at least `grewBy`, the most gained first (people met in the span are in `met`). */
  grew: ChangedTie[];
  joined: CommunityChange[];
  left: CommunityChange[];
}

/** What "what changed" needs besides the time index, gathered once per journal. */
export interface ChangeIndex {
  communities: CommunityVisits[];
  /** The communities' visits as running totals, in the order of `communities`. */
  visits: OwnerTrack;
  /** Every journal community's name, by id (visited or not). */
  names: Map<string, string>;
  /** Per person of the index: the community where they were first met, '' when none. */
  metAt: string[];
}

/**
 * The journal's communities as the owner went to them, and where each person was first met: the
 * community of the first encounter with them that names one (on their first day), else the first
 * community they are a member of. One pass over the encounters.
 */
export function buildChangeIndex(
  index: TimeIndex,
  journal: {
    people: readonly Pick<Person, 'id' | 'communityIds'>[];
    encounters: readonly Pick<Encounter, 'date' | 'communityId' | 'participantIds' | 'context'>[];
    communities: readonly Pick<Community, 'id' | 'name'>[];
  },
): ChangeIndex {
  const firstDay = new Float64Array(index.people.length).fill(Infinity);
  const metAt = index.people.map(() => '');
  // Thousands of encounters share a few thousand days: each day is parsed once.
  const days = new Map<string, DayNumber>();
  const dayOf = (date: string) => {
    let day = days.get(date);
    if (day === undefined) days.set(date, (day = dayNumber(date)));
    return day;
  };
  for (const e of datedEncounters(journal.encounters)) {
    const day = dayOf(e.date);
    for (const id of e.participantIds) {
      const k = index.personIndex.get(id);
      if (k === undefined) continue;
      const first = firstDay[k] as number;
      if (day < first || (day === first && !metAt[k] && e.communityId)) {
        firstDay[k] = day;
        metAt[k] = e.communityId;
      }
    }
  }
  for (const p of journal.people) {
    const k = index.personIndex.get(p.id);
    if (k !== undefined && !metAt[k]) metAt[k] = p.communityIds[0] ?? '';
  }
  const communities = [
    ...communityVisits(journal.encounters, journal.communities, index.ownerId, dayOf).values(),
  ];
  return {
    communities,
    visits: visitTrack(communities, index.settings),
    names: new Map(journal.communities.map((c) => [c.id, c.name])),
    metAt,
  };
}

/**
 * The day a silence that began on `last` becomes fading under `rhythm` (the rhythm of the tie since
 * its last contact, which does not change until the next one): the first day isFading holds.
 */
export function fadingOnset(last: DayNumber, rhythm: Rhythm, settings: StrengthSettings): DayNumber {
  const holds = (days: number) => isFading(days, days / rhythm.usualGapDays, settings);
  let days = Math.max(settings.fadingMinDays, Math.floor(settings.fadingThreshold * rhythm.usualGapDays) + 1);
  // The closed form can be a day off where floating point meets the boundary: step to the exact one.
  while (days > 0 && holds(days - 1)) days--;
  while (!holds(days)) days++;
  return last + days;
}

/**
 * What changed between the day before `span.from` and `span.to`, both ends included:
 * - met: people first met in the span;
 * - faded: owner ties fading on `span.to` (past their own rhythm, as fadingTies says) whose silence
 *   went past that rhythm in the span, so a tie already lost before it began is not news; archived
 *   people are left out, as in fadingTies;
 * - grew: owner ties at least `grewBy` stronger at the end than the day before the start;
 * - joined / left: journal communities first visited in the span, or whose visits went quiet past
 *   their usual pause in it (the same rhythm test as a tie).
 * One step per person and community; the time index answers each strength in O(log n).
 */
export function changesBetween(
  index: TimeIndex,
  changeIndex: ChangeIndex,
  span: DaySpan,
  options: { grewBy?: number } = {},
): NetworkChanges {
  if (!(span.from <= span.to)) {
    throw new RangeError(`The span ends (${dayString(span.to)}) before it begins (${dayString(span.from)}).`);
  }
  const grewBy = options.grewBy ?? TIE_GREW_BY;
  const { settings } = index;
  const before = span.from - 1;
  const met: MetPerson[] = [];
  const faded: ChangedTie[] = [];
  const grew: ChangedTie[] = [];
  const communityName = (id: string) => (id ? (changeIndex.names.get(id) ?? id) : '');

  index.people.forEach((person, k) => {
    const tie = person.ownerTie;
    if (tie < 0) return;
    const first = index.owner.firstDay(tie);
    if (first > span.to) return;
    if (first >= span.from) {
      const communityId = changeIndex.metAt[k] ?? '';
      met.push({
        personId: person.id,
        name: person.name,
        day: dayString(first),
        communityId,
        community: communityName(communityId),
        strength: index.owner.strengthAt(tie, span.to),
      });
      return;
    }
    const m = index.owner.measuresAt(tie, span.to);
    if (!m) return;
    const strengthBefore = index.owner.strengthAt(tie, before);
    const strengthAfter = index.owner.strengthAt(tie, span.to);
    const rhythm = rhythmOf(m, settings);
    const change = {
      personId: person.id,
      name: person.name,
      before: strengthBefore,
      after: strengthAfter,
      lastContact: dayString(m.last),
    };
    const onset = rhythm.fading ? fadingOnset(m.last, rhythm, settings) : Infinity;
    // A tie that rose and then went quiet past its rhythm within the span is told as faded: that is
    // where it stands at the end.
    if (onset >= span.from && onset <= span.to) {
      if (!person.archived) faded.push({ ...change, fadedOn: dayString(onset) });
    } else if (strengthAfter - strengthBefore >= grewBy) grew.push({ ...change, fadedOn: '' });
  });

  const joined: CommunityChange[] = [];
  const left: CommunityChange[] = [];
  changeIndex.communities.forEach((c, i) => {
    const first = c.visits[0]?.day ?? Infinity;
    if (first > span.to) return;
    const metThere = (from: number) => {
      let n = 0;
      for (const day of c.people.values()) if (day >= from && day <= span.to) n++;
      return n;
    };
    if (first >= span.from) {
      joined.push({
        communityId: c.id,
        name: c.name,
        day: dayString(first),
        leftOn: '',
        people: metThere(span.from),
      });
      return;
    }
    const rhythm = visitRhythm(changeIndex.visits, i, span.to, settings);
    if (!rhythm?.fading) return;
    const onset = fadingOnset(rhythm.last, rhythm, settings);
    if (onset < span.from) return;
    left.push({
      communityId: c.id,
      name: c.name,
      day: dayString(rhythm.last),
      leftOn: dayString(onset),
      people: metThere(-Infinity),
    });
  });

  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
  met.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : byName(a, b)));
  faded.sort((a, b) => b.before - b.after - (a.before - a.after) || byName(a, b));
  grew.sort((a, b) => b.after - b.before - (a.after - a.before) || byName(a, b));
  joined.sort((a, b) => b.people - a.people || byName(a, b));
  left.sort((a, b) => b.people - a.people || byName(a, b));
  return {
    from: dayString(span.from),
    to: dayString(span.to),
    met,
    mostlyAt: mostlyAt(met),
    faded,
    grew,
    joined,
    left,
  };
}

/** The community where at least half of the new people were met ("mostly at Riverside Runners"). */
function mostlyAt(met: readonly MetPerson[]): NetworkChanges['mostlyAt'] {
  const counts = new Map<string, number>();
  for (const p of met) if (p.communityId) counts.set(p.communityId, (counts.get(p.communityId) ?? 0) + 1);
  let best: NetworkChanges['mostlyAt'] = null;
  for (const [communityId, people] of counts) {
    if (!best || people > best.people) {
      const name = met.find((p) => p.communityId === communityId)?.community ?? communityId;
      best = { communityId, name, people };
    }
  }
  return best && best.people * 2 >= met.length && met.length >= 2 ? best : null;
}
