import type { Encounter, Person } from '../../../shared/domain/entities';

export interface CommunityStats {
  /** Explicit members and everyone met there, each counted once. */
  members: number;
  encounters: number;
}

/** Member and encounter counts for every community in one pass (communityMembers per row would be quadratic). */
export function communityStats(
  people: readonly Person[],
  encounters: readonly Encounter[],
): Map<string, CommunityStats> {
  const members = new Map<string, Set<string>>();
  const encounterCounts = new Map<string, number>();
  const add = (communityId: string, personId: string) => {
    let set = members.get(communityId);
    if (!set) members.set(communityId, (set = new Set()));
    set.add(personId);
  };
  for (const p of people) for (const c of p.communityIds) add(c, p.id);
  for (const e of encounters) {
    if (!e.communityId) continue;
    encounterCounts.set(e.communityId, (encounterCounts.get(e.communityId) ?? 0) + 1);
    for (const id of e.participantIds) add(e.communityId, id);
  }
  const stats = new Map<string, CommunityStats>();
  for (const id of new Set([...members.keys(), ...encounterCounts.keys()])) {
    stats.set(id, { members: members.get(id)?.size ?? 0, encounters: encounterCounts.get(id) ?? 0 });
  }
  return stats;
}
