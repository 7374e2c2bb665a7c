import { afterEach, describe, expect, it } from 'vitest';
import { createClock, deviceContext, setDeviceContext } from './clock';
import { compareStamps, makeStamp } from './fieldTimes';
import {
  createPerson,
  getStrengthSettings,
  setStrengthSettings,
  undoChange,
  updatePerson,
  type KithDatabase,
} from './index';
import { openTestDatabase } from './testing';

// A device whose wall clock is behind the stamps already on what it edits: a faster device's edit
// arrived before this app started (a restart forgets what the clock saw) or another tab merged it
// in. Its edit must still carry the later stamp, or every other device takes it for a server's
// rollback and refuses it, and the edit is lost.

let db: KithDatabase;
afterEach(async () => {
  await db?.close();
});

const AHEAD = 10 * 60_000;

/** Stamps every field of a stored person as a device ten minutes ahead would have. */
async function stampedAhead(id: string): Promise<string> {
  const faster = makeStamp(Date.now() + AHEAD, 'faster-device');
  const doc = await db.people.findOne(id).exec();
  const times = Object.fromEntries(Object.keys(doc!.fieldTimes).map((f) => [f, faster]));
  await doc!.incrementalPatch({ fieldTimes: times, updatedAt: Date.now() + AHEAD });
  return faster;
}

/** As after a restart: a fresh clock that has seen nothing. */
function restartClock(): void {
  setDeviceContext(db, { deviceId: deviceContext(db).deviceId, clock: createClock() });
}

describe('an edit is stamped after what it edits', () => {
  it('when a faster device stamped the person before this app started', async () => {
    db = await openTestDatabase();
    const { person } = await createPerson(db, { name: 'Ada', role: 'Engineer' });
    const faster = await stampedAhead(person.id);
    restartClock();
    const { person: edited } = await updatePerson(db, person.id, { role: 'Mathematician' });
    expect(compareStamps(edited.fieldTimes.role, faster)).toBeGreaterThan(0);
    // One action, one stamp: everything it stamped moved together.
    const stored = (await db.people.findOne(person.id).exec())!.toMutableJSON();
    expect(stored.role).toBe('Mathematician');
    expect(stored.fieldTimes.role).toBe(edited.fieldTimes.role);
    expect(stored.updatedAt).toBeGreaterThan(Date.now() + AHEAD - 60_000);
    expect(compareStamps(stored.fieldTimes.name, faster)).toBe(0);
  });

  it('when undoing an edit a faster device stamped after it', async () => {
    db = await openTestDatabase();
    const { person } = await createPerson(db, { name: 'Ada', role: 'Engineer' });
    const { change } = await updatePerson(db, person.id, { role: 'Mathematician' });
    const faster = await stampedAhead(person.id);
    restartClock();
    await undoChange(db, change);
    const stored = (await db.people.findOne(person.id).exec())!.toMutableJSON();
    expect(stored.role).toBe('Engineer');
    expect(compareStamps(stored.fieldTimes.role, faster)).toBeGreaterThan(0);
  });

  it('when changing a setting a faster device changed', async () => {
    db = await openTestDatabase();
    await setStrengthSettings(db, { fadingMinDays: 200 });
    const doc = await db.settings.findOne('strength').exec();
    const faster = makeStamp(Date.now() + AHEAD, 'faster-device');
    await doc!.incrementalPatch({
      fieldTimes: Object.fromEntries(Object.keys(doc!.fieldTimes).map((f) => [f, faster])),
    });
    restartClock();
    await setStrengthSettings(db, { fadingMinDays: 250 });
    const stored = (await db.settings.findOne('strength').exec())!.toMutableJSON();
    expect((await getStrengthSettings(db)).fadingMinDays).toBe(250);
    expect(compareStamps(stored.fieldTimes['value.fadingMinDays'], faster)).toBeGreaterThan(0);
  });
});
