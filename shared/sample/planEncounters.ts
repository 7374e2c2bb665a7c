import { burstyDays } from './bursts';
import { pickSetting, UNAFFILIATED, type Setting } from './communities';
import type { CommunityPlan, Gathering, PersonPlan } from './model';
import { apportion, WeightedPicker, type Random } from './random';

export interface EncounterPlan {
  day: number;
  /** Person indices; never the owner. */
  participants: number[];
  /** Community index, or -1. */
  community: number;
  setting: Setting;
  oneToOne: boolean;
}

/** Outside their periods of active contact people still turn up, but rarely. */
const OFF_PHASE_WEIGHT = 0.05;

function inPhase(person: PersonPlan, day: number): boolean {
  for (const p of person.phases) if (p.from <= day && day <= p.to) return true;
  return false;
}

/**
 * Fills each gathering with members the owner knew on that day (never before they met, never after
 * the tie ended), favouring close, sociable people in an active period. Gatherings nobody could
 * have attended are dropped.
 */
export function fillGatherings(
  random: Random,
  communities: CommunityPlan[],
  people: PersonPlan[],
): EncounterPlan[] {
  const plans: EncounterPlan[] = [];
  for (const community of communities) {
    for (const gathering of community.gatherings) {
      addParticipants(random, gathering, community, people);
      if (gathering.participants.length === 0) continue;
      plans.push({
        day: gathering.day,
        participants: gathering.participants,
        community: community.index,
        setting: pickSetting(random, community.profile.gatherings),
        oneToOne: false,
      });
    }
  }
  return plans;
}

function addParticipants(random: Random, g: Gathering, community: CommunityPlan, people: PersonPlan[]): void {
  const need = g.target - g.participants.length;
  if (need <= 0) return;
  const taken = new Set(g.participants);
  const candidates = community.members.filter((i) => {
    const p = people[i] as PersonPlan;
    return !taken.has(i) && p.start <= g.day && g.day <= p.end;
  });
  if (candidates.length <= need) {
    g.participants.push(...candidates);
    return;
  }
  const picker = new WeightedPicker(
    candidates.map((i) => {
      const p = people[i] as PersonPlan;
      return (0.05 + p.closeness) * p.hub ** 0.3 * (inPhase(p, g.day) ? 1 : OFF_PHASE_WEIGHT);
    }),
  );
  for (let attempts = 0, added = 0; added < need && attempts < need * 4 + 10; attempts++) {
    const i = candidates[picker.pick(random)] as number;
    if (taken.has(i)) continue;
    taken.add(i);
    g.participants.push(i);
    added++;
  }
}

/**
 * One-to-one encounters: one on the day the owner met each person not met at a gathering, then the
 * rest of `budget` shared out by closeness and how long the tie lasted, timed in bursts inside the
 * person's active periods.
 */
export function planOneToOnes(
  random: Random,
  people: PersonPlan[],
  communities: CommunityPlan[],
  budget: number,
): EncounterPlan[] {
  const plans: EncounterPlan[] = [];
  const add = (person: PersonPlan, day: number) => plans.push(oneToOne(random, person, communities, day));
  for (const person of people) if (!person.metAtGathering) add(person, person.start);
  const rest = budget - plans.length;
  if (rest < 0) throw new RangeError(`The encounter budget is ${-rest} short of meeting everyone once.`);
  if (people.length === 0) return plans;
  const weights = people.map(
    (p) => (0.02 + p.closeness ** 2) * ((p.end - p.start) / 365 + 0.2) * random.logNormal(1, 0.5),
  );
  const counts = apportion(rest, weights);
  for (const person of people) {
    const days = burstyDays(
      random,
      counts[person.index] ?? 0,
      person.phases,
      { from: person.start, to: person.end },
      { meanBurst: 3, meanGapDays: 4 },
    );
    for (const day of days) add(person, day);
  }
  return plans;
}

function oneToOne(
  random: Random,
  person: PersonPlan,
  communities: CommunityPlan[],
  day: number,
): EncounterPlan {
  const home = person.communities.length > 0 ? random.pick(person.communities) : -1;
  const community = communities[home];
  if (!community) {
    return {
      day,
      participants: [person.index],
      community: -1,
      setting: pickSetting(random, UNAFFILIATED),
      oneToOne: true,
    };
  }
  const setting = pickSetting(random, community.profile.oneToOne);
  // A chat after club is part of the club; a private call is not.
  const within = setting.context !== 'other' && day >= community.active.from && day <= community.active.to;
  return { day, participants: [person.index], community: within ? home : -1, setting, oneToOne: true };
}
