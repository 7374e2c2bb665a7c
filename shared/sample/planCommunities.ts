import { burstyDays } from './bursts';
import { communityName, PROFILES, type CommunityProfile } from './communities';
import type { CommunityPlan, Window } from './model';
import { apportion, WeightedPicker, type Random } from './random';

/** About one community per this many people: a busy networker's clubs, jobs, lists and events. */
const PEOPLE_PER_COMMUNITY = 22;

/**
 * The owner's communities, each with the span of days the owner was part of it and the days of its
 * gatherings. Gatherings come in bursts (seasons, projects, a run of meetups), not on a metronome.
 * `gatheringBudget` is shared out over the journal (up to the reference day); the simulated days
 * after it get gatherings at each community's own rate, and some communities end there.
 */
export function planCommunities(
  random: Random,
  count: number,
  gatheringBudget: number,
  window: Window,
  newId: () => string,
): CommunityPlan[] {
  const kinds = new WeightedPicker(PROFILES.map((p) => p.share));
  const names = new Map<string, number>();
  const span = window.last - window.first;
  const plans: CommunityPlan[] = [];
  for (let index = 0; index < count; index++) {
    const profile = PROFILES[kinds.pick(random)] as CommunityProfile;
    // Half were already part of the owner's life when the journal starts.
    const start = random.chance(0.5)
      ? window.first
      : window.first + Math.floor(random.next() * Math.max(1, span - 90));
    const lasting = random.chance(profile.lasting);
    const end = lasting
      ? window.until
      : Math.min(window.until, start + 180 + Math.round(random.exponential(3 * 365)));
    const { name, organisation } = communityName(random, profile, names);
    plans.push({
      index,
      id: newId(),
      name,
      organisation,
      profile,
      active: { from: start, to: end },
      members: [],
      gatherings: [],
    });
  }

  const past = (c: CommunityPlan) => ({ from: c.active.from, to: Math.min(c.active.to, window.last) });
  const lengthOf = (i: { from: number; to: number }) => Math.max(0, i.to - i.from + 1);
  const weights = plans.map(
    (c) => c.profile.gatheringsPerYear * (lengthOf(past(c)) / 365) * random.logNormal(1, 0.4),
  );
  const counts = count > 0 ? apportion(gatheringBudget, weights) : [];
  const shape = { meanBurst: 5, meanGapDays: 6 };
  for (const c of plans) {
    const pastCount = counts[c.index] ?? 0;
    const days = burstyDays(random, pastCount, [past(c)], past(c), shape);
    // After the reference day, at the same rate as before it.
    const future = { from: window.last + 1, to: c.active.to };
    if (future.to >= future.from && pastCount > 0) {
      const rate = pastCount / lengthOf(past(c));
      days.push(...burstyDays(random, random.poisson(rate * lengthOf(future)), [future], future, shape));
    }
    c.gatherings = days.map((day) => ({
      community: c.index,
      day,
      target: gatheringSize(random, c.profile),
      participants: [],
    }));
  }
  return plans;
}

export function communityCount(people: number): number {
  return people === 0 ? 0 : Math.max(3, Math.round(people / PEOPLE_PER_COMMUNITY));
}

/** Mostly small groups; now and then a big occasion (a party, a conference day) with many people. */
function gatheringSize(random: Random, profile: CommunityProfile): number {
  const median = random.chance(0.04) ? profile.groupMedian * 6 : profile.groupMedian;
  return Math.max(1, Math.min(400, Math.round(random.logNormal(median, profile.groupSigma))));
}
