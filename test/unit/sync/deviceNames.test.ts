import { describe, expect, it } from 'vitest';
import {
  createPerson,
  deviceNames$,
  getDeviceNames,
  recordThisDevice,
  updatePerson,
  type DeviceNames,
} from '../../../shared/db';
import { syncFixture, waitFor, waitForStatus, type Device } from './devices';

const server = syncFixture();

/** Starts syncing with conflict notes named from the device's own directory, read live as the app does. */
function startNamed(device: Device) {
  let names: DeviceNames = new Map();
  deviceNames$(device.db).subscribe((latest) => (names = latest));
  return device.start({ deviceName: (id) => names.get(id) });
}

describe('conflict notes between synced devices', () => {
  it('name the other device by the name in the synced directory', async () => {
    const a = await server.device('laptop');
    const b = await server.device('desktop');
    await recordThisDevice(a.db, 'Laptop');
    await recordThisDevice(b.db, 'Desktop');
    startNamed(a);
    startNamed(b);
    const id = (await createPerson(a.db, { name: 'Ada', notes: 'first' })).person.id;
    await waitFor('Ada and both names on each device', async () => {
      const both = async (d: Device) => (await getDeviceNames(d.db)).size === 2;
      return (await server.person(b, id)) && (await both(a)) && (await both(b));
    });
    await server.couch.pause();
    await updatePerson(a.db, id, { notes: 'laptop notes' });
    await updatePerson(b.db, id, { notes: 'desktop notes' });
    await waitForStatus(a.session!, 'offline');
    await server.couch.resume();
    a.session!.retry();
    b.session!.retry();
    const merged = await waitFor('both devices to agree', async () => {
      const [pa, pb] = [await server.person(a, id), await server.person(b, id)];
      return pa && pb && pa.notes === pb.notes && pa.notes.includes('---') && pa;
    });
    expect(merged!.notes).toMatch(
      /^desktop notes\n\n---\nConflicting edit from Laptop at \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC:\nlaptop notes$/,
    );
  });
});
