import { compareEncountersNewestFirst } from '../../../shared/db';
import { isRealDay } from '../../../shared/domain/days';
import type { Community, DayString, Encounter, Person } from '../../../shared/domain/entities';

// What a person page shows that is not stored on the person: it follows from the encounters.

/** Their encounters, newest first. */
export function encountersWith(personId: string, encounters: readonly Encounter[]): Encounter[] {
  return encounters.filter((e) => e.participantIds.includes(personId)).sort(compareEncountersNewestFirst);
}

/** The earliest encounter with them: "how we met", as the journal remembers it. */
export function firstEncounter(timelineNewestFirst: readonly Encounter[]): Encounter | undefined {
  return timelineNewestFirst[timelineNewestFirst.length - 1];
}

/**
 * The day each person was last met (people never met are absent). A day that does not exist
 * ("not-a-date" sorts after every real day) would pass for the latest, so it is left out.
 */
export function lastMetByPerson(encounters: readonly Encounter[]): Map<string, DayString> {
  const last = new Map<string, DayString>();
  for (const e of encounters) {
    if (!isRealDay(e.date)) continue;
    for (const id of e.participantIds) {
      const seen = last.get(id);
      if (seen === undefined || e.date > seen) last.set(id, e.date);
    }
  }
  return last;
}

export interface PersonCommunity {
  community: Community;
  /** Listed as a member on the person. */
  explicit: boolean;
  /** Encounters with them that were part of this community. */
  encounterCount: number;
}

/** Communities a person belongs to: the explicit ones plus any they met the owner in. */
export function communitiesOf(
  person: Person,
  timeline: readonly Encounter[],
  communitiesById: ReadonlyMap<string, Community>,
): PersonCommunity[] {
  const byId = new Map<string, PersonCommunity>();
  for (const id of person.communityIds) {
    const community = communitiesById.get(id);
    if (community) byId.set(id, { community, explicit: true, encounterCount: 0 });
  }
  for (const e of timeline) {
    if (!e.communityId) continue;
    const community = communitiesById.get(e.communityId);
    if (!community) continue;
    const entry = byId.get(e.communityId) ?? { community, explicit: false, encounterCount: 0 };
    entry.encounterCount += 1;
    byId.set(e.communityId, entry);
  }
  return [...byId.values()].sort(
    (a, b) => b.encounterCount - a.encounterCount || a.community.name.localeCompare(b.community.name),
  );
}
