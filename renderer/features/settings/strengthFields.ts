import type { StrengthSettingPath } from '../../../shared/db';
import { CHANNEL_LABELS, CONTEXT_LABELS, TIE_LABELS } from '../../../shared/domain/kinds';
import {
  FACTOR_LABELS,
  type ModelSwitches,
  type SilenceKind,
  type StrengthSettings,
} from '../../../shared/network';

/** One number (or the Dunbar list) on the settings page. */
export interface StrengthField {
  path: StrengthSettingPath;
  /** Visible label; inside a table, the entry's name. */
  label: string;
  /** The accessible name: unique on the page, so it says which table an entry belongs to. */
  name: string;
  unit: string;
}

/** One named setting: a number, or a table of numbers, with the rationale shown once. */
export interface StrengthTopic {
  key: keyof StrengthSettings;
  /** Set for tables: the heading of its entries. */
  title?: string;
  fields: StrengthField[];
}

export interface StrengthGroup {
  id: string;
  title: string;
  intro: string;
  /** A view shown under the intro: 'learned' is what Kith learned from the ratings. */
  panel?: 'learned';
  topics: StrengthTopic[];
}

/** The owner's tie kinds as the fading settings name them. */
const SILENCE_LABELS: Record<SilenceKind, string> = {
  partner: 'Partner',
  family: 'Family',
  friend: 'Friend',
  colleague: 'Colleague',
  neighbour: 'Neighbour',
  introduced: 'Introduced',
  other: 'Other',
  unmarked: 'Not marked',
};

/** Each part of the closeness model: its label and unit ('' for a switch). */
const MODEL_LABELS: Record<keyof ModelSwitches, [string, string]> = {
  contactPriorWeight: ['Closeness implied by contact days, worth', 'ratings (0 = off)'],
  countFirstMeeting: ['Count the first meeting in how often', ''],
  spanEndsAtLastContact: ['A fading tie’s years end at its last contact', ''],
  reachingOut: ['Who reaches out, instead of the balance', ''],
  groupRatings: ['A group’s rating counts for each person in it', ''],
  cadenceEvidence: ['Keep-in-touch reminders as evidence of closeness', ''],
};

function single(key: keyof StrengthSettings, label: string, unit: string): StrengthTopic {
  return { key, fields: [{ path: key, label, name: label, unit }] };
}

function table(
  key: keyof StrengthSettings,
  title: string,
  labels: Record<string, string>,
  unit: string,
): StrengthTopic {
  return {
    key,
    title,
    fields: Object.entries(labels).map(([entry, label]) => ({
      path: `${key}.${entry}`,
      label,
      name: `${title}: ${label}`,
      unit,
    })),
  };
}

/** Every strength setting, grouped by what it is about. A test checks that none is missing. */
export const STRENGTH_GROUPS: StrengthGroup[] = [
  {
    id: 'weights',
    title: 'What an encounter counts',
    intro: 'How much one encounter adds to a tie, by how you met and in what setting.',
    topics: [
      table('channelWeights', 'Channel weight', CHANNEL_LABELS, '× in person'),
      table('contextWeights', 'Setting weight', CONTEXT_LABELS, '× a chosen meeting'),
      single('groupSizeExponent', 'Group size penalty (power of the group size)', 'power'),
    ],
  },
  {
    id: 'half-lives',
    title: 'How fast contact fades',
    intro: 'After each half-life, an encounter counts half as much as it did.',
    topics: [
      single('intensityHalfLifeDays', 'Half-life of an encounter', 'days'),
      {
        key: 'coAttendance',
        title: 'People seen together',
        fields: [
          {
            path: 'coAttendance.halfLifeDays',
            label: 'Half-life of being seen together',
            name: 'Half-life of being seen together',
            unit: 'days',
          },
          {
            path: 'coAttendance.midpoint',
            label: 'Shared encounters for a half-strength tie',
            name: 'Shared encounters for a half-strength tie between two people',
            unit: 'encounters',
          },
        ],
      },
    ],
  },
  {
    id: 'rhythm',
    title: 'Rhythm and fading',
    intro: 'When a silence is long enough, against the tie’s own rhythm, for the tie to count as fading.',
    topics: [
      single('fadingThreshold', 'Fading after this many usual pauses', '× usual pause'),
      single('fadingMinDays', 'Shortest silence that can count as fading', 'days'),
      single('burstGapDays', 'Longest gap inside a spell of contact', 'days'),
      single('priorGapDays', 'Usual pause assumed for a new tie', 'days'),
      single('burstinessPenalty', 'Penalty for irregular contact', 'from 0 to 1'),
    ],
  },
  {
    id: 'factors',
    title: 'The factors of strength',
    intro: 'How the factors behind “Why is this tie strong?” are measured and mixed.',
    topics: [
      table('factorWeights', 'Factor weight', FACTOR_LABELS, 'parts'),
      single('ratingPrior', 'Closeness assumed before you rate anything', 'of 5'),
      single('ratingPriorWeight', 'How many ratings that assumption is worth', 'ratings'),
      single('frequencyMidpoint', 'Contact days a year for half frequency', 'days a year'),
      single('frequencyPriorYears', 'Pretend acquaintance added to a new tie', 'years'),
      single('intensityMidpoint', 'Recent contact for half intensity', 'meetings'),
      single('durationFullMonths', 'Length of acquaintance for full duration', 'months'),
      single('reciprocityPriorCount', 'Neutral start for who reaches out', 'initiations'),
      single('multiplexityMidpoint', 'Extra settings shared for half of that factor', 'settings'),
    ],
  },
  {
    id: 'silence',
    title: 'Fading with silence',
    intro:
      'How fast closeness fades while you are out of touch, by what you marked each person as (on their page, under “Your relationship”). 0 days: the tie lasts, however long the silence.',
    topics: [table('silenceHalfLifeDays', 'Half-life of silence', SILENCE_LABELS, 'days (0 = lasting)')],
  },
  {
    id: 'model',
    title: 'Parts of the closeness model',
    intro:
      'Each part can be kept or dropped: Kith measures them on generated journals, and you can switch one off if it does not fit how you keep your journal.',
    topics: [
      {
        key: 'model',
        title: 'Closeness model',
        fields: (Object.keys(MODEL_LABELS) as (keyof typeof MODEL_LABELS)[]).map((entry) => ({
          path: `model.${entry}`,
          label: MODEL_LABELS[entry][0],
          name: `Closeness model: ${MODEL_LABELS[entry][0]}`,
          unit: MODEL_LABELS[entry][1],
        })),
      },
    ],
  },
  {
    id: 'learning',
    title: 'Learning from your ratings',
    intro:
      'Your ratings are the best evidence of closeness. For people you have not rated, Kith learns from the people you have rated how the other factors predict your ratings.',
    panel: 'learned',
    topics: [
      single('learnFromRatings', 'Learn from my ratings', ''),
      single('learnMinRatedPeople', 'Rated people needed before learning', 'people'),
    ],
  },
  {
    id: 'ties',
    title: 'Ties you recorded',
    intro: 'The strength of a tie you entered between two people, by its kind.',
    topics: [table('tieKindStrength', 'Tie strength', TIE_LABELS, 'from 0 to 1')],
  },
  {
    id: 'thresholds',
    title: 'The map',
    intro:
      'What the map leaves out, who counts as a bridge, when a cluster takes a community’s name, and the circles around you.',
    topics: [
      single('minEdgeStrength', 'Weakest tie shown on the map', 'from 0 to 1'),
      single('bridgeShare', 'Share of ties in other communities that makes a bridge', 'from 0 to 1'),
      single(
        'clusterNameShare',
        'Share of a cluster’s members who must belong to a community to name the cluster after it',
        'from 0.01 to 1',
      ),
      single('dunbarLayers', 'Sizes of the circles around you', 'people, smallest first'),
    ],
  },
];
