import type { Encounter, Person } from '../domain/entities';
import { datedEncounters } from './dated';
import { dayNumber } from './days';

/**
 * Who belongs to which journal community. A person belongs to a community when the owner made them
 * a member (Person.communityIds) or when they took part in an encounter held in it
 * (Encounter.communityId); a mailing list or an online group counts like any other. Nothing else
 * makes a member: being in the same map cluster as the members does not.
 */
export interface Membership {
  communityId: string;
  /** Encounters with them held in the community, up to the day asked about. */
  encounters: number;
  /** The owner made them a member (a membership without a date: it holds on every day). */
  explicit: boolean;
}

/** What a person's memberships are made of, for any day. */
export interface MembershipFacts {
  /** Explicit memberships, in the order the owner added them. */
  explicit: readonly string[];
  /** Day numbers of their encounters held in each community, ascending. */
  days: ReadonlyMap<string, readonly number[]>;
}

/**
 * A person's communities on `day`, theirs first. The rule: the community they were met in most
 * often up to that day; on equal encounters, one the owner made them a member of; then the order
 * of explicit membership; then the community id, so the order never depends on the input's.
 * A community they were only ever met in after `day` is not theirs yet.
 */
export function membershipsAt(facts: MembershipFacts, day: number): Membership[] {
  const found = new Map<string, Membership>();
  for (const [communityId, days] of facts.days) {
    const encounters = countUpTo(days, day);
    if (encounters > 0) found.set(communityId, { communityId, encounters, explicit: false });
  }
  for (const id of facts.explicit) {
    const known = found.get(id);
    if (known) known.explicit = true;
    else found.set(id, { communityId: id, encounters: 0, explicit: true });
  }
  const order = (m: Membership) => {
    const i = facts.explicit.indexOf(m.communityId);
    return i < 0 ? Infinity : i;
  };
  return [...found.values()].sort(
    (a, b) =>
      b.encounters - a.encounters ||
      Number(b.explicit) - Number(a.explicit) ||
      order(a) - order(b) ||
      (a.communityId < b.communityId ? -1 : a.communityId > b.communityId ? 1 : 0),
  );
}

/** Each person's membership facts, from the stored people and encounters (undated encounters left out). */
export function membershipFacts(
  people: readonly Person[],
  encounters: readonly Encounter[],
): Map<string, MembershipFacts> {
  const days = new Map<string, Map<string, number[]>>();
  for (const e of datedEncounters(encounters)) {
    if (!e.communityId) continue;
    const day = dayNumber(e.date);
    for (const id of new Set(e.participantIds)) {
      let byCommunity = days.get(id);
      if (!byCommunity) days.set(id, (byCommunity = new Map()));
      const list = byCommunity.get(e.communityId);
      if (list) list.push(day);
      else byCommunity.set(e.communityId, [day]);
    }
  }
  const facts = new Map<string, MembershipFacts>();
  for (const p of people) {
    const byCommunity = days.get(p.id) ?? new Map<string, number[]>();
    for (const list of byCommunity.values()) list.sort((a, b) => a - b);
    facts.set(p.id, { explicit: [...new Set(p.communityIds)], days: byCommunity });
  }
  return facts;
}

/** How many of the ascending `days` are on or before `day` (a binary search). */
function countUpTo(days: readonly number[], day: number): number {
  let lo = 0;
  let hi = days.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((days[mid] as number) <= day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
