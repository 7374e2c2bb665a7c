import type { z } from 'zod';
import { DEFAULT_STRENGTH_SETTINGS, type StrengthSettings } from '../network/settings';
import { strengthSettingsSchema } from '../network/settingsSchema';

/**
 * One setting as the user sees it: a top-level number (`intensityHalfLifeDays`), one entry of a
 * table (`channelWeights.video`), or the Dunbar layer list as a whole. These are the units that are
 * validated, stored and stamped for sync one by one.
 */
export type StrengthSettingPath = string;

/** The user's changes, shaped like the settings but sparse: only what differs from the defaults. */
export type StrengthSettingsPatch = {
  [K in keyof StrengthSettings]?: StrengthSettings[K] extends readonly number[]
    ? number[]
    : StrengthSettings[K] extends object
      ? Partial<StrengthSettings[K]>
      : StrengthSettings[K];
};

type Table = Record<string, unknown>;

export function isTable(x: unknown): x is Table {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

const TOP_KEYS = Object.keys(DEFAULT_STRENGTH_SETTINGS) as (keyof StrengthSettings)[];

/** Every setting path, in the order of StrengthSettings. */
export const STRENGTH_SETTING_PATHS: readonly StrengthSettingPath[] = TOP_KEYS.flatMap((key) => {
  const value = DEFAULT_STRENGTH_SETTINGS[key];
  return isTable(value) ? Object.keys(value).map((sub) => `${key}.${sub}`) : [key];
});

const PATHS = new Set(STRENGTH_SETTING_PATHS);

export function isStrengthSettingPath(path: string): boolean {
  return PATHS.has(path);
}

function split(path: StrengthSettingPath): [string, string | undefined] {
  const dot = path.indexOf('.');
  return dot < 0 ? [path, undefined] : [path.slice(0, dot), path.slice(dot + 1)];
}

/** The value of one setting in a (possibly sparse) settings table; undefined when absent. */
export function settingAt(settings: unknown, path: StrengthSettingPath): unknown {
  const [key, sub] = split(path);
  const top = isTable(settings) ? settings[key] : undefined;
  return sub === undefined ? top : isTable(top) ? top[sub] : undefined;
}

/** A copy of a sparse table with one setting set (undefined: removed; an emptied table goes too). */
export function withSetting(settings: Table, path: StrengthSettingPath, value: unknown): Table {
  const [key, sub] = split(path);
  const out: Table = { ...settings };
  if (sub === undefined) {
    if (value === undefined) delete out[key];
    else out[key] = value;
    return out;
  }
  const table: Table = { ...(isTable(out[key]) ? out[key] : {}) };
  if (value === undefined) delete table[sub];
  else table[sub] = value;
  if (Object.keys(table).length === 0) delete out[key];
  else out[key] = table;
  return out;
}

/** The paths of every setting present in a sparse table (unknown ones included, for the caller to refuse). */
export function pathsIn(settings: Table): StrengthSettingPath[] {
  return Object.entries(settings).flatMap(([key, value]) => {
    const base = DEFAULT_STRENGTH_SETTINGS[key as keyof StrengthSettings];
    return isTable(base) && isTable(value) ? Object.keys(value).map((sub) => `${key}.${sub}`) : [key];
  });
}

function schemaOf(key: string): z.ZodType | undefined {
  return (strengthSettingsSchema.shape as Record<string, z.ZodType>)[key];
}

function leafSchema(path: StrengthSettingPath): z.ZodType | undefined {
  const [key, sub] = split(path);
  const top = schemaOf(key);
  if (sub === undefined || !top) return top;
  return (top as unknown as { shape: Record<string, z.ZodType> }).shape[sub];
}

/**
 * What is wrong with giving one setting this value, or null if nothing is: the setting's own limits,
 * then the rules about its table as a whole (one factor at least must have a weight), judged against
 * the other settings in `current`. The words follow the setting's name ("must be a number of days…").
 */
export function strengthSettingProblem(
  path: StrengthSettingPath,
  value: unknown,
  current: StrengthSettings = DEFAULT_STRENGTH_SETTINGS,
): string | null {
  const leaf = leafSchema(path);
  if (!isStrengthSettingPath(path) || !leaf) return 'is not a strength setting';
  const got = ` (got ${value === undefined ? 'nothing' : JSON.stringify(value)})`;
  const own = leaf.safeParse(value);
  if (!own.success) return `${own.error.issues[0]?.message ?? 'is not valid'}${got}`;
  const [key] = split(path);
  const whole = schemaOf(key)?.safeParse(
    settingAt(withSetting(current as unknown as Table, path, value), key),
  );
  if (whole && !whole.success) return `${whole.error.issues[0]?.message ?? 'is not valid'}${got}`;
  return null;
}

/**
 * The valid part of a stored sparse table. Stored settings may come from an older or newer app
 * version, or be damaged: an unknown setting is ignored and a bad value falls back to its default,
 * each on its own, so one bad entry never costs the user their other settings (and never crashes).
 */
export function validOverrides(stored: unknown): StrengthSettingsPatch {
  if (!isTable(stored)) return {};
  let out: Table = {};
  for (const path of STRENGTH_SETTING_PATHS) {
    const value = settingAt(stored, path);
    if (value !== undefined && leafSchema(path)?.safeParse(value).success)
      out = withSetting(out, path, value);
  }
  // Rules over a whole table (not every factor weight may be 0): a table that breaks them falls back whole.
  for (const key of Object.keys(out)) {
    const merged = settingAt(withSetting({}, key, mergeOver(key, out[key])), key);
    if (!schemaOf(key)?.safeParse(merged).success) delete out[key];
  }
  return out as StrengthSettingsPatch;
}

function mergeOver(key: string, value: unknown): unknown {
  const base = DEFAULT_STRENGTH_SETTINGS[key as keyof StrengthSettings];
  return isTable(base) && isTable(value) ? { ...base, ...value } : value;
}
