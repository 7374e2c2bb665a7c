import { firstValueFrom, take, toArray } from 'rxjs';
import { afterEach, describe, expect, it } from 'vitest';
import { mergeVersions } from '../sync/merge';
import { openDatabase, type KithDatabase, type SettingDoc } from './index';
import {
  DEVICES_ID,
  deviceNames$,
  getDeviceNames,
  recordThisDevice,
  renameThisDevice,
  thisDeviceId,
} from './devices';
import { fakeStorage, openTestDatabase, uniqueName } from './testing';

const open: KithDatabase[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((db) => db.close()));
});

async function device(deviceId?: string): Promise<KithDatabase> {
  const db = deviceId
    ? await openDatabase({
        storage: fakeStorage(),
        name: uniqueName(deviceId),
        multiInstance: false,
        deviceId,
      })
    : await openTestDatabase();
  open.push(db);
  return db;
}

async function directoryDoc(db: KithDatabase): Promise<SettingDoc> {
  return (await db.settings.findOne(DEVICES_ID).exec())!.toMutableJSON();
}

describe('the device directory', () => {
  it('records this device once under its default name, and keeps the name the person gives it', async () => {
    const db = await device();
    await recordThisDevice(db, 'Chrome on Linux');
    expect(await getDeviceNames(db)).toEqual(new Map([['test-device', 'Chrome on Linux']]));
    await renameThisDevice(db, '  Laptop ');
    await recordThisDevice(db, 'Chrome on Linux');
    expect(await getDeviceNames(db)).toEqual(new Map([[thisDeviceId(db), 'Laptop']]));
    expect(Object.keys((await directoryDoc(db)).fieldTimes)).toEqual(['value.test-device']);
  });

  it('refuses an empty or overlong name, saying what is wrong', async () => {
    const db = await device();
    await expect(renameThisDevice(db, '   ')).rejects.toThrow('Give this device a name.');
    await expect(renameThisDevice(db, 'x'.repeat(61))).rejects.toThrow(
      'A device name has at most 60 characters.',
    );
    expect(await getDeviceNames(db)).toEqual(new Map());
  });

  it('announces every change', async () => {
    const db = await device();
    const seen = firstValueFrom(deviceNames$(db).pipe(take(3), toArray()));
    await recordThisDevice(db, 'Firefox on Windows');
    await renameThisDevice(db, 'Office PC');
    expect((await seen).map((names) => names.get('test-device'))).toEqual([
      undefined,
      'Firefox on Windows',
      'Office PC',
    ]);
  });

  it('keeps both devices’ entries when sync merges their directories', async () => {
    const laptop = await device('laptop');
    const phone = await device('phone');
    await recordThisDevice(laptop, 'Desktop on Linux');
    await recordThisDevice(phone, 'Safari on iOS');
    await renameThisDevice(laptop, 'Laptop');
    const a = await directoryDoc(laptop);
    const b = await directoryDoc(phone);
    const merged = mergeVersions('settings', { ...a, _deleted: false }, { ...b, _deleted: false });
    expect(merged.value).toEqual({ laptop: 'Laptop', phone: 'Safari on iOS' });
    expect(mergeVersions('settings', { ...b, _deleted: false }, { ...a, _deleted: false })).toEqual(merged);
  });

  it('reads names from other devices as one short line', async () => {
    const db = await device();
    await db.settings.insert({
      id: DEVICES_ID,
      createdAt: 1,
      updatedAt: 1,
      fieldTimes: {},
      value: { a: 'Work\nlaptop\u202e', b: 42, c: '   ', d: 'y'.repeat(100) },
    });
    expect(await getDeviceNames(db)).toEqual(
      new Map([
        ['a', 'Work laptop'],
        ['d', 'y'.repeat(60)],
      ]),
    );
  });
});
