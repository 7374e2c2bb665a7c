import { webcrypto } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createPerson, deletePerson, updatePerson } from '../../../shared/db';
import { checkSyncRequest } from '../../../shared/security/syncUrl';
import { changePassphrase, testConnection, type SyncTransport } from '../../../shared/sync';
import { syncFixture, waitFor } from './devices';

const server = syncFixture();

/**
 * Both transports refuse every request checkSyncRequest does not allow, so the engine must never
 * send one: this runs the real engine through set-up, edits, a conflict, deletes and passphrase
 * changes, and records what it asks of the server.
 */
function recorded(transport: SyncTransport) {
  const refused: string[] = [];
  const kinds = new Set<string>();
  const checked: SyncTransport = async (request) => {
    const check = checkSyncRequest(request);
    if (!check.ok) refused.push(check.reason);
    const resource = request.path.split('?')[0]!;
    kinds.add(`${request.method} ${resource.includes('%3A') ? '<journal document>' : resource}`);
    return transport(request);
  };
  return { checked, refused, kinds };
}

describe('the requests the sync engine sends', () => {
  it('are all ones both transports allow', async () => {
    const { checked, refused, kinds } = recorded(server.couch.transport());
    expect(await testConnection(checked)).toMatchObject({ ok: true });
    const a = await server.device('laptop', 'first passphrase', checked);
    const b = await server.device('desktop', 'first passphrase', checked);
    a.start();
    b.start();
    const id = (await createPerson(a.db, { name: 'Ada', notes: 'Met at the library' })).person.id;
    await waitFor('Ada on the desktop', () => server.person(b, id));
    await a.session!.awaitInSync();
    await b.session!.awaitInSync();
    // Edits on both sides while the server is away: the second push meets a conflict and merges.
    await server.couch.pause();
    await updatePerson(a.db, id, { notes: 'Laptop notes' });
    await updatePerson(b.db, id, { notes: 'Desktop notes' });
    await server.couch.resume();
    a.session!.retry();
    b.session!.retry();
    // Both devices hold the merged version before one deletes it: a removal of a version that had
    // not seen the other's edit would rightly be undone by that edit.
    for (const d of [a, b])
      await waitFor('both edits kept', async () =>
        /Laptop notes[\s\S]*Desktop notes|Desktop notes[\s\S]*Laptop notes/.test(
          String((await server.person(d, id))?.notes),
        ),
      );
    await a.session!.awaitInSync();
    await b.session!.awaitInSync();
    await deletePerson(b.db, id);
    await waitFor('Ada gone on the laptop', async () => (await server.person(a, id)) === null);
    await a.close();
    await b.close();
    await changePassphrase(checked, webcrypto, 'first passphrase', 'second passphrase');
    await changePassphrase(checked, webcrypto, 'second passphrase', '');

    expect(refused).toEqual([]);
    expect([...kinds].sort()).toEqual(
      expect.arrayContaining([
        'GET ',
        'GET _changes',
        'GET _all_docs',
        'POST _all_docs',
        'POST _bulk_docs',
        'GET kith-key',
        'PUT kith-key',
        'DELETE kith-key',
        'GET kith-journal',
        'PUT kith-journal',
      ]),
    );
  });
});
