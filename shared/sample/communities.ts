import type { Channel, CommunityKind, ContextKind } from '../domain/kinds';
import { ORGANISATIONS } from './names';
import type { Random } from './random';

/** A way of meeting: the encounter's context and channel, and how often it is chosen. */
export interface Setting {
  context: ContextKind;
  channel: Channel;
  weight: number;
}

/**
 * How each kind of community behaves: how big it is, how often the owner logs a gathering there,
 * where it meets, how many people a gathering has, and how long the owner stays part of it.
 */
export interface CommunityProfile {
  kind: CommunityKind;
  /** Relative share among the owner's communities. */
  share: number;
  /** Median number of people the owner knows there. */
  medianSize: number;
  /** Gatherings the owner logs per year while part of it. */
  gatheringsPerYear: number;
  gatherings: readonly Setting[];
  /** One-to-one encounters with someone from here (a coffee with a colleague, a call with a neighbour). */
  oneToOne: readonly Setting[];
  /** Other people at a typical gathering (median) and how widely that varies (log-normal sigma). */
  groupMedian: number;
  groupSigma: number;
  /** Probability the owner is still part of it on the reference day. */
  lasting: number;
  names: readonly string[];
  titles: readonly string[];
}

const s = (context: ContextKind, channel: Channel, weight = 1): Setting => ({ context, channel, weight });

export const PROFILES: readonly CommunityProfile[] = [
  {
    kind: 'workplace',
    share: 0.14,
    medianSize: 30,
    gatheringsPerYear: 90,
    gatherings: [
      s('meeting', 'in-person', 3),
      s('meeting', 'video', 2),
      s('meeting', 'call', 1),
      s('office-chat', 'in-person', 4),
    ],
    oneToOne: [
      s('office-chat', 'in-person', 3),
      s('meeting', 'video', 1),
      s('meeting', 'call', 1),
      s('office-chat', 'message', 2),
    ],
    groupMedian: 2.5,
    groupSigma: 0.7,
    lasting: 0.35,
    names: ['Product', 'Sales', 'Research', 'Operations', 'Design'],
    titles: ['Weekly planning', 'Project sync', 'Coffee corner', 'Retrospective', 'Lunch with the team'],
  },
  {
    kind: 'club',
    share: 0.14,
    medianSize: 20,
    gatheringsPerYear: 30,
    gatherings: [s('club', 'in-person')],
    oneToOne: [s('club', 'in-person', 2), s('other', 'message', 1)],
    groupMedian: 3,
    groupSigma: 0.8,
    lasting: 0.6,
    names: [
      'Running Club',
      'Chess Club',
      'Book Club',
      'Climbing Club',
      'Cycling Club',
      'Choir',
      'Tennis Club',
    ],
    titles: ['Club evening', 'Training', 'Season opener', 'Club outing'],
  },
  {
    kind: 'event-series',
    share: 0.1,
    medianSize: 120,
    gatheringsPerYear: 3,
    gatherings: [s('exhibition', 'in-person'), s('networking', 'in-person')],
    oneToOne: [s('networking', 'in-person', 1), s('networking', 'email', 1)],
    groupMedian: 8,
    groupSigma: 0.9,
    lasting: 0.6,
    names: ['Tech Summit', 'Design Week', 'Trade Fair', 'Startup Breakfast', 'Founders Meetup'],
    titles: ['Exhibition day', 'Conference', 'Breakfast meetup', 'Evening reception'],
  },
  {
    kind: 'neighbourhood',
    share: 0.08,
    medianSize: 25,
    gatheringsPerYear: 12,
    gatherings: [s('neighbours', 'in-person', 4), s('neighbours', 'message', 1)],
    oneToOne: [s('neighbours', 'in-person', 3), s('neighbours', 'message', 1)],
    groupMedian: 1.5,
    groupSigma: 0.6,
    lasting: 0.5,
    names: ['Street', 'Residents', 'Allotments', 'Close'],
    titles: ['Street party', 'Chat over the fence', 'Residents meeting', 'Allotment work day'],
  },
  {
    kind: 'school',
    share: 0.07,
    medianSize: 40,
    gatheringsPerYear: 25,
    gatherings: [s('childrens-event', 'in-person')],
    oneToOne: [s('childrens-event', 'in-person', 2), s('other', 'message', 1)],
    groupMedian: 2,
    groupSigma: 0.6,
    lasting: 0.4,
    names: ['Primary School', 'Nursery', 'Sports Academy', 'Swim School'],
    titles: ['School gate', 'Sports day', 'Birthday party', 'School fair'],
  },
  {
    kind: 'congregation',
    share: 0.05,
    medianSize: 50,
    gatheringsPerYear: 25,
    gatherings: [s('religious', 'in-person')],
    oneToOne: [s('religious', 'in-person', 2), s('other', 'call', 1)],
    groupMedian: 3,
    groupSigma: 0.7,
    lasting: 0.7,
    names: ['Parish', 'Synagogue', 'Mosque', 'Meeting House', 'Temple'],
    titles: ['Weekly service', 'Festival', 'Community lunch', 'Study group'],
  },
  {
    kind: 'volunteer-organisation',
    share: 0.1,
    medianSize: 20,
    gatheringsPerYear: 15,
    gatherings: [s('volunteering', 'in-person')],
    oneToOne: [s('volunteering', 'in-person', 2), s('volunteering', 'call', 1)],
    groupMedian: 3,
    groupSigma: 0.6,
    lasting: 0.5,
    names: ['Food Bank', 'Repair Café', 'Park Friends', 'Library Volunteers', 'Youth Mentoring'],
    titles: ['Volunteer shift', 'Clean-up day', 'Fundraiser', 'Volunteers meeting'],
  },
  {
    kind: 'online-group',
    share: 0.12,
    medianSize: 60,
    gatheringsPerYear: 20,
    gatherings: [s('online', 'video', 2), s('online', 'message', 3)],
    oneToOne: [s('online', 'message', 3), s('online', 'video', 1)],
    groupMedian: 3,
    groupSigma: 0.8,
    lasting: 0.5,
    names: ['Discord', 'Slack', 'Forum', 'Community'],
    titles: ['Community call', 'Thread', 'Online workshop', 'AMA session'],
  },
  {
    kind: 'mailing-list',
    share: 0.1,
    medianSize: 80,
    gatheringsPerYear: 20,
    gatherings: [s('mailing-list', 'list', 4), s('mailing-list', 'email', 1)],
    oneToOne: [s('mailing-list', 'email', 1)],
    groupMedian: 2.5,
    groupSigma: 0.7,
    lasting: 0.5,
    names: ['Users list', 'Announce list', 'Developers list', 'Open Data list'],
    titles: ['List thread', 'Release discussion', 'Question on the list'],
  },
  {
    kind: 'other',
    share: 0.1,
    medianSize: 15,
    gatheringsPerYear: 6,
    gatherings: [s('other', 'in-person', 3), s('other', 'video', 1)],
    oneToOne: [s('other', 'in-person', 2), s('other', 'call', 2), s('other', 'message', 2)],
    groupMedian: 2.5,
    groupSigma: 0.6,
    lasting: 0.8,
    names: ['Family', 'Old Friends', 'Alumni', 'Dinner Circle'],
    titles: ['Family dinner', 'Reunion', 'Birthday', 'Get-together'],
  },
];

/** Encounters with people the owner knows from no community: recruiters, sales calls, contacts met online. */
export const UNAFFILIATED: readonly Setting[] = [
  s('sales-recruiter', 'call', 2),
  s('sales-recruiter', 'email', 2),
  s('networking', 'in-person', 2),
  s('online', 'message', 2),
  s('meeting', 'video', 1),
  s('other', 'in-person', 1),
];

const AREAS = [
  'Riverside',
  'Northgate',
  'Elm Park',
  'Hillcrest',
  'Harbour',
  'Old Town',
  'Westfield',
  'Kingsway',
];
const TOPICS = ['Rust', 'Photography', 'Gardening', 'Open Source', 'Parents', 'Climate', 'Data', 'Jazz'];

export function pickSetting(random: Random, settings: readonly Setting[]): Setting {
  let total = 0;
  for (const x of settings) total += x.weight;
  let r = random.next() * total;
  for (const x of settings) {
    r -= x.weight;
    if (r < 0) return x;
  }
  return settings[settings.length - 1] as Setting;
}

/**
 * A plausible name for a community of this kind (and the employer, for a workplace); repeats get a
 * number, so names stay distinct.
 */
export function communityName(
  random: Random,
  profile: CommunityProfile,
  taken: Map<string, number>,
): { name: string; organisation: string } {
  const noun = random.pick(profile.names);
  const organisation = profile.kind === 'workplace' ? random.pick(ORGANISATIONS) : '';
  const base =
    profile.kind === 'workplace'
      ? `${organisation} ${noun}`
      : profile.kind === 'online-group' || profile.kind === 'mailing-list'
        ? `${random.pick(TOPICS)} ${noun}`
        : `${random.pick(AREAS)} ${noun}`;
  const seen = (taken.get(base) ?? 0) + 1;
  taken.set(base, seen);
  return { name: seen === 1 ? base : `${base} ${seen}`, organisation };
}
