import { distinctUntilChanged, map, type Observable } from 'rxjs';
import { z } from 'zod';
import type { Preferences } from '../domain/entities';
import { parseOrThrow } from '../domain/validation';
import { applyWrites } from './change';
import type { KithDatabase } from './collections';
import { sameValue } from './fieldTimes';
import { settingDocWith } from './settingDoc';
import { findDoc } from './store';

const PREFERENCES_ID = 'preferences';

export const DEFAULT_PREFERENCES: Preferences = { theme: 'system' };

const preferencesPatch = z.object({
  theme: z.enum(['system', 'light', 'dark'], { error: 'Theme must be system, light or dark.' }).optional(),
});

/** Stored settings may come from an older or newer app version: unknown or bad values fall back to defaults. */
function readPreferences(value: Record<string, unknown> | undefined): Preferences {
  const parsed = preferencesPatch.safeParse(value ?? {});
  return { ...DEFAULT_PREFERENCES, ...(parsed.success ? parsed.data : {}) } as Preferences;
}

export async function getPreferences(db: KithDatabase): Promise<Preferences> {
  const doc = await findDoc(db, 'settings', PREFERENCES_ID);
  return readPreferences(doc?.value);
}

export async function setPreferences(db: KithDatabase, patch: Partial<Preferences>): Promise<void> {
  const valid = parseOrThrow(preferencesPatch, patch);
  const stored = await findDoc(db, 'settings', PREFERENCES_ID);
  const value = {
    ...readPreferences(stored?.value),
    ...Object.fromEntries(Object.entries(valid).filter(([, v]) => v !== undefined)),
  };
  if (stored && sameValue(stored.value, value)) return;
  // Each preference is its own field for sync: changing the theme on one device must not undo another setting.
  const doc = settingDocWith(
    db,
    PREFERENCES_ID,
    stored,
    value,
    Object.keys(value),
    (table, key) => table[key],
  );
  await applyWrites(db, [{ collection: 'settings', id: PREFERENCES_ID, target: doc }]);
}

export function preferences$(db: KithDatabase): Observable<Preferences> {
  return db.settings.findOne(PREFERENCES_ID).$.pipe(
    map((doc) => readPreferences(doc?.toMutableJSON().value)),
    distinctUntilChanged((a, b) => sameValue(a, b)),
  );
}
