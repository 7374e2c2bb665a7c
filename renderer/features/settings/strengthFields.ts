import type { StrengthSettingPath } from '../../../shared/db';
import { CHANNEL_LABELS, CONTEXT_LABELS, TIE_LABELS } from '../../../shared/domain/kinds';
import { FACTOR_LABELS, type StrengthSettings } from '../../../shared/network';

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
  topics: StrengthTopic[];
}

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
    id: 'ties',
    title: 'Ties you recorded',
    intro: 'The strength of a tie you entered between two people, by its kind.',
    topics: [table('tieKindStrength', 'Tie strength', TIE_LABELS, 'from 0 to 1')],
  },
  {
    id: 'thresholds',
    title: 'The map',
    intro: 'What the map leaves out, who counts as a bridge, and the circles around you.',
    topics: [
      single('minEdgeStrength', 'Weakest tie shown on the map', 'from 0 to 1'),
      single('bridgeShare', 'Share of ties in other communities that makes a bridge', 'from 0 to 1'),
      single('dunbarLayers', 'Sizes of the circles around you', 'people, smallest first'),
    ],
  },
];
