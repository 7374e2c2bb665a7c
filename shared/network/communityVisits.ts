import type { Community, Encounter } from '../domain/entities';
import type { Contact } from './contacts';
import { datedEncounters } from './dated';
import { dayNumber, type DayNumber } from './days';
import { rhythmOf, type Rhythm } from './factors';
import { OwnerTrack } from './ownerTrack';
import type { StrengthSettings } from './settings';

/** The owner's encounters in one journal community, as days: when they went there. */
export interface CommunityVisits {
  id: string;
  name: string;
  /** Days with an encounter there, as contacts in date order (one per day: only the days count). */
  visits: Contact[];
  /** Who was met there, with the first day each was met there. */
  people: Map<string, DayNumber>;
}

/**
 * Every journal community the owner has been to (an encounter recorded there), by id. A community
 * without encounters has no place in time and is left out. Encounters name a community that was
 * deleted on another device keep their id as the name until it syncs.
 */
export function communityVisits(
  encounters: readonly Pick<Encounter, 'date' | 'communityId' | 'participantIds' | 'context'>[],
  communities: readonly Pick<Community, 'id' | 'name'>[],
  ownerId: string,
  dayOf: (date: string) => DayNumber = dayNumber,
): Map<string, CommunityVisits> {
  const names = new Map(communities.map((c) => [c.id, c.name]));
  const days = new Map<string, Map<DayNumber, Encounter['context']>>();
  const people = new Map<string, Map<string, DayNumber>>();
  for (const e of datedEncounters(encounters)) {
    if (!e.communityId) continue;
    const day = dayOf(e.date);
    const seen = days.get(e.communityId) ?? new Map<DayNumber, Encounter['context']>();
    if (!seen.has(day)) seen.set(day, e.context);
    days.set(e.communityId, seen);
    const met = people.get(e.communityId) ?? new Map<string, DayNumber>();
    for (const id of e.participantIds) {
      if (id === ownerId) continue;
      const first = met.get(id);
      if (first === undefined || day < first) met.set(id, day);
    }
    people.set(e.communityId, met);
  }
  const out = new Map<string, CommunityVisits>();
  for (const [id, seen] of days) {
    const visits = [...seen]
      .sort((a, b) => a[0] - b[0])
      .map(([day, context]): Contact => ({
        day,
        weight: 1,
        share: 1,
        ratingShare: 0,
        rating: 0,
        initiative: 'unknown',
        context,
      }));
    out.set(id, { id, name: names.get(id) ?? id, visits, people: people.get(id) ?? new Map() });
  }
  return out;
}

/**
 * The communities' visits as one track of running totals (the owner ties' structure: a date's
 * measures in O(log n)), in the order of `list`.
 */
export function visitTrack(list: readonly CommunityVisits[], settings: StrengthSettings): OwnerTrack {
  return new OwnerTrack(
    list.map((c) => c.visits),
    settings,
  );
}

/**
 * The rhythm of the owner's visits to community `i` of the track on `day` (null before the first):
 * the same test as a tie's (rhythmOf), so a community is left when its silence goes past its own
 * usual pause between visits, the way a tie fades.
 */
export function visitRhythm(
  track: OwnerTrack,
  i: number,
  day: DayNumber,
  settings: StrengthSettings,
): (Rhythm & { last: DayNumber }) | null {
  const m = track.measuresAt(i, day);
  return m ? { ...rhythmOf(m, settings), last: m.last } : null;
}
