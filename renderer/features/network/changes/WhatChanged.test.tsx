// @vitest-environment happy-dom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createPerson, recordEncounter, type KithDatabase } from '../../../../shared/db';
import { openTestDatabase } from '../../../../shared/db/testing';
import { addDays, todayString } from '../../../../shared/domain/days';
import { capturedDownloads } from '../../../app/testing/downloads';
import { renderWithDb } from '../../../app/testing/renderWithDb';
import { NetworkPage } from '../NetworkPage';

let teardown: (() => Promise<void>) | undefined;
afterEach(async () => {
  await teardown?.();
  teardown = undefined;
});

const downloads = capturedDownloads();
const today = todayString();

/**
 * Ben: monthly for a year and a half, last seen 300 days ago (past his rhythm 120 days ago);
 * Ana: met once two years ago, then weekly for the last five months (grew); Cy: first met 100 days ago.
 */
async function seed(db: KithDatabase) {
  const ana = (await createPerson(db, { name: 'Ana Lopez' })).person;
  const ben = (await createPerson(db, { name: 'Ben Okafor' })).person;
  const cy = (await createPerson(db, { name: 'Cy Park' })).person;
  for (let k = 0; k < 18; k++) {
    await recordEncounter(db, { date: addDays(today, -300 - 30 * k), participantIds: [ben.id] });
  }
  await recordEncounter(db, { date: addDays(today, -730), participantIds: [ana.id] });
  for (let k = 0; k < 20; k++) {
    await recordEncounter(db, { date: addDays(today, -7 * k - 2), participantIds: [ana.id], rating: 5 });
  }
  await recordEncounter(db, { date: addDays(today, -100), participantIds: [cy.id] });
}

const panel = () => screen.getByRole('region', { name: 'What changed' });
const namesIn = (scope: HTMLElement, table: string) =>
  within(within(scope).getByRole('table', { name: table }))
    .getAllByRole('link')
    .map((link) => link.textContent);

describe('what changed, on the network page', () => {
  it('tells the last 12 months in a sentence and in tables, and marks them on the map', async () => {
    const db = await openTestDatabase();
    await seed(db);
    const rendered = await renderWithDb(<NetworkPage />, { db, path: '/network' });
    teardown = rendered.teardown;

    await waitFor(
      () => expect(within(panel()).getByRole('table', { name: 'Ties that faded' })).toBeTruthy(),
      {
        timeout: 10_000,
      },
    );
    expect(namesIn(panel(), 'People met for the first time')).toEqual(['Cy Park']);
    expect(namesIn(panel(), 'Ties that faded')).toEqual(['Ben Okafor']);
    expect(namesIn(panel(), 'Ties that grew stronger')).toEqual(['Ana Lopez']);
    expect(
      within(panel()).getByText(
        /^\d+ \w+ \d{4} – \d+ \w+ \d{4}: you met 1 new person \(Cy Park\); 1 tie faded \(Ben Okafor\); 1 tie grew stronger \(Ana Lopez\)\.$/,
      ),
    ).toBeTruthy();

    // The sentence is a live region: choosing another span is announced, not only redrawn.
    const story = within(panel()).getByRole('status');
    expect(story.textContent).toMatch(/you met 1 new person \(Cy Park\)/);
    const lastYear = String(Number(today.slice(0, 4)) - 1);
    fireEvent.change(within(panel()).getByRole('combobox', { name: 'Compare' }), {
      target: { value: `year-${lastYear}` },
    });
    await waitFor(() =>
      expect(within(panel()).getByRole('status').textContent).toMatch(new RegExp(`^${lastYear}: `)),
    );
    expect(within(panel()).getByRole('status')).toBe(story);
    fireEvent.change(within(panel()).getByRole('combobox', { name: 'Compare' }), {
      target: { value: 'last-12-months' },
    });
    await waitFor(() =>
      expect(within(panel()).getByRole('status').textContent).toMatch(/you met 1 new person/),
    );

    fireEvent.click(within(panel()).getByRole('button', { name: 'Show on the map' }));
    const legend = await screen.findByRole('list', { name: 'Colour: what changed' });
    await waitFor(() =>
      expect(
        within(legend)
          .getAllByRole('listitem')
          .map((li) => li.textContent),
      ).toEqual(['Met for the first time (1)', 'Tie faded (1)', 'Tie grew stronger (1)', 'No change']),
    );
  });

  it('opens the year in review in one click and saves it as Markdown and as an image', async () => {
    const db = await openTestDatabase();
    await seed(db);
    const rendered = await renderWithDb(<NetworkPage />, { db, path: '/network' });
    teardown = rendered.teardown;

    const open = screen.getByRole('button', { name: 'Year in review' });
    await waitFor(() => expect(open.hasAttribute('disabled')).toBe(false), { timeout: 10_000 });
    fireEvent.click(open);
    const dialog = await screen.findByRole('dialog', { name: 'Year in review' });
    const year = addDays(today, -100).slice(0, 4);
    fireEvent.change(within(dialog).getByRole('combobox', { name: 'Year' }), { target: { value: year } });
    const story = await within(dialog).findByRole('article', { name: new RegExp(`^${year}`) });
    await waitFor(() => expect(namesIn(story, 'People met for the first time')).toEqual(['Cy Park']));

    fireEvent.click(within(dialog).getByRole('button', { name: 'Download Markdown' }));
    await waitFor(() => expect(downloads).toHaveLength(1));
    expect(downloads[0]!.name).toBe(`kith-year-in-review-${year}.md`);
    const markdown = await downloads[0]!.blob.text();
    expect(markdown).toMatch(new RegExp(`^# ${year}.* in your network\\n`));
    expect(markdown).toContain('| Cy Park |');

    fireEvent.click(within(dialog).getByRole('button', { name: 'Download image (SVG)' }));
    await waitFor(() => expect(downloads).toHaveLength(2));
    expect(downloads[1]!.name).toBe(`kith-year-in-review-${year}.svg`);
    const svg = await downloads[1]!.blob.text();
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).toContain('>Cy Park</text>');
  });
});
