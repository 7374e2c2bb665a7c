import { firstValueFrom, take, toArray } from 'rxjs';
import { afterEach, describe, expect, it } from 'vitest';
import { getPreferences, preferences$, setPreferences, type KithDatabase } from './index';
import { openTestDatabase } from './testing';

let db: KithDatabase;
afterEach(async () => {
  await db?.close();
});

describe('preferences', () => {
  it('default to following the system theme, then remember a choice and announce it', async () => {
    db = await openTestDatabase();
    expect(await getPreferences(db)).toEqual({ theme: 'system' });
    const seen = firstValueFrom(preferences$(db).pipe(take(2), toArray()));
    await setPreferences(db, { theme: 'dark' });
    expect(await getPreferences(db)).toEqual({ theme: 'dark' });
    expect(await seen).toEqual([{ theme: 'system' }, { theme: 'dark' }]);
    const doc = (await db.settings.findOne('preferences').exec())!.toMutableJSON();
    expect(Object.keys(doc.fieldTimes)).toEqual(['value.theme']);
  });

  it('refuses an unknown theme', async () => {
    db = await openTestDatabase();
    await expect(setPreferences(db, { theme: 'blue' as never })).rejects.toThrow(
      'Theme must be system, light or dark.',
    );
    expect(await getPreferences(db)).toEqual({ theme: 'system' });
  });
});
