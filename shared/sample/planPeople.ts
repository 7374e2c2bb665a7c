import type { Interval } from './bursts';
import type { CommunityPlan, PersonPlan, Window } from './model';
import { FIRST_NAMES, LAST_NAMES } from './names';
import { WeightedPicker, type Random } from './random';

/** Share of people met outside any community (recruiters, sales, a stranger at a conference bar). */
const UNAFFILIATED_SHARE = 0.08;
const SECOND_COMMUNITY_SHARE = 0.3;
const INTRODUCED_SHARE = 0.12;
/** Contact in the last month does not tell an ended tie from a quiet one, so ends stop before it. */
const END_MARGIN_DAYS = 30;

/**
 * Who the owner knows, and the latent facts behind each tie: closeness (most ties weak, a few
 * strong, as in Dunbar's layers), sociability (heavy-tailed, so a few hubs), where and when they
 * met, periods of active contact, and whether and when the tie ended.
 */
export function planPeople(
  random: Random,
  count: number,
  communities: CommunityPlan[],
  window: Window,
  newId: () => string,
): PersonPlan[] {
  const byPopularity =
    communities.length > 0
      ? new WeightedPicker(communities.map((c) => c.profile.medianSize * random.logNormal(1, 0.6)))
      : null;
  const people: PersonPlan[] = [];
  for (let index = 0; index < count; index++) {
    const closeness = random.beta(1.2, 5);
    const person: PersonPlan = {
      index,
      id: newId(),
      first: random.pick(FIRST_NAMES),
      last: random.pick(LAST_NAMES),
      closeness,
      hub: Math.min(100, random.pareto(1.6)),
      communities: [],
      start: window.first,
      end: window.last,
      ended: false,
      phases: [],
      introducedBy: -1,
      metAtGathering: false,
    };
    if (byPopularity && !random.chance(UNAFFILIATED_SHARE)) {
      const home = byPopularity.pick(random);
      person.communities.push(home);
      if (random.chance(SECOND_COMMUNITY_SHARE)) {
        const other = byPopularity.pick(random);
        if (other !== home) person.communities.push(other);
      }
    }
    meet(random, person, communities, window);
    end(random, person, communities, window);
    person.phases = phases(random, person);
    for (const c of person.communities) (communities[c] as CommunityPlan).members.push(index);
    people.push(person);
  }
  introduce(random, people, communities);
  return people;
}

/** The first encounter: a gathering of their home community when it has one, else a day in its span. */
function meet(random: Random, person: PersonPlan, communities: CommunityPlan[], window: Window): void {
  const home = person.communities[0] === undefined ? undefined : communities[person.communities[0]];
  if (home && home.gatherings.length > 0) {
    const gathering = random.pick(home.gatherings);
    gathering.participants.push(person.index);
    person.start = gathering.day;
    person.metAtGathering = true;
    return;
  }
  const span: Interval = home ? home.active : { from: window.first, to: window.last };
  person.start = span.from + Math.floor(random.next() * (span.to - span.from + 1));
}

/**
 * Weak ties end more often than close ones; leaving a community (a job, a school) ends most of the
 * ties that lived only there.
 */
function end(random: Random, person: PersonPlan, communities: CommunityPlan[], window: Window): void {
  const latest = window.last - END_MARGIN_DAYS;
  const home = person.communities[0] === undefined ? undefined : communities[person.communities[0]];
  let endDay = window.last;
  if (home && home.active.to < latest && random.chance(0.75 * (1 - person.closeness))) {
    endDay = Math.min(latest, home.active.to + Math.round(random.exponential(60)));
  } else if (random.chance(0.05 + 0.3 * (1 - person.closeness) ** 2) && latest - person.start > 60) {
    endDay = person.start + 30 + Math.floor(random.next() * (latest - person.start - 60));
  }
  if (endDay < window.last && endDay > person.start) {
    person.end = endDay;
    person.ended = true;
  }
}

/** On/off contact: an opening period after meeting, then a few more, longer for close ties. */
function phases(random: Random, person: PersonPlan): Interval[] {
  const clip = (from: number, to: number): Interval => ({
    from: Math.max(person.start, Math.min(person.end, from)),
    to: Math.max(person.start, Math.min(person.end, to)),
  });
  const list = [clip(person.start, person.start + 30 + Math.round(random.exponential(60)))];
  const extra = random.poisson(((person.end - person.start) / 365) * 0.5);
  for (let k = 0; k < extra; k++) {
    const centre = person.start + Math.floor(random.next() * (person.end - person.start + 1));
    const half = Math.round((20 + random.exponential(40 + 150 * person.closeness)) / 2);
    list.push(clip(centre - half, centre + half));
  }
  return list;
}

/** Some people were introduced by someone the owner already knew, most often from the same community. */
function introduce(random: Random, people: PersonPlan[], communities: CommunityPlan[]): void {
  if (people.length < 2) return;
  const anyone = new WeightedPicker(people.map((p) => p.hub));
  const knewThen = (candidate: PersonPlan, person: PersonPlan) =>
    candidate !== person && candidate.start < person.start && candidate.end >= person.start;
  for (const person of people) {
    if (!random.chance(INTRODUCED_SHARE)) continue;
    const home = person.communities[0] === undefined ? undefined : communities[person.communities[0]];
    let introducer: PersonPlan | undefined;
    if (home && random.chance(0.7)) {
      const candidates = home.members.map((i) => people[i] as PersonPlan).filter((c) => knewThen(c, person));
      if (candidates.length > 0)
        introducer = candidates[new WeightedPicker(candidates.map((c) => c.hub)).pick(random)];
    }
    for (let attempt = 0; !introducer && attempt < 20; attempt++) {
      const candidate = people[anyone.pick(random)] as PersonPlan;
      if (knewThen(candidate, person)) introducer = candidate;
    }
    if (introducer) person.introducedBy = introducer.index;
  }
}
