import { distinctUntilChanged, map, type Observable } from 'rxjs';
import { DEFAULT_STRENGTH_SETTINGS, type StrengthSettings } from '../network/settings';
import { StrengthSettingsError, resolveStrengthSettings } from '../network/settingsSchema';
import { commit, type Change } from './change';
import type { KithDatabase } from './collections';
import { sameValue } from './fieldTimes';
import {
  isStrengthSettingPath,
  isTable,
  pathsIn,
  settingAt,
  STRENGTH_SETTING_PATHS,
  validOverrides,
  withSetting,
  type StrengthSettingsPatch,
} from './strengthSettingPaths';
import { settingDocWith } from './settingDoc';
import { findDoc } from './store';

export const STRENGTH_SETTINGS_ID = 'strength';

/*
 * The document holds only the settings the user changed, never a copy of the defaults: the defaults
 * are still being tuned, and a user who never touched a setting should get the better default of
 * the next version. Each setting (one number, or the Dunbar list) has its own stamp,
 * `value.<setting path>` (for example `value.channelWeights.video`), so sync can merge two devices'
 * edits setting by setting; a setting put back to its default is removed, with a fresh stamp.
 */

function read(value: unknown): StrengthSettings {
  try {
    return resolveStrengthSettings(validOverrides(value));
  } catch {
    // validOverrides keeps only valid values; this is a last guard, never a user-visible failure.
    return DEFAULT_STRENGTH_SETTINGS;
  }
}

/** The user's strength settings: their changes over the defaults. */
export async function getStrengthSettings(db: KithDatabase): Promise<StrengthSettings> {
  return read((await findDoc(db, 'settings', STRENGTH_SETTINGS_ID))?.value);
}

/** The strength settings now and after every change (from this device, undo, or sync). */
export function strengthSettings$(db: KithDatabase): Observable<StrengthSettings> {
  return db.settings.findOne(STRENGTH_SETTINGS_ID).$.pipe(
    map((doc) => read(doc?.toMutableJSON().value)),
    distinctUntilChanged((a, b) => sameValue(a, b)),
  );
}

/** Only the values that differ from the defaults. */
function sparse(settings: StrengthSettings): Record<string, unknown> {
  let out: Record<string, unknown> = {};
  for (const path of STRENGTH_SETTING_PATHS) {
    const value = settingAt(settings, path);
    if (!sameValue(value, settingAt(DEFAULT_STRENGTH_SETTINGS, path))) out = withSetting(out, path, value);
  }
  return out;
}

async function write(
  db: KithDatabase,
  label: string,
  value: Record<string, unknown>,
): Promise<Change | null> {
  const stored = await findDoc(db, 'settings', STRENGTH_SETTINGS_ID);
  if (stored && sameValue(stored.value, value)) return null;
  if (!stored && Object.keys(value).length === 0) return null;
  // Stored keys this version does not know are rewritten (dropped) too, so they are stamped as well.
  const paths = new Set([...STRENGTH_SETTING_PATHS, ...pathsIn(stored?.value ?? {})]);
  const after = settingDocWith(db, STRENGTH_SETTINGS_ID, stored, value, paths, settingAt);
  return commit(db, label, [{ collection: 'settings', id: STRENGTH_SETTINGS_ID, before: stored, after }]);
}

/**
 * Changes some strength settings, keeping the others. `changes` is shaped like the settings, with
 * tables given in part (`{ channelWeights: { video: 0.9 } }`). Everything is validated before
 * anything is written: a StrengthSettingsError names each bad setting and what it must be. Returns
 * the change for undo, or null when nothing changed.
 */
export async function setStrengthSettings(
  db: KithDatabase,
  changes: StrengthSettingsPatch,
  label = 'Change tie strength settings',
): Promise<Change | null> {
  if (!isTable(changes)) throw new StrengthSettingsError(['Settings must be a table of named settings.']);
  const unknown = pathsIn(changes).filter((path) => !isStrengthSettingPath(path));
  if (unknown.length > 0) {
    throw new StrengthSettingsError(unknown.map((path) => `There is no strength setting called "${path}".`));
  }
  const stored = await findDoc(db, 'settings', STRENGTH_SETTINGS_ID);
  let next: Record<string, unknown> = validOverrides(stored?.value);
  for (const path of pathsIn(changes)) next = withSetting(next, path, settingAt(changes, path));
  const settings = resolveStrengthSettings(next);
  return write(db, label, sparse(settings));
}

/** Puts every strength setting back to its default. Returns the change for undo, or null if all were. */
export function resetStrengthSettings(
  db: KithDatabase,
  label = 'Reset tie strength settings to defaults',
): Promise<Change | null> {
  return write(db, label, {});
}
