import type { PersonPlan, Window } from './model';
import type { ClosenessSeries } from './truth';

/**
 * How true closeness moves, week by week. Kept deliberately simple, with one rule for growth and
 * one for fading:
 *
 * - Contact builds closeness towards the tie's potential. Each encounter in a week closes a share of
 *   the gap; one-to-ones far more than being in the same group (time spent together, one to one, is
 *   what builds a friendship: Hall 2019, "How many hours does it take to make a friend?").
 * - Silence erodes it. An ordinary gap between meetings costs nothing; past a grace period,
 *   closeness halves every FADING_HALF_LIFE_WEEKS for friends and acquaintances, so after about
 *   18 months without contact little is left (Roberts & Dunbar 2015, "Managing relationship
 *   decay": friendships lost emotional closeness within 18 months unless contact was kept up,
 *   while kin ties held). Family and partners (lasting ties) fade ten times slower.
 *
 * Contact in turn follows closeness (contact.ts), so the two feed each other: a tie that gets
 * little contact drifts apart, and one that is kept up stays close.
 *
 * The truth series is computed from the simulated contact by this same step, so a tie's recorded
 * closeness at any date is exactly what its contact up to then implies.
 */

/** Weeks of silence that cost nothing: the usual gap between meetings of an ordinary friendship. */
export const GRACE_WEEKS = 6;
/** Friends and acquaintances: half-life of closeness once the silence is longer than the grace. */
export const FADING_HALF_LIFE_WEEKS = 26;
/** Family and partners: ten times slower (Roberts & Dunbar 2015: kin closeness barely moved). */
export const LASTING_HALF_LIFE_WEEKS = 260;
/** Share of the gap to the potential one one-to-one closes. */
export const ONE_TO_ONE_GAIN = 0.12;
/** Share of the gap one group encounter closes: being in the same room is not spending time together. */
export const GROUP_GAIN = 0.03;
/** A new acquaintance starts at this share of their potential; family were close before the journal. */
export const FIRST_MEETING_SHARE = 0.35;

const FADE = 2 ** (-1 / FADING_HALF_LIFE_WEEKS);
const LASTING_FADE = 2 ** (-1 / LASTING_HALF_LIFE_WEEKS);

/** Closeness the week a tie starts. */
export function initialCloseness(potential: number, lasting: boolean): number {
  return lasting ? potential : FIRST_MEETING_SHARE * potential;
}

/**
 * Closeness after one week with `oneToOnes` one-to-one and `groups` group encounters, when the last
 * week with contact was `silentWeeks` ago (0 when there was contact this week).
 */
export function stepCloseness(
  closeness: number,
  potential: number,
  lasting: boolean,
  oneToOnes: number,
  groups: number,
  silentWeeks: number,
): number {
  if (oneToOnes + groups > 0) {
    const kept = (1 - ONE_TO_ONE_GAIN) ** oneToOnes * (1 - GROUP_GAIN) ** groups;
    return closeness + (1 - kept) * (potential - closeness);
  }
  if (silentWeeks <= GRACE_WEEKS) return closeness;
  return closeness * (lasting ? LASTING_FADE : FADE);
}

/**
 * The true closeness of every tie at the start of every week from the journal's first day to past
 * Window.until, from the simulated contact: `days` one-to-one and `groupDays` group encounter days
 * per person, ascending.
 */
export function closenessSeries(
  people: readonly PersonPlan[],
  oneToOneDays: readonly (readonly number[])[],
  groupDays: readonly (readonly number[])[],
  window: Window,
): ClosenessSeries {
  const stepDays = 7;
  const weeks = Math.ceil((window.until - window.first + 1) / stepDays);
  const steps = weeks + 1;
  const values = new Float32Array(people.length * steps);
  for (const p of people) {
    const ones = oneToOneDays[p.index] as readonly number[];
    const groups = groupDays[p.index] as readonly number[];
    const startWeek = Math.floor((p.start - window.first) / stepDays);
    let c = initialCloseness(p.potential, p.lasting);
    let lastContact = startWeek;
    let a = 0;
    let b = 0;
    for (let k = startWeek; k < weeks; k++) {
      const from = window.first + k * stepDays;
      if (from >= p.start) values[p.index * steps + k] = c;
      const a0 = a;
      const b0 = b;
      while (a < ones.length && (ones[a] as number) < from + stepDays) a++;
      while (b < groups.length && (groups[b] as number) < from + stepDays) b++;
      const n1 = a - a0;
      const ng = b - b0;
      c = stepCloseness(c, p.potential, p.lasting, n1, ng, k - lastContact);
      if (n1 + ng > 0) lastContact = k;
    }
    values[p.index * steps + weeks] = c;
  }
  return { first: window.first, stepDays, steps, values };
}
