// @vitest-environment happy-dom
import { screen, waitFor, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createPerson,
  listQuarantined,
  recordEncounter,
  setAside,
  type KithDatabase,
  type SetAside,
} from '../../../shared/db';
import { encounterDocument } from '../../../shared/db/documents';
import { makeStamp } from '../../../shared/db/fieldTimes';
import { openTestDatabase } from '../../../shared/db/testing';
import { capturedDownloads } from '../../app/testing/downloads';
import { renderWithDb } from '../../app/testing/renderWithDb';
import { DataHealthSection } from './DataHealthSection';

let teardown: (() => Promise<void>) | undefined;
afterEach(async () => {
  await teardown?.();
  teardown = undefined;
  vi.restoreAllMocks();
});
const downloads = capturedDownloads();

const written = { ms: 1_764_000_000_000, stamp: makeStamp(1_764_000_000_000, 'laptop') };

const fromSync: SetAside = {
  source: 'sync',
  collection: 'encounters',
  docId: 'e-bad',
  reason: 'date: Date “2026-02-30” is not a real day.',
  issues: [{ path: 'date', message: 'Date “2026-02-30” is not a real day.' }],
  origin: 'encounters:e-bad (revision 3-abc)',
  raw: { id: 'e-bad', date: '2026-02-30', title: 'Lunch' },
};
const fromBackup: SetAside = {
  source: 'backup',
  collection: 'people',
  docId: 'p-bad',
  reason: 'name: The person has no name.',
  issues: [{ path: 'name', message: 'The person has no name.' }],
  origin: 'kith-backup-2026-11-30.json',
  raw: { id: 'p-bad', name: '' },
};

async function showSection(prepare?: (db: KithDatabase) => Promise<void>) {
  const rendered = await renderWithDb(<DataHealthSection />, { path: '/settings' });
  teardown = rendered.teardown;
  // The app names this device in the synced device directory as it starts: one settings document
  // besides the owner, written in the background, which every check counts.
  await waitFor(async () => expect(await rendered.db.settings.findOne('devices').exec()).not.toBeNull());
  await prepare?.(rendered.db);
  await screen.findByRole('heading', { name: 'Data health' });
  return rendered;
}

const setAsideList = () => screen.findByRole('list', { name: 'Documents set aside' });

describe('Data health: documents set aside', () => {
  it('explains what the list is for when nothing is set aside', async () => {
    await showSection();
    expect(
      await screen.findByText(/^Nothing set aside\. When sync, a backup or an import brings/),
    ).toBeTruthy();
    expect(screen.queryByRole('list', { name: 'Documents set aside' })).toBeNull();
  });

  it('says in place when the list cannot be read, instead of loading for ever', async () => {
    const db = await openTestDatabase();
    const getLocal = db.getLocal.bind(db);
    vi.spyOn(db, 'getLocal').mockImplementation((id: string) =>
      id === 'quarantine' ? Promise.reject(new Error('The storage is unreadable.')) : getLocal(id),
    );
    const rendered = await renderWithDb(<DataHealthSection />, { path: '/settings', db });
    teardown = rendered.teardown;
    const part = await screen.findByRole('region', { name: 'Documents set aside' });
    expect(within(part).getByRole('alert').textContent).toBe(
      'The list of documents set aside could not be read (The storage is unreadable.). Nothing was discarded; come back to this page to try again.',
    );
    expect(within(part).queryByText('Loading…')).toBeNull();
    // The rest of Data health still works.
    expect(screen.getByRole('button', { name: 'Check the journal' })).toBeTruthy();
  });

  it('lists each entry with where it came from, the reason in words and what to do, newest first', async () => {
    await showSection((db) => setAside(db, [fromSync]).then(() => setAside(db, [fromBackup])));
    const items = within(await setAsideList()).getAllByRole('listitem');
    expect(
      items.map((i) => i.getAttribute('aria-labelledby') && within(i).getByRole('heading').textContent),
    ).toEqual(['A person (id p-bad)', 'An encounter (id e-bad)']);
    const encounter = within(await setAsideList()).getByRole('listitem', { name: 'An encounter (id e-bad)' });
    expect(within(encounter).getByText('date: Date “2026-02-30” is not a real day.')).toBeTruthy();
    expect(
      within(encounter).getByText(/^From sync \(encounters:e-bad \(revision 3-abc\)\), set aside /),
    ).toBeTruthy();
    expect(
      within(encounter).getByText(
        /^It came from the sync server: .* Kith writes that copy back to the server by itself\./,
      ),
    ).toBeTruthy();
    const person = within(await setAsideList()).getByRole('listitem', { name: 'A person (id p-bad)' });
    expect(within(person).getByText(/^From a backup \(kith-backup-2026-11-30\.json\)/)).toBeTruthy();
  });

  it('saves a copy of what arrived as JSON, with where it came from and why', async () => {
    const { user } = await showSection((db) => setAside(db, [fromSync]));
    const item = within(await setAsideList()).getByRole('listitem', { name: 'An encounter (id e-bad)' });
    await user.click(within(item).getByRole('button', { name: 'Save a copy' }));
    await waitFor(() => expect(downloads).toHaveLength(1));
    expect(downloads[0]!.name).toBe('kith-set-aside-encounters-e-bad.json');
    expect(JSON.parse(await downloads[0]!.blob.text())).toMatchObject({
      kith: 'set-aside',
      source: 'sync',
      collection: 'encounters',
      docId: 'e-bad',
      reason: 'date: Date “2026-02-30” is not a real day.',
      origin: 'encounters:e-bad (revision 3-abc)',
      arrived: { id: 'e-bad', date: '2026-02-30', title: 'Lunch' },
    });
  });

  it('discards one entry only after a confirmation, and all of them with "Discard all"', async () => {
    const { user, db } = await showSection((d) => setAside(d, [fromSync, fromBackup]));
    const item = within(await setAsideList()).getByRole('listitem', { name: 'An encounter (id e-bad)' });
    await user.click(within(item).getByRole('button', { name: 'Discard' }));
    const dialog = await screen.findByRole('dialog', { name: 'Discard an encounter (id e-bad)?' });
    expect(within(dialog).getByText(/cannot be undone: save a copy first/)).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect((await listQuarantined(db)).entries).toHaveLength(2);

    await user.click(within(item).getByRole('button', { name: 'Discard' }));
    const again = await screen.findByRole('dialog', { name: 'Discard an encounter (id e-bad)?' });
    await user.click(within(again).getByRole('button', { name: 'Discard' }));
    await waitFor(() =>
      expect(
        within(screen.getByRole('list', { name: 'Documents set aside' })).getAllByRole('listitem'),
      ).toHaveLength(1),
    );
    expect((await listQuarantined(db)).entries.map((e) => e.docId)).toEqual(['p-bad']);

    await user.click(screen.getByRole('button', { name: 'Discard all' }));
    const all = await screen.findByRole('dialog', { name: 'Discard all 1 document set aside?' });
    await user.click(within(all).getByRole('button', { name: 'Discard all' }));
    await screen.findByText(/^Nothing set aside\./);
    expect((await listQuarantined(db)).entries).toEqual([]);
  });
});

describe('Data health: checking the journal', () => {
  /** An encounter on a day that does not exist and one with a person met who is not in the journal. */
  async function damaged(db: KithDatabase) {
    const { person: ana } = await createPerson(db, { name: 'Ana Lopez' });
    await recordEncounter(db, { date: '2026-03-01', title: 'Coffee', participantIds: [ana.id] });
    await db.encounters.insert(
      encounterDocument('bad-day', { date: '2026-02-30', title: 'Lunch', participantIds: [ana.id] }, written),
    );
    await db.encounters.insert(
      encounterDocument(
        'ghosted',
        { date: '2026-03-02', title: 'Walk', participantIds: [ana.id, 'ghost'] },
        written,
      ),
    );
  }

  async function check(user: UserEvent) {
    await user.click(screen.getByRole('button', { name: 'Check the journal' }));
    await screen.findByText('2 problems found in 6 documents.');
    return screen.getByRole('list', { name: 'Problems found' });
  }

  it('finds the encounter on a day that does not exist and the person met who is not there', async () => {
    const { user } = await showSection(damaged);
    const problems = await check(user);
    const lunch = within(problems).getByRole('listitem', { name: 'Encounter “Lunch” on 2026-02-30' });
    expect(within(lunch).getByText('date: Date “2026-02-30” is not a real day.')).toBeTruthy();
    expect(within(lunch).getByRole('button', { name: 'Open' })).toBeTruthy();
    expect(within(lunch).getByRole('button', { name: 'Delete' })).toBeTruthy();
    const walk = within(problems).getByRole('listitem', { name: 'Encounter “Walk” on 2026-03-02' });
    expect(
      within(walk).getByText('A person met is a person that is not in the journal (id “ghost”).'),
    ).toBeTruthy();
  });

  it('removes the reference to the missing person, undoably', async () => {
    const { user, db } = await showSection(damaged);
    const walk = within(await check(user)).getByRole('listitem', { name: 'Encounter “Walk” on 2026-03-02' });
    await user.click(within(walk).getByRole('button', { name: 'Remove the reference' }));
    await waitFor(async () =>
      expect((await db.encounters.findOne('ghosted').exec())?.participantIds).toHaveLength(1),
    );
    expect(screen.queryByRole('listitem', { name: 'Encounter “Walk” on 2026-03-02' })).toBeNull();
    await user.click(await screen.findByRole('button', { name: 'Undo' }));
    await waitFor(async () =>
      expect((await db.encounters.findOne('ghosted').exec())?.participantIds).toContain('ghost'),
    );
  });

  it('opens the bad encounter in its form, which shows the stored date and asks for a real one; saving fixes it', async () => {
    const { user, db } = await showSection(damaged);
    const lunch = within(await check(user)).getByRole('listitem', {
      name: 'Encounter “Lunch” on 2026-02-30',
    });
    await user.click(within(lunch).getByRole('button', { name: 'Open' }));
    const form = await screen.findByRole('dialog', { name: 'Edit: Lunch' });
    const date = within(form).getByLabelText('Date');
    expect(date.getAttribute('aria-invalid')).toBe('true');
    expect(
      within(form).getByText('Stored as “2026-02-30”, which is not a real day: enter the day it happened.'),
    ).toBeTruthy();
    await user.clear(date);
    await user.type(date, '2026-02-28');
    await user.click(within(form).getByRole('button', { name: 'Save changes' }));
    await waitFor(async () =>
      expect((await db.encounters.findOne('bad-day').exec())?.date).toBe('2026-02-28'),
    );
  });

  it('deletes the bad encounter, and Undo brings it back', async () => {
    const { user, db } = await showSection(damaged);
    const lunch = within(await check(user)).getByRole('listitem', {
      name: 'Encounter “Lunch” on 2026-02-30',
    });
    await user.click(within(lunch).getByRole('button', { name: 'Delete' }));
    await waitFor(async () => expect(await db.encounters.findOne('bad-day').exec()).toBeNull());
    await user.click(await screen.findByRole('button', { name: 'Undo' }));
    await waitFor(async () =>
      expect((await db.encounters.findOne('bad-day').exec())?.date).toBe('2026-02-30'),
    );
  });

  it('says so when nothing is wrong', async () => {
    const { user } = await showSection();
    await user.click(screen.getByRole('button', { name: 'Check the journal' }));
    // The owner and this device's entry in the device directory.
    expect(await screen.findByText('No problems found in 2 documents.')).toBeTruthy();
  });
});
