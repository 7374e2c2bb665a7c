/**
 * A device whose clock runs slow learns another device's edit only by merging it into its own push
 * (its pulls are held back here, as a busy or unlucky device's can be). Its next edit of that field
 * must still carry the later stamp: were it stamped older than the value it replaces, every device
 * holding the merged version would take it for a server's rollback, refuse it and write the merged
 * version back, losing the edit; a device that does not write it back (it writes a document back
 * once per session, and a failed write is not retried) then disagrees with the others for good.
 * Found by the convergence fuzz: seed 6285 at 200 steps lost such an edit; the same mechanism is
 * the likely cause of seeds 974 and 989 diverging on a role field in the plain 1,000-seed run.
 */
import { describe, expect, it } from 'vitest';
import { createPerson, updatePerson } from '../../../shared/db';
import { createClock, deviceContext, setDeviceContext } from '../../../shared/db/clock';
import { compareStamps } from '../../../shared/db/fieldTimes';
import { listQuarantined } from '../../../shared/db/quarantine';
import type { SyncRequest, SyncResponse, SyncTransport } from '../../../shared/sync';
import { syncFixture, waitFor } from './devices';

const server = syncFixture();

/** A transport whose `_changes` requests (pulls and the live feed) wait while `held` is true. */
function holdingPulls(inner: SyncTransport) {
  let release: () => void = () => undefined;
  let gate: Promise<void> | null = null;
  const transport: SyncTransport = async (request: SyncRequest): Promise<SyncResponse> => {
    while (gate && request.path.startsWith('_changes')) await gate;
    return inner(request);
  };
  return {
    transport,
    hold() {
      gate ??= new Promise<void>((resolve) => (release = resolve));
    },
    let() {
      gate = null;
      release();
    },
  };
}

describe('sync with a device whose clock runs slow', () => {
  it('an edit made after merging another device’s edit of that field is newer, not a rollback', async () => {
    const pulls = holdingPulls(server.couch.transport());
    const slow = await server.device('slow', undefined, pulls.transport);
    // Five minutes slow, like the fuzz's r2.
    setDeviceContext(slow.db, { deviceId: 'slow', clock: createClock(() => Date.now() - 300_000) });
    const other = await server.device('other');
    slow.start();
    other.start();
    const id = (await createPerson(other.db, { name: 'Ada', role: 'Analyst' })).person.id;
    await waitFor('the person on the slow device', () => server.person(slow, id));
    await new Promise((r) => setTimeout(r, 50));

    // The other device edits the role; the slow device does not pull it…
    pulls.hold();
    await updatePerson(other.db, id, { role: 'Director' });
    await other.session!.awaitInSync();
    // …but merges it into its own push of an edit of another field…
    await updatePerson(slow.db, id, { notes: 'from the slow device' });
    await waitFor('the merged version on the other device', async () => {
      const p = await server.person(other, id);
      return p?.notes === 'from the slow device' && p.role === 'Director';
    });
    expect((await server.person(slow, id))?.role).toBe('Director');

    // …and then edits the role itself: a later edit, so a later stamp, whatever its wall clock says.
    await updatePerson(slow.db, id, { role: 'Founder' });
    const directorStamp = (await server.person(other, id))!.fieldTimes.role;
    const founderStamp = (await server.person(slow, id))!.fieldTimes.role;
    expect(compareStamps(founderStamp, directorStamp)).toBeGreaterThan(0);
    expect(deviceContext(slow.db).clock()).toBeGreaterThan(Date.now() - 60_000);

    pulls.let();
    await waitFor('the new role on the other device', async () => {
      return (await server.person(other, id))?.role === 'Founder';
    });
    await other.session!.awaitInSync();
    await slow.session!.awaitInSync();
    expect((await server.person(slow, id))?.role).toBe('Founder');
    expect((await listQuarantined(other.db)).entries).toEqual([]);
  });
});
