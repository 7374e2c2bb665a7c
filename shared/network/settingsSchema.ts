import { z } from 'zod';
import { CHANNELS, CONTEXT_KINDS, TIE_KINDS } from '../domain/kinds';
import { DEFAULT_STRENGTH_SETTINGS, FACTOR_NAMES, SILENCE_KINDS, type StrengthSettings } from './settings';

function number(min: number, max: number, what = 'a number') {
  return z
    .number({ error: `must be ${what} between ${min} and ${max}` })
    .refine((x) => Number.isFinite(x) && x >= min && x <= max, {
      error: `must be ${what} between ${min} and ${max}`,
    });
}

function record<K extends string>(keys: readonly K[], value: z.ZodType<number>) {
  return z.strictObject(Object.fromEntries(keys.map((k) => [k, value])) as Record<K, z.ZodType<number>>, {
    error: 'must be a table with one number per kind',
  });
}

const weight = number(0, 10, 'a weight');
const onOff = z.boolean({ error: 'must be on or off (true or false)' });
const positive = (max: number, what?: string) => number(1e-6, max, what);

/** The shape of StrengthSettings with the limits a user-edited value must respect. */
export const strengthSettingsSchema = z.strictObject({
  channelWeights: record(CHANNELS, weight),
  contextWeights: record(CONTEXT_KINDS, weight),
  groupSizeExponent: number(0, 3),
  intensityHalfLifeDays: number(1, 36_500, 'a number of days'),
  intensityMidpoint: positive(1_000),
  fadingThreshold: number(1, 1_000),
  fadingMinDays: number(0, 36_500, 'a number of days'),
  burstGapDays: number(0, 3_650, 'a number of days'),
  priorGapDays: number(1, 36_500, 'a number of days'),
  burstinessPenalty: number(0, 1),
  frequencyMidpoint: positive(366, 'a number of days a year'),
  frequencyPriorYears: number(0, 100, 'a number of years'),
  durationFullMonths: number(1, 1_200, 'a number of months'),
  reciprocityPriorCount: number(0, 1_000),
  multiplexityMidpoint: positive(100),
  ratingPrior: number(1, 5, 'a rating'),
  ratingPriorWeight: number(0, 1_000),
  factorWeights: record(FACTOR_NAMES, number(0, 100, 'a weight')).refine(
    (w) => Object.values(w).some((x) => x > 0),
    {
      error: 'must give at least one factor a weight above 0',
    },
  ),
  coAttendance: z.strictObject({
    halfLifeDays: number(1, 36_500, 'a number of days'),
    midpoint: positive(1_000),
  }),
  silenceHalfLifeDays: record(SILENCE_KINDS, number(0, 36_500, 'a number of days (0 = lasting)')),
  model: z.strictObject(
    {
      contactPriorWeight: number(0, 1_000, 'a number of ratings'),
      countFirstMeeting: onOff,
      spanEndsAtLastContact: onOff,
      reachingOut: onOff,
      groupRatings: onOff,
      cadenceEvidence: onOff,
    },
    { error: 'must be a table of the model’s parts' },
  ),
  learnFromRatings: onOff,
  learnMinRatedPeople: number(1, 100_000, 'a number of people').refine(Number.isInteger, {
    error: 'must be a whole number of people',
  }),
  tieKindStrength: record(TIE_KINDS, number(0, 1, 'a strength')),
  bridgeShare: number(0, 1, 'a share'),
  clusterNameShare: number(0.01, 1, 'a share'),
  minEdgeStrength: number(0, 1, 'a strength'),
  dunbarLayers: z
    .array(number(1, 1_000_000, 'a number of people'), { error: 'must be a list of sizes' })
    .min(1, { error: 'must name at least one layer' })
    .refine((sizes) => sizes.every((s, i) => Number.isInteger(s) && (i === 0 || s > (sizes[i - 1] ?? 0))), {
      error: 'must be whole numbers, each larger than the one before',
    }),
}) satisfies z.ZodType<StrengthSettings>;

/** A user-edited setting was refused; `problems` names each setting at fault. */
export class StrengthSettingsError extends RangeError {
  constructor(readonly problems: string[]) {
    super(`Invalid strength settings: ${problems.join(' ')}`);
    this.name = 'StrengthSettingsError';
  }
}

/** Validates complete settings (for example read back from storage), naming every bad one. */
export function parseStrengthSettings(input: unknown): StrengthSettings {
  const result = strengthSettingsSchema.safeParse(input);
  if (result.success) return result.data;
  throw new StrengthSettingsError(
    result.error.issues.map((issue) => {
      const name = issue.path.map(String).join('.') || 'settings';
      const got = valueAt(input, issue.path);
      return `Setting "${name}" ${issue.message}${got === undefined ? '' : ` (got ${JSON.stringify(got)})`}.`;
    }),
  );
}

/**
 * Settings a user changed, over the defaults: nested tables are merged key by key, so changing one
 * channel's weight keeps the others. The result is validated as a whole.
 */
export function resolveStrengthSettings(changes: unknown = {}): StrengthSettings {
  if (typeof changes !== 'object' || changes === null || Array.isArray(changes)) {
    throw new StrengthSettingsError(['Settings must be a table of named settings.']);
  }
  const merged: Record<string, unknown> = { ...DEFAULT_STRENGTH_SETTINGS };
  for (const [key, value] of Object.entries(changes)) {
    const base = merged[key];
    merged[key] = isTable(base) && isTable(value) ? { ...base, ...value } : value;
  }
  return parseStrengthSettings(merged);
}

function isTable(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let at: unknown = input;
  for (const key of path) {
    if (!isTable(at) && !Array.isArray(at)) return undefined;
    at = (at as Record<PropertyKey, unknown>)[key];
  }
  return at;
}
