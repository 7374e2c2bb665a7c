import { firstValueFrom, take, toArray } from 'rxjs';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_STRENGTH_SETTINGS, StrengthSettingsError } from '../network';
import {
  getStrengthSettings,
  resetStrengthSettings,
  setStrengthSettings,
  strengthSettingProblem,
  strengthSettings$,
  STRENGTH_SETTING_PATHS,
  undoChange,
  type KithDatabase,
} from './index';
import { openTestDatabase } from './testing';

let db: KithDatabase;
afterEach(async () => {
  await db?.close();
});

async function storedDoc() {
  return (await db.settings.findOne('strength').exec())?.toMutableJSON() ?? null;
}

/** Writes a settings document as another app version (or a damaged disk) might have left it. */
async function storeRaw(value: Record<string, unknown>) {
  await db.settings.insert({ id: 'strength', createdAt: 1, updatedAt: 1, fieldTimes: {}, value });
}

describe('strength settings storage', () => {
  it('start at the defaults, remember a change, keep the others and announce it', async () => {
    db = await openTestDatabase();
    expect(await getStrengthSettings(db)).toEqual(DEFAULT_STRENGTH_SETTINGS);
    const seen = firstValueFrom(strengthSettings$(db).pipe(take(2), toArray()));
    const change = await setStrengthSettings(db, { intensityHalfLifeDays: 30 });
    expect(change?.label).toBe('Change tie strength settings');
    expect(await getStrengthSettings(db)).toEqual({
      ...DEFAULT_STRENGTH_SETTINGS,
      intensityHalfLifeDays: 30,
    });
    const [before, after] = await seen;
    expect(before).toEqual(DEFAULT_STRENGTH_SETTINGS);
    expect(after?.intensityHalfLifeDays).toBe(30);
  });

  it('store only what differs from the defaults, stamped setting by setting for sync', async () => {
    db = await openTestDatabase();
    await setStrengthSettings(db, { channelWeights: { video: 0.9 }, fadingMinDays: 90 });
    await setStrengthSettings(db, { channelWeights: { call: 0.5 } });
    const settings = await getStrengthSettings(db);
    expect(settings.channelWeights).toEqual({
      ...DEFAULT_STRENGTH_SETTINGS.channelWeights,
      video: 0.9,
      call: 0.5,
    });
    const doc = await storedDoc();
    expect(doc?.value).toEqual({ channelWeights: { video: 0.9, call: 0.5 }, fadingMinDays: 90 });
    expect(Object.keys(doc?.fieldTimes ?? {}).sort()).toEqual([
      'value.channelWeights.call',
      'value.channelWeights.video',
      'value.fadingMinDays',
    ]);
    // The second edit touched only its own setting's stamp.
    expect(doc?.fieldTimes['value.channelWeights.call']).not.toBe(
      doc?.fieldTimes['value.channelWeights.video'],
    );
  });

  it('a setting put back to its default is no longer stored, with a fresh stamp; no edit, no change', async () => {
    db = await openTestDatabase();
    await setStrengthSettings(db, { fadingThreshold: 6 });
    const first = (await storedDoc())?.fieldTimes['value.fadingThreshold'];
    expect(await setStrengthSettings(db, { fadingThreshold: 6 })).toBeNull();
    await setStrengthSettings(db, { fadingThreshold: DEFAULT_STRENGTH_SETTINGS.fadingThreshold });
    const doc = await storedDoc();
    expect(doc?.value).toEqual({});
    expect(String(doc?.fieldTimes['value.fadingThreshold']) > String(first)).toBe(true);
  });

  it('refuse a bad value with an error naming the setting and its limits, and store nothing', async () => {
    db = await openTestDatabase();
    await setStrengthSettings(db, { burstGapDays: 10 });
    const bad = setStrengthSettings(db, { intensityHalfLifeDays: 0, burstGapDays: 20 });
    await expect(bad).rejects.toBeInstanceOf(StrengthSettingsError);
    await expect(bad).rejects.toThrow(
      'Setting "intensityHalfLifeDays" must be a number of days between 1 and 36500 (got 0).',
    );
    await expect(setStrengthSettings(db, { channelWeights: { video: -1 } })).rejects.toThrow(
      'Setting "channelWeights.video" must be a weight between 0 and 10 (got -1).',
    );
    await expect(setStrengthSettings(db, { dunbarLayers: [5, 50, 15] })).rejects.toThrow(
      'Setting "dunbarLayers" must be whole numbers, each larger than the one before',
    );
    const noFactors = Object.fromEntries(
      Object.keys(DEFAULT_STRENGTH_SETTINGS.factorWeights).map((k) => [k, 0]),
    );
    await expect(setStrengthSettings(db, { factorWeights: noFactors })).rejects.toThrow(
      'Setting "factorWeights" must give at least one factor a weight above 0',
    );
    await expect(setStrengthSettings(db, { halfLife: 3 } as never)).rejects.toThrow(
      'There is no strength setting called "halfLife".',
    );
    await expect(setStrengthSettings(db, { channelWeights: { fax: 1 } } as never)).rejects.toThrow(
      'There is no strength setting called "channelWeights.fax".',
    );
    // Nothing of the refused edits was written, not even their valid parts.
    expect((await storedDoc())?.value).toEqual({ burstGapDays: 10 });
  });

  it('reset to the defaults as one change that undo takes back', async () => {
    db = await openTestDatabase();
    expect(await resetStrengthSettings(db)).toBeNull();
    await setStrengthSettings(db, { intensityHalfLifeDays: 45, tieKindStrength: { friend: 0.8 } });
    const changed = await getStrengthSettings(db);
    const reset = await resetStrengthSettings(db);
    expect(reset?.label).toBe('Reset tie strength settings to defaults');
    expect(await getStrengthSettings(db)).toEqual(DEFAULT_STRENGTH_SETTINGS);
    expect(Object.keys((await storedDoc())?.fieldTimes ?? {}).sort()).toEqual([
      'value.intensityHalfLifeDays',
      'value.tieKindStrength.friend',
    ]);
    await undoChange(db, reset!);
    expect(await getStrengthSettings(db)).toEqual(changed);
  });

  it('read settings from another version or a damaged store setting by setting, never failing', async () => {
    db = await openTestDatabase();
    await storeRaw({
      intensityHalfLifeDays: 60, // fine
      fadingMinDays: 'soon', // wrong type: default
      burstGapDays: -4, // out of range: default
      futureSetting: 12, // from a newer version: ignored
      channelWeights: { video: 0.5, call: 99, fax: 1 }, // one good, one bad, one unknown
      factorWeights: {
        closeness: 0,
        frequency: 0,
        intensity: 0,
        rhythm: 0,
        reciprocity: 0,
        duration: 0,
        multiplexity: 0,
      },
      coAttendance: 'often', // not a table: default
    });
    const settings = await getStrengthSettings(db);
    expect(settings).toEqual({
      ...DEFAULT_STRENGTH_SETTINGS,
      intensityHalfLifeDays: 60,
      channelWeights: { ...DEFAULT_STRENGTH_SETTINGS.channelWeights, video: 0.5 },
    });
    // The next edit keeps the good values and drops the rest.
    await setStrengthSettings(db, { ratingPrior: 2 });
    expect((await storedDoc())?.value).toEqual({
      intensityHalfLifeDays: 60,
      channelWeights: { video: 0.5 },
      ratingPrior: 2,
    });
  });
});

describe('one strength setting checked on its own', () => {
  it('names what the value must be, including rules about its table', () => {
    expect(strengthSettingProblem('intensityHalfLifeDays', 60)).toBeNull();
    expect(strengthSettingProblem('intensityHalfLifeDays', 0)).toBe(
      'must be a number of days between 1 and 36500 (got 0)',
    );
    expect(strengthSettingProblem('channelWeights.video', Number.NaN)).toMatch(
      /^must be a weight between 0 and 10/,
    );
    const current = {
      ...DEFAULT_STRENGTH_SETTINGS,
      factorWeights: {
        closeness: 1,
        frequency: 0,
        intensity: 0,
        rhythm: 0,
        reciprocity: 0,
        duration: 0,
        multiplexity: 0,
      },
    };
    expect(strengthSettingProblem('factorWeights.closeness', 0, current)).toBe(
      'must give at least one factor a weight above 0 (got 0)',
    );
    expect(strengthSettingProblem('colour', 1)).toBe('is not a strength setting');
  });

  it('lists every setting, tables entry by entry', () => {
    expect(STRENGTH_SETTING_PATHS).toContain('channelWeights.in-person');
    expect(STRENGTH_SETTING_PATHS).toContain('coAttendance.halfLifeDays');
    expect(STRENGTH_SETTING_PATHS).toContain('dunbarLayers');
    expect(STRENGTH_SETTING_PATHS).not.toContain('channelWeights');
  });
});
