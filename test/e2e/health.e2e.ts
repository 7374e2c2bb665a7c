import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { SetAside } from '../../shared/db';
import { encounterDocument, personDocument } from '../../shared/db/documents';
import { makeStamp } from '../../shared/db/fieldTimes';
import { addDays, todayString } from '../../shared/domain/days';
import {
  expectEventually,
  expectJournal,
  goTo,
  openNetwork,
  startKith,
  withAppClosed,
  writePastValidation,
} from './helpers';

// Nothing stored can crash the app: documents another device, an old backup or a damaged journal
// left behind are written into the app's own database past every check, then the app is used as a
// person would.

const written = { ms: 1_764_000_000_000, stamp: makeStamp(1_764_000_000_000, 'other-device') };
const ana = personDocument('ana-lopez', { name: 'Ana Lopez' }, written);
const coffee = encounterDocument(
  'coffee',
  { date: addDays(todayString(), -3), title: 'Coffee', participantIds: [ana.id] },
  written,
);

const navLink = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name });

describe('data health', () => {
  it('an encounter on 2026-02-30 and one on "not-a-date" do not blank the app', async () => {
    const session = await startKith();
    const { page } = session;
    await writePastValidation(session, {
      people: [ana],
      encounters: [
        coffee,
        encounterDocument(
          'bad-day',
          { date: '2026-02-30', title: 'Lunch', participantIds: [ana.id] },
          written,
        ),
        encounterDocument('no-day', { date: 'not-a-date', title: 'Walk', participantIds: [ana.id] }, written),
      ],
    });

    // The journal shows every encounter, the bad ones under their day as stored.
    await expectJournal(page, ['Walk', 'Coffee', 'Lunch']);
    await page.getByRole('heading', { name: /^Unknown date \(2026-02-30\)/ }).waitFor();
    await page.getByRole('heading', { name: /^Unknown date \(not-a-date\)/ }).waitFor();

    // The person page opens.
    await page.getByRole('article', { name: 'Lunch' }).getByRole('link', { name: 'Ana Lopez' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ana Lopez' }).waitFor();
    await page
      .getByRole('list', { name: 'Encounters with Ana Lopez' })
      .getByText('unknown date (2026-02-30)')
      .waitFor();

    // The network renders, from the encounter on a real day.
    await openNetwork(page);
    await page
      .getByRole('table', { name: 'People on the map' })
      .getByRole('link', { name: 'Ana Lopez' })
      .waitFor({ timeout: 30_000 });

    // A backup can still be exported, with the documents as stored.
    await navLink(page, 'Import & export').click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export a backup' }).click(),
    ]);
    const backup = await readFile((await download.path())!, 'utf8');
    expect(backup).toContain('"not-a-date"');
    expect(backup).toContain('"2026-02-30"');

    // Data health lists them.
    await goTo(page, 'Settings');
    await page.getByRole('button', { name: 'Check the journal' }).click();
    const problems = page.getByRole('list', { name: 'Problems found' });
    await problems.getByRole('listitem', { name: 'Encounter “Lunch” on 2026-02-30' }).waitFor();
    await problems.getByRole('listitem', { name: 'Encounter “Walk” on not-a-date' }).waitFor();

    expect(session.errors).toEqual([]);
    await session.close();
  });

  it('a page whose view throws shows the boundary’s message, and the sidebar still works', async () => {
    const session = await startKith();
    const { page } = session;
    // Past even the schema: an encounter whose people met are no list (a damaged journal).
    const broken = { ...coffee, id: 'broken', title: 'Broken', participantIds: null };
    await writePastValidation(session, { people: [ana], encounters: [coffee, broken] });

    await goTo(page, 'People');
    const failed = page.getByRole('alert').filter({
      has: page.getByRole('heading', { name: 'This page could not be shown' }),
    });
    await failed.waitFor();
    await failed.getByRole('link', { name: 'Import & export' }).waitFor();
    await failed.getByRole('button', { name: 'Try again' }).waitFor();
    // The error is logged to the console, never sent anywhere.
    await expectEventually(() =>
      expect(session.errors.some((e) => e.includes('Kith could not show the page /people'))).toBe(true),
    );

    // The sidebar still works: the journal shows the good encounter, the bad row says it cannot.
    await navLink(page, 'Journal').click();
    await page.getByRole('article', { name: 'Coffee' }).waitFor();
    await page.getByText('Kith could not show this encounter.', { exact: false }).waitFor();

    // And Settings › Data health names the damaged encounter.
    await navLink(page, 'Settings').click();
    await page.getByRole('button', { name: 'Check the journal' }).click();
    await page
      .getByRole('list', { name: 'Problems found' })
      .getByRole('listitem', { name: /^Encounter “Broken” on / })
      .waitFor();
    await session.close();
  });

  it('lists a document set aside by sync under Settings › Data health', async () => {
    const session = await startKith();
    const { page } = session;
    const item: SetAside = {
      source: 'sync',
      collection: 'encounters',
      docId: 'e-from-laptop',
      reason: 'date: Date “2026-02-30” is not a real day.',
      issues: [{ path: 'date', message: 'Date “2026-02-30” is not a real day.' }],
      origin: 'encounters:e-from-laptop (revision 2-abc)',
      raw: { id: 'e-from-laptop', date: '2026-02-30' },
    };
    await withAppClosed(session, (p) =>
      p.evaluate((i) => window.kithBench!.setAsideInApp('kith', [i]), item as never),
    );

    await goTo(page, 'Settings');
    const entry = page
      .getByRole('list', { name: 'Documents set aside' })
      .getByRole('listitem', { name: 'An encounter (id e-from-laptop)' });
    await entry.getByText('date: Date “2026-02-30” is not a real day.').waitFor();
    await entry.getByText(/^From sync \(encounters:e-from-laptop \(revision 2-abc\)\)/).waitFor();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      entry.getByRole('button', { name: 'Save a copy' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('kith-set-aside-encounters-e-from-laptop.json');
    expect(JSON.parse(await readFile((await download.path())!, 'utf8'))).toMatchObject({
      arrived: { id: 'e-from-laptop', date: '2026-02-30' },
    });

    await entry.getByRole('button', { name: 'Discard' }).click();
    const dialog = page.getByRole('dialog', { name: 'Discard an encounter (id e-from-laptop)?' });
    await dialog.getByRole('button', { name: 'Discard' }).click();
    await page.getByText(/^Nothing set aside\./).waitFor();
    expect(session.errors).toEqual([]);
    await session.close();
  });
});
