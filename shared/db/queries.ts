import type { DayString, Encounter, Person } from '../domain/entities';
import type { Channel, ContextKind } from '../domain/kinds';

/** Pure, in-memory queries the renderer runs over collections it already holds. */

export interface JournalFilter {
  contexts?: ContextKind[];
  channels?: Channel[];
  personId?: string;
  communityId?: string;
  tag?: string;
  /** Inclusive. */
  from?: DayString;
  /** Inclusive. */
  to?: DayString;
}

function hasTag(tags: readonly string[], wanted: string): boolean {
  return tags.some((t) => t.toLocaleLowerCase() === wanted);
}

/** An empty list or empty string means "no filter on that", so a cleared control shows everything. */
export function matchesFilter(e: Encounter, f: JournalFilter, peopleById: Map<string, Person>): boolean {
  if (f.contexts?.length && !f.contexts.includes(e.context)) return false;
  if (f.channels?.length && !f.channels.includes(e.channel)) return false;
  if (f.personId && !e.participantIds.includes(f.personId) && e.initiatorId !== f.personId) return false;
  if (f.communityId && e.communityId !== f.communityId) return false;
  if (f.from && e.date < f.from) return false;
  if (f.to && e.date > f.to) return false;
  const tag = f.tag?.trim().toLocaleLowerCase();
  if (tag) {
    const viaPeople = e.participantIds.some((id) => {
      const p = peopleById.get(id);
      return p !== undefined && hasTag(p.tags, tag);
    });
    if (!hasTag(e.tags, tag) && !viaPeople) return false;
  }
  return true;
}

/** Newest day first; within a day, latest time first, with "time unknown" after timed ones; then id for a stable order. */
export function compareEncountersNewestFirst(a: Encounter, b: Encounter): number {
  if (a.date !== b.date) return a.date < b.date ? 1 : -1;
  if (a.time !== b.time) return a.time < b.time ? 1 : -1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export interface CommunityMember {
  person: Person;
  /** Listed as a member on their person page (not only seen at the community's encounters). */
  explicit: boolean;
  /** Encounters in this community they took part in. */
  encounterCount: number;
}

/** Explicit members plus everyone met at the community's encounters; most encountered first. */
export function communityMembers(
  communityId: string,
  people: Person[],
  encounters: Encounter[],
): CommunityMember[] {
  const counts = new Map<string, number>();
  for (const e of encounters) {
    if (e.communityId !== communityId) continue;
    for (const id of e.participantIds) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return people
    .filter((p) => p.communityIds.includes(communityId) || counts.has(p.id))
    .map((p) => ({
      person: p,
      explicit: p.communityIds.includes(communityId),
      encounterCount: counts.get(p.id) ?? 0,
    }))
    .sort(
      (a, b) =>
        b.encounterCount - a.encounterCount ||
        a.person.name.localeCompare(b.person.name) ||
        (a.person.id < b.person.id ? -1 : 1),
    );
}
