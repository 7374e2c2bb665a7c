import { distinctUntilChanged, map, type Observable } from 'rxjs';
import { z } from 'zod';
import { parseOrThrow } from '../domain/validation';
import { applyWrites } from './change';
import type { KithDatabase } from './collections';
import { deviceContext } from './clock';
import { sameValue } from './fieldTimes';
import { settingDocWith } from './settingDoc';
import { findDoc } from './store';

/**
 * The devices this journal is kept on, by name: one settings document, synced like the others,
 * whose `value` maps each device id to its name ("Laptop", "Chrome on Linux"). Each entry has its
 * own stamp (`value.<device id>`), so two devices writing their own entries at once both keep them.
 * Sync uses the names in its notes about conflicting edits instead of raw device ids.
 */
export const DEVICES_ID = 'devices';

export const MAX_DEVICE_NAME_LENGTH = 60;

const deviceName = z
  .string()
  .trim()
  .min(1, 'Give this device a name.')
  .max(MAX_DEVICE_NAME_LENGTH, `A device name has at most ${MAX_DEVICE_NAME_LENGTH} characters.`);

/** Device id → name. */
export type DeviceNames = ReadonlyMap<string, string>;

/**
 * Names as they arrived (from another device, an older Kith or a damaged document) become one
 * short line: they are shown in the app and written into notes ("Conflicting edit from …").
 */
function readDeviceNames(value: Record<string, unknown> | undefined): DeviceNames {
  const names = new Map<string, string>();
  for (const [id, raw] of Object.entries(value ?? {})) {
    if (typeof raw !== 'string') continue;
    const name = raw
      .replace(/[\s\p{Cc}\p{Cf}]+/gu, ' ')
      .trim()
      .slice(0, MAX_DEVICE_NAME_LENGTH)
      .trim();
    if (name !== '') names.set(id, name);
  }
  return names;
}

/** This device's id, the one its edits are stamped with. */
export function thisDeviceId(db: KithDatabase): string {
  return deviceContext(db).deviceId;
}

export async function getDeviceNames(db: KithDatabase): Promise<DeviceNames> {
  return readDeviceNames((await findDoc(db, 'settings', DEVICES_ID))?.value);
}

/** Every device's name now and after every change (a rename here, or one arriving by sync). */
export function deviceNames$(db: KithDatabase): Observable<DeviceNames> {
  return db.settings.findOne(DEVICES_ID).$.pipe(
    map((doc) => readDeviceNames(doc?.toMutableJSON().value)),
    distinctUntilChanged((a, b) => sameValue(Object.fromEntries(a), Object.fromEntries(b))),
  );
}

/** Writes this device's entry only; the other devices' entries and stamps stay as they are. */
async function writeThisDevice(db: KithDatabase, name: string): Promise<void> {
  const id = thisDeviceId(db);
  const stored = await findDoc(db, 'settings', DEVICES_ID);
  if (stored?.value[id] === name) return;
  const value = { ...(stored?.value ?? {}), [id]: name };
  const doc = settingDocWith(db, DEVICES_ID, stored, value, [id], (table, key) => table[key]);
  await applyWrites(db, [{ collection: 'settings', id: DEVICES_ID, target: doc }]);
}

/**
 * Puts this device in the directory under `defaultName` ("Chrome on Linux") unless it is there
 * already: a name the person chose, here or on another device, is never replaced.
 */
export async function recordThisDevice(db: KithDatabase, defaultName: string): Promise<void> {
  if ((await getDeviceNames(db)).has(thisDeviceId(db))) return;
  await writeThisDevice(db, parseOrThrow(deviceName, defaultName));
}

/** Renames this device ("This device" in Settings › Sync); the name syncs to the other devices. */
export async function renameThisDevice(db: KithDatabase, name: string): Promise<void> {
  await writeThisDevice(db, parseOrThrow(deviceName, name));
}
