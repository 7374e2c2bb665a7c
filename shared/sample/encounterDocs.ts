import type { Encounter } from '../domain/entities';
import type { Content } from '../db/content';
import type { Channel, ContextKind } from '../domain/kinds';
import { OWNER_ID } from '../db/ids';
import { clockTime, dayString } from './calendar';
import type { CommunityPlan, PersonPlan } from './model';
import { NOTES, PLACES, TAGS } from './names';
import type { EncounterPlan } from './contact';
import { rateEncounter, type RatingHabits } from './ratings';
import { encounterTitle } from './titles';
import type { Random } from './random';
import { journaledAt, maybeEdit, tracked } from './tracked';

type EncounterContent = Content<Encounter>;

/** Usual hours (start, end) for each context, so times of day look lived-in. */
const HOURS: Record<ContextKind, [number, number]> = {
  meeting: [9, 17],
  exhibition: [9, 16],
  networking: [8, 20],
  'childrens-event': [8, 17],
  volunteering: [9, 19],
  club: [18, 21],
  religious: [9, 19],
  neighbours: [8, 20],
  'office-chat': [9, 17],
  'mailing-list': [7, 23],
  'sales-recruiter': [9, 17],
  online: [8, 22],
  other: [10, 21],
};

/** Typical length in minutes by channel; messages and list threads have none. */
const MINUTES: Record<Channel, number> = {
  'in-person': 60,
  video: 40,
  call: 20,
  message: 0,
  email: 0,
  list: 0,
};

const clamp = (x: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, x));

export function encounterDocument(
  random: Random,
  plan: EncounterPlan,
  people: readonly PersonPlan[],
  communities: readonly CommunityPlan[],
  id: string,
  lastMs: number,
  /** True closeness of person `index` on `day`. */
  closenessOn: (index: number, day: number) => number,
  habits: RatingHabits,
): Encounter {
  const { context, channel } = plan.setting;
  const community = communities[plan.community];
  const who = plan.participants.map((i) => people[i] as PersonPlan);
  const closeness = who.map((p) => closenessOn(p.index, plan.day));
  const [from, to] = HOURS[context];
  const minutes = MINUTES[channel];
  const content: EncounterContent = {
    date: dayString(plan.day),
    time: random.chance(0.25)
      ? ''
      : clockTime((from + random.int(0, to - from)) * 60 + 15 * random.int(0, 3)),
    durationMinutes:
      minutes === 0 || random.chance(0.3)
        ? 0
        : clamp(
            Math.round(random.logNormal(context === 'exhibition' ? 300 : minutes, 0.5) / 5) * 5,
            5,
            24 * 60,
          ),
    context,
    channel,
    place:
      channel !== 'in-person' ? '' : community && random.chance(0.6) ? community.name : random.pick(PLACES),
    title: encounterTitle(random, plan, who, community),
    participantIds: who.map((p) => p.id),
    initiatorId: initiator(random, plan, who, closeness),
    rating: rateEncounter(random, habits, plan.oneToOne, closeness),
    notes: random.chance(0.1) ? random.pick(NOTES) : '',
    communityId: community ? community.id : '',
    tags: random.chance(0.05) ? [random.pick(TAGS)] : [],
  };
  const createdAt = journaledAt(random, plan.day, lastMs);
  const edit = maybeEdit<EncounterContent>(random, 0.1, createdAt, lastMs, [
    'notes',
    'tags',
    'rating',
    'title',
  ]);
  return tracked(id, content, createdAt, edit);
}

/**
 * Close ties are reciprocal (either side gets in touch); with weak ties the owner mostly reaches
 * out, except for sales and recruiter contacts, who come to the owner.
 */
function initiator(
  random: Random,
  plan: EncounterPlan,
  who: readonly PersonPlan[],
  closeness: readonly number[],
): string {
  if (random.chance(plan.oneToOne ? 0.15 : 0.6)) return '';
  const k = plan.oneToOne ? 0 : random.int(0, who.length - 1);
  const other = who[k] as PersonPlan;
  const theirs = plan.setting.context === 'sales-recruiter' ? 0.9 : 0.1 + 0.5 * (closeness[k] as number);
  return random.chance(theirs) ? other.id : OWNER_ID;
}
