import type { Channel } from '../domain/kinds';
import { dayString } from './calendar';
import type { EncounterPlan } from './contact';
import type { CommunityPlan, PersonPlan } from './model';
import type { Random } from './random';

/**
 * What the owner calls an encounter. Drawn from how they met (the channel) and where (the
 * community), never from whether it was planned as a one-to-one: a coffee with one colleague and a
 * coffee with three get the same kinds of title, and "Lunch with Ada" may be Ada and two others.
 */
const ACTIVITIES: Record<Channel, readonly string[]> = {
  'in-person': ['Coffee', 'Lunch', 'Dinner', 'Drinks', 'Catch-up', 'Walk'],
  video: ['Video call', 'Catch-up call'],
  call: ['Call', 'Phone call'],
  message: ['Messages', 'Chat'],
  email: ['Email', 'Emails'],
  list: ['Thread', 'Discussion'],
};

/** Share of encounters with no title. */
const UNTITLED = 0.15;
/** Share of titled encounters that name someone present ("Coffee with Ada"), alone or in a group. */
const NAMED = 0.35;
/** Share of encounters in a community titled after its own occasions ("Club evening", "Tech Summit 2024"). */
const COMMUNITY_TITLE = 0.35;

export function encounterTitle(
  random: Random,
  plan: EncounterPlan,
  who: readonly PersonPlan[],
  community: CommunityPlan | undefined,
): string {
  if (random.chance(UNTITLED)) return '';
  // A community's own titles name its occasions, so only for the ways it meets ("Family dinner" is
  // not a phone call).
  const occasion = community?.profile.gatherings.some((g) => g.channel === plan.setting.channel);
  if (community && occasion && random.chance(COMMUNITY_TITLE)) {
    if (community.profile.kind === 'event-series')
      return `${community.name} ${dayString(plan.day).slice(0, 4)}`;
    return random.pick(community.profile.titles);
  }
  const activity = random.pick(ACTIVITIES[plan.setting.channel]);
  if (!random.chance(NAMED)) return activity;
  return `${activity} with ${random.pick(who).first}`;
}
