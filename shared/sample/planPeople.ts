import type { Interval } from './bursts';
import type { CommunityPlan, PersonPlan, Window } from './model';
import { FIRST_NAMES, LAST_NAMES } from './names';
import { WeightedPicker, type Random } from './random';

/** Share of people met outside any community (recruiters, sales, a stranger at a conference bar). */
const UNAFFILIATED_SHARE = 0.08;
const SECOND_COMMUNITY_SHARE = 0.3;
const INTRODUCED_SHARE = 0.12;
/** Contact in the last month does not tell an ended tie from a quiet one, so no tie ends in it. */
const END_MARGIN_DAYS = 30;

/**
 * Family and partners among the people in the journal: about 15 (Dunbar's sympathy group holds
 * roughly that many, kin about half of it; with the wider family a few more), plus a small share of
 * everyone else. It does not grow in step with a networker's contact list: 20 of 500 (4%), 65 of
 * 5,000 (1.3%). An assumption, not a measured figure.
 */
function lastingShare(count: number): number {
  return count === 0 ? 0 : Math.min(0.05, (15 + 0.01 * count) / count);
}

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
  const family = communities.filter((c) => c.profile.kind === 'other');
  const lastingChance = lastingShare(count);
  for (let index = 0; index < count; index++) {
    const lasting = random.chance(lastingChance);
    // Most ties weak, a few strong, as in Dunbar's layers; family and partners mostly close.
    const potential = lasting ? random.beta(6, 2.5) : random.beta(1.2, 5);
    const person: PersonPlan = {
      index,
      id: newId(),
      first: random.pick(FIRST_NAMES),
      last: random.pick(LAST_NAMES),
      potential,
      lasting,
      chattiness: random.logNormal(1, 0.5),
      hub: Math.min(100, random.pareto(1.6)),
      communities: [],
      start: window.first,
      end: window.until,
      ended: false,
      phases: [],
      introducedBy: -1,
      metAtGathering: false,
    };
    if (lasting) {
      // Family: known long before the journal, in touch from its first weeks; some in a family circle.
      if (family.length > 0 && random.chance(0.5)) person.communities.push(random.pick(family).index);
      person.start = Math.min(window.last, window.first + Math.round(random.exponential(60)));
      person.end = window.until;
      // Estrangement, a death: rare, and ends a lasting tie like any other.
      if (random.chance(0.03))
        endAt(person, person.start + Math.floor(random.next() * (window.until - person.start)), window);
      person.phases = phases(random, person);
      for (const c of person.communities) (communities[c] as CommunityPlan).members.push(index);
      people.push(person);
      continue;
    }
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
  // Everyone in the journal was met by the reference day.
  const held = home ? home.gatherings.filter((g) => g.day <= window.last) : [];
  if (held.length > 0) {
    const gathering = random.pick(held);
    gathering.participants.push(person.index);
    person.start = gathering.day;
    person.metAtGathering = true;
    return;
  }
  const span: Interval = home
    ? { from: home.active.from, to: Math.min(home.active.to, window.last) }
    : { from: window.first, to: window.last };
  person.start = span.from + Math.floor(random.next() * (span.to - span.from + 1));
}

/**
 * Weak ties end more often than close ones; leaving a community (a job, a school) ends most of the
 * ties that lived only there. Ends fall anywhere up to Window.until, so some ties end after the
 * reference day, which only the simulated contact shows.
 */
function end(random: Random, person: PersonPlan, communities: CommunityPlan[], window: Window): void {
  person.end = window.until;
  const home = person.communities[0] === undefined ? undefined : communities[person.communities[0]];
  if (home && home.active.to < window.until && random.chance(0.75 * (1 - person.potential))) {
    endAt(person, home.active.to + Math.round(random.exponential(60)), window);
  } else if (random.chance(0.05 + 0.3 * (1 - person.potential) ** 2) && window.until - person.start > 60) {
    endAt(person, person.start + 30 + Math.floor(random.next() * (window.until - person.start - 60)), window);
  }
}

/** Ends the tie on `day`; an end in the last month before the reference day moves just after it. */
function endAt(person: PersonPlan, day: number, window: Window): void {
  let endDay = Math.min(window.until, day);
  if (endDay > window.last - END_MARGIN_DAYS && endDay <= window.last)
    endDay = window.last + 1 + (window.last - endDay);
  if (endDay >= window.until || endDay <= person.start) return;
  person.end = endDay;
  person.ended = endDay < window.last;
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
    const half = Math.round((20 + random.exponential(40 + 150 * person.potential)) / 2);
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
