import { initialCloseness, stepCloseness } from './closeness';
import { pickSetting, UNAFFILIATED, type Setting } from './communities';
import type { CommunityPlan, Gathering, PersonPlan, Window } from './model';
import type { Random } from './random';

export interface EncounterPlan {
  day: number;
  /** Person indices; never the owner. */
  participants: number[];
  /** Community index, or -1. */
  community: number;
  setting: Setting;
  oneToOne: boolean;
}

/** Everything the simulation decided: the journal's encounters and every contact, later ones included. */
export interface Contact {
  /** Encounters up to the reference day, by day: exactly the documents to write. */
  plans: EncounterPlan[];
  /** Per person, the days of their one-to-ones (ascending, a day twice for two encounters), to Window.until. */
  oneToOneDays: number[][];
  /** Per person, the days of the group encounters they were at (ascending), to Window.until. */
  groupDays: number[][];
}

/** One-to-ones come in bursts (a run of messages, a few meetings close together): Hawkes-like clusters. */
const MEAN_BURST = 3;
const MEAN_GAP_DAYS = 4;
/** Outside their periods of active contact weak ties still turn up, but rarely. */
const OFF_PHASE_WEIGHT = 0.05;
/**
 * From this closeness up contact no longer comes and goes in phases: the closest ties get most of
 * the contact, steadily, month after month (Saramäki et al. 2014, "Persistence of social signatures
 * in human communication": the top-ranked few of each person's contacts kept most of the calls
 * over 18 months, however much the rest of the network turned over).
 */
const STEADY_CLOSENESS = 0.6;
/** Contact a tie gets even at closeness 0: a chance meeting, a question by message. */
const BASE_RATE = 0.005;
/**
 * Close ties are kept up: the longer one has been quiet, the more likely the owner (or they) get in
 * touch; weak ties just drift. Weeks of silence after which the pull has doubled, for a close tie.
 */
const KEEP_UP_WEEKS = 13;

/** Family and partners are met at home, on the phone, by message: not in the owner's communities. */
const FAMILY: readonly Setting[] = [
  { context: 'other', channel: 'in-person', weight: 3 },
  { context: 'other', channel: 'call', weight: 3 },
  { context: 'other', channel: 'message', weight: 3 },
  { context: 'other', channel: 'video', weight: 1 },
];

function inPhase(person: PersonPlan, day: number): boolean {
  for (const p of person.phases) if (p.from <= day && day <= p.to) return true;
  return false;
}

/** How much of its usual contact a tie gets on `day`: all of it in an active period, else less, unless close. */
function phaseWeight(person: PersonPlan, day: number, closeness: number): number {
  if (inPhase(person, day)) return 1;
  const steady = Math.min(1, (closeness / STEADY_CLOSENESS) ** 2);
  return OFF_PHASE_WEIGHT + (1 - OFF_PHASE_WEIGHT) * steady;
}

/**
 * Relative one-to-one contact of a tie this week: closeness drives contact. Mostly the current
 * closeness, partly the potential (a new acquaintance with promise is followed up), squared so that
 * the closest few get most of it (Saramäki et al. 2014).
 */
function contactWeight(person: PersonPlan, closeness: number, day: number, silentWeeks: number): number {
  const drive = 0.3 * person.potential + 0.7 * closeness;
  const steady = Math.min(1, (closeness / STEADY_CLOSENESS) ** 2);
  // Capped at a year: a tie quiet for longer is fading, not being kept up.
  const keepUp = 1 + steady * (Math.min(52, silentWeeks) / KEEP_UP_WEEKS) ** 2;
  return person.chattiness * (BASE_RATE + drive * drive) * phaseWeight(person, day, closeness) * keepUp;
}

interface Slot {
  gathering: Gathering;
  community: CommunityPlan;
  /** Members the owner knew on the day who are not placed yet. */
  candidates: number[];
}

/**
 * Simulates the owner's contact week by week, from the journal's first day to Window.until: who
 * comes to each gathering, when the one-to-ones happen, and how closeness moves with them
 * (closeness.ts). Contact follows the closeness of the moment and closeness follows contact.
 *
 * The journal's counts stay exact: the gatherings held, one first meeting for everyone not met at a
 * gathering, and the rest of `encounterBudget` as one-to-ones, spread over the weeks in proportion
 * to how many ties were alive (the simulation lands within a few percent, and a last pass adds or
 * removes that many one-to-ones). After the reference day, contact goes on at the same rate.
 */
export function simulateContact(
  random: Random,
  people: readonly PersonPlan[],
  communities: readonly CommunityPlan[],
  window: Window,
  encounterBudget: number,
): Contact {
  const n = people.length;
  const weeks = Math.ceil((window.until - window.first + 1) / 7);
  const weekOf = (day: number) => Math.floor((day - window.first) / 7);
  const lastWeek = weekOf(window.last);

  // Who could come to each gathering depends only on who the owner knew that day, so gatherings
  // nobody could attend are dropped before the budget is shared.
  const slotsByWeek: Slot[][] = Array.from({ length: weeks }, () => []);
  const held: Slot[] = [];
  for (const community of communities) {
    for (const gathering of community.gatherings) {
      const taken = new Set(gathering.participants);
      const candidates = community.members.filter((i) => {
        const p = people[i] as PersonPlan;
        return !taken.has(i) && p.start <= gathering.day && gathering.day <= p.end;
      });
      if (gathering.participants.length === 0 && candidates.length === 0) continue;
      const slot = { gathering, community, candidates };
      (slotsByWeek[weekOf(gathering.day)] as Slot[]).push(slot);
      if (gathering.day <= window.last) held.push(slot);
    }
  }
  const firstMeetings = people.filter((p) => !p.metAtGathering);
  const budget = encounterBudget - held.length - firstMeetings.length;
  if (budget < 0) throw new RangeError(`The encounter budget is ${-budget} short of meeting everyone once.`);

  const startWeek = people.map((p) => weekOf(p.start));
  const live = new Float64Array(weeks + 1);
  for (const p of people) {
    live[weekOf(p.start)] = (live[weekOf(p.start)] as number) + 1;
    live[weekOf(p.end) + 1] = (live[weekOf(p.end) + 1] as number) - 1;
  }
  let pastLive = 0;
  for (let k = 0; k < weeks; k++) {
    if (k > 0) live[k] = (live[k] as number) + (live[k - 1] as number);
    if (k <= lastWeek) pastLive += live[k] as number;
  }
  const perLiveWeek = pastLive > 0 ? budget / pastLive : 0;

  const oneToOneDays = people.map(() => [] as number[]);
  const groupDays = people.map(() => [] as number[]);
  const dueByWeek: number[][] = Array.from({ length: weeks }, () => []);
  for (const p of firstMeetings) (dueByWeek[startWeek[p.index] as number] as number[]).push(p.index);

  const closeness = new Float64Array(n);
  const lastContact = new Int32Array(n);
  const oneCount = new Int32Array(n);
  const groupCount = new Int32Array(n);
  const cumulative = new Float64Array(n);
  for (let k = 0; k < weeks; k++) {
    const from = window.first + 7 * k;
    const to = from + 6;
    const mid = from + 3;
    let total = 0;
    for (let i = 0; i < n; i++) {
      const p = people[i] as PersonPlan;
      if (startWeek[i] === k) {
        closeness[i] = initialCloseness(p.potential, p.lasting);
        lastContact[i] = k;
      }
      if ((startWeek[i] as number) <= k && p.end >= from)
        total += contactWeight(p, closeness[i] as number, mid, k - (lastContact[i] as number));
      cumulative[i] = total;
    }

    for (const slot of slotsByWeek[k] as Slot[]) fill(random, slot, people, closeness);
    for (const slot of slotsByWeek[k] as Slot[]) {
      for (const i of slot.gathering.participants) {
        (groupDays[i] as number[]).push(slot.gathering.day);
        groupCount[i] = (groupCount[i] as number) + 1;
      }
    }

    const bursts = total > 0 ? random.poisson((perLiveWeek * (live[k] as number)) / MEAN_BURST) : 0;
    for (let b = 0; b < bursts; b++) {
      const i = pickCumulative(cumulative, random.next() * total);
      const p = people[i] as PersonPlan;
      const first = Math.max(from, p.start);
      const lastDay = Math.min(to, p.end);
      let day = first + Math.floor(random.next() * (lastDay - first + 1));
      const size = 1 + Math.floor(random.exponential(MEAN_BURST - 1));
      for (let j = 0; j < size && day <= Math.min(p.end, window.until); j++) {
        (oneToOneDays[i] as number[]).push(day);
        (dueByWeek[weekOf(day)] as number[]).push(i);
        day += Math.round(random.exponential(MEAN_GAP_DAYS));
      }
    }

    for (const i of dueByWeek[k] as number[]) oneCount[i] = (oneCount[i] as number) + 1;
    for (let i = 0; i < n; i++) {
      if ((startWeek[i] as number) > k) continue;
      const p = people[i] as PersonPlan;
      const ones = oneCount[i] as number;
      const groups = groupCount[i] as number;
      closeness[i] = stepCloseness(
        closeness[i] as number,
        p.potential,
        p.lasting,
        ones,
        groups,
        k - (lastContact[i] as number),
      );
      if (ones + groups > 0) lastContact[i] = k;
      oneCount[i] = 0;
      groupCount[i] = 0;
    }
  }

  exactBudget(random, people, oneToOneDays, window, budget);
  for (const p of firstMeetings) (oneToOneDays[p.index] as number[]).push(p.start);
  for (const days of oneToOneDays) days.sort((a, b) => a - b);
  for (const days of groupDays) days.sort((a, b) => a - b);

  const gatherings: EncounterPlan[] = held.map((slot) => ({
    day: slot.gathering.day,
    participants: slot.gathering.participants,
    community: slot.community.index,
    setting: pickSetting(random, slot.community.profile.gatherings),
    oneToOne: false,
  }));
  const oneToOnes: EncounterPlan[] = [];
  for (const p of people)
    for (const day of oneToOneDays[p.index] as number[])
      if (day <= window.last) oneToOnes.push(oneToOne(random, p, communities, day));
  const plans = [...gatherings, ...oneToOnes].sort((a, b) => a.day - b.day);
  return { plans, oneToOneDays, groupDays };
}

/** Index of the first cumulative weight above `target` (binary search). */
function pickCumulative(cumulative: Float64Array, target: number): number {
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((cumulative[mid] as number) > target) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * Fills a gathering up to its size with members the owner knew on that day, favouring close,
 * sociable people in an active period.
 */
function fill(random: Random, slot: Slot, people: readonly PersonPlan[], closeness: Float64Array): void {
  const g = slot.gathering;
  const need = g.target - g.participants.length;
  if (need <= 0) return;
  const { candidates } = slot;
  if (candidates.length <= need) {
    g.participants.push(...candidates);
    return;
  }
  const cumulative = new Float64Array(candidates.length);
  let total = 0;
  candidates.forEach((i, k) => {
    const p = people[i] as PersonPlan;
    const c = closeness[i] as number;
    total += (0.05 + c) * p.hub ** 0.3 * phaseWeight(p, g.day, c);
    cumulative[k] = total;
  });
  const taken = new Set(g.participants);
  for (let attempts = 0, added = 0; added < need && attempts < need * 4 + 10; attempts++) {
    const i = candidates[pickCumulative(cumulative, random.next() * total)] as number;
    if (taken.has(i)) continue;
    taken.add(i);
    g.participants.push(i);
    added++;
  }
}

/**
 * Makes the one-to-ones up to the reference day exactly `budget` (first meetings apart): removes
 * some at random, or adds one a few days after a random existing one (the same person, so the
 * extra contact goes where contact already was).
 */
function exactBudget(
  random: Random,
  people: readonly PersonPlan[],
  days: number[][],
  window: Window,
  budget: number,
): void {
  const who: number[] = [];
  const when: number[] = [];
  const later: number[][] = people.map(() => []);
  days.forEach((list, i) => {
    for (const day of list) {
      if (day <= window.last) {
        who.push(i);
        when.push(day);
      } else (later[i] as number[]).push(day);
    }
  });
  while (who.length > budget) {
    const j = Math.floor(random.next() * who.length);
    who[j] = who[who.length - 1] as number;
    when[j] = when[when.length - 1] as number;
    who.pop();
    when.pop();
  }
  const met = people.filter((p) => p.start <= window.last);
  while (who.length < budget && met.length > 0) {
    let i: number;
    let day: number;
    if (who.length > 0) {
      const j = Math.floor(random.next() * who.length);
      i = who[j] as number;
      day = (when[j] as number) + Math.round(random.exponential(MEAN_GAP_DAYS));
    } else {
      i = random.pick(met).index;
      day = (people[i] as PersonPlan).start + Math.floor(random.next() * 365);
    }
    const p = people[i] as PersonPlan;
    who.push(i);
    when.push(Math.max(p.start, Math.min(p.end, window.last, day)));
  }
  days.forEach((list, i) => {
    list.length = 0;
    list.push(...(later[i] as number[]));
  });
  who.forEach((i, j) => (days[i] as number[]).push(when[j] as number));
}

function oneToOne(
  random: Random,
  person: PersonPlan,
  communities: readonly CommunityPlan[],
  day: number,
): EncounterPlan {
  const home = person.communities.length > 0 ? random.pick(person.communities) : -1;
  const community = communities[home];
  if (person.lasting) {
    const circle = community && day >= community.active.from && day <= community.active.to;
    return {
      day,
      participants: [person.index],
      community: circle ? home : -1,
      setting: pickSetting(random, FAMILY),
      oneToOne: true,
    };
  }
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
