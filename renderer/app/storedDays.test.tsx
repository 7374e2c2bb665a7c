// @vitest-environment happy-dom
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createPerson, recordEncounter, type KithDatabase } from '../../shared/db';
import { encounterDocument } from '../../shared/db/documents';
import { makeStamp } from '../../shared/db/fieldTimes';
import { openTestDatabase } from '../../shared/db/testing';
import { addDays, todayString } from '../../shared/domain/days';
import { Layout } from './Layout';
import { AppRoutes } from './routes';
import { capturedDownloads } from './testing/downloads';
import { journalListHasAHeight } from './testing/journalHeight';
import { renderWithDb } from './testing/renderWithDb';

journalListHasAHeight();

let teardown: (() => Promise<void>) | undefined;
afterEach(async () => {
  await teardown?.();
  teardown = undefined;
  vi.restoreAllMocks();
});
const downloads = capturedDownloads();

const written = { ms: 1_764_000_000_000, stamp: makeStamp(1_764_000_000_000, 'other-device') };

/**
 * What another device or a merged backup could leave: two encounters on days that do not exist,
 * written straight into the collection (the forms would refuse them), beside a good one.
 */
async function journalWithBadDays(db: KithDatabase): Promise<void> {
  const { person: ana } = await createPerson(db, { name: 'Ana Lopez' });
  await recordEncounter(db, { date: addDays(todayString(), -3), title: 'Coffee', participantIds: [ana.id] });
  await db.encounters.insert(
    encounterDocument('bad-day', { date: '2026-02-30', title: 'Lunch', participantIds: [ana.id] }, written),
  );
  await db.encounters.insert(
    encounterDocument('no-day', { date: 'not-a-date', title: 'Walk', participantIds: [ana.id] }, written),
  );
}

async function openApp() {
  const db = await openTestDatabase();
  await journalWithBadDays(db);
  const rendered = await renderWithDb(
    <Layout>
      <AppRoutes />
    </Layout>,
    { db, path: '/' },
  );
  teardown = rendered.teardown;
  return rendered;
}

const nav = () => screen.getByRole('navigation', { name: 'Main' });
const journalTitles = () =>
  within(screen.getByRole('region', { name: 'Encounters' }))
    .queryAllByRole('article')
    .map((a) => a.getAttribute('aria-label'));

describe('encounters stored on days that do not exist', () => {
  it('leave the app working: journal, person page, network, export and Data health', async () => {
    const logged = vi.spyOn(console, 'error');
    const { user } = await openApp();

    // The journal shows every encounter; the bad ones under their day as stored.
    await screen.findByText('3 encounters');
    await waitFor(() => expect(journalTitles()).toEqual(['Walk', 'Coffee', 'Lunch']));
    expect(screen.getByRole('heading', { name: /^Unknown date \(not-a-date\)/ })).toBeTruthy();
    expect(screen.getByRole('heading', { name: /^Unknown date \(2026-02-30\)/ })).toBeTruthy();

    // The person page opens, with every encounter in the timeline.
    // (The rows' links are plain hash links, which the test's in-memory router does not follow.)
    await user.click(within(nav()).getByRole('link', { name: 'People' }));
    await user.click(await screen.findByRole('link', { name: /^Ana Lopez/ }));
    await screen.findByRole('heading', { level: 1, name: 'Ana Lopez' });
    const timeline = await screen.findByRole('list', { name: 'Encounters with Ana Lopez' });
    expect(within(timeline).getByText('unknown date (2026-02-30)')).toBeTruthy();
    expect(within(timeline).getByText('unknown date (not-a-date)')).toBeTruthy();

    // The network is built from the good encounter.
    await user.click(within(nav()).getByRole('link', { name: 'Network' }));
    const table = await screen.findByRole('table', { name: 'People on the map' }, { timeout: 10_000 });
    await waitFor(() => expect(within(table).getByRole('link', { name: 'Ana Lopez' })).toBeTruthy(), {
      timeout: 10_000,
    });

    // A backup can still be exported, bad days and all.
    await user.click(within(nav()).getByRole('link', { name: 'Import & export' }));
    await user.click(await screen.findByRole('button', { name: 'Export a backup' }));
    await waitFor(() => expect(downloads).toHaveLength(1));
    const backup = JSON.parse(await downloads[0]!.blob.text()) as {
      collections: { encounters: { date: string }[] };
    };
    expect(backup.collections.encounters.map((e) => e.date).sort()).toEqual(
      ['2026-02-30', addDays(todayString(), -3), 'not-a-date'].sort(),
    );

    // Data health lists them.
    await user.click(within(nav()).getByRole('link', { name: 'Settings' }));
    await user.click(await screen.findByRole('button', { name: 'Check the journal' }));
    const problems = await screen.findByRole('list', { name: 'Problems found' }, { timeout: 5_000 });
    expect(within(problems).getByRole('listitem', { name: 'Encounter “Lunch” on 2026-02-30' })).toBeTruthy();
    expect(within(problems).getByRole('listitem', { name: 'Encounter “Walk” on not-a-date' })).toBeTruthy();

    // Nothing failed along the way.
    expect(logged.mock.calls.filter(([first]) => String(first).startsWith('Kith could not show'))).toEqual(
      [],
    );
  });
});
