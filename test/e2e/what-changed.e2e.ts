import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CollectionName } from '../../shared/db';
import { encounterDocument, personDocument, trackedDocument } from '../../shared/db/documents';
import { makeStamp } from '../../shared/db/fieldTimes';
import { todayString } from '../../shared/domain/days';
import type { Community, Encounter, Person } from '../../shared/domain/entities';
import type { Session } from './app';
import { expectEventually, openNetwork, startKithWith } from './helpers';

// Issue 11, "what changed": a year's story names the people met that year and the ties that
// faded in it. Last year is a whole year whatever day the test runs on.

const OUTPUT = resolve(import.meta.dirname, '../../test-results');
const year = Number(todayString().slice(0, 4)) - 1;
const on = (monthDay: string, years = 0) => `${year + years}-${monthDay}`;
const written = { ms: 1_764_000_000_000, stamp: makeStamp(1_764_000_000_000, 'other-device') };

function journal(): { people: Person[]; encounters: Encounter[]; communities: Community[] } {
  const runners: Community = trackedDocument(
    'riverside-runners',
    { name: 'Riverside Runners', kind: 'club' as const, notes: '', tags: [] },
    written,
  );
  const quinn = personDocument('quinn', { name: 'Quinn Harlow' }, written);
  const steady = personDocument('steady', { name: 'Sam Steady' }, written);
  const rita = personDocument('rita', { name: 'Rita Okoro' }, written);
  const ravi = personDocument('ravi', { name: 'Ravi Menon' }, written);
  const encounters: Encounter[] = [];
  const add = (id: string, date: string, participantIds: string[], communityId = '') =>
    encounters.push(encounterDocument(id, { date, title: 'Together', participantIds, communityId }, written));
  // Quinn: monthly the year before, then silence: past that rhythm (six months) in June.
  for (let m = 1; m <= 12; m++) add(`quinn-${m}`, on(`${String(m).padStart(2, '0')}-10`, -1), [quinn.id]);
  // Sam: monthly the year before and all year: nothing changed.
  for (let m = 1; m <= 12; m++) {
    add(`steady-a${m}`, on(`${String(m).padStart(2, '0')}-12`, -1), [steady.id]);
    add(`steady-b${m}`, on(`${String(m).padStart(2, '0')}-12`), [steady.id]);
  }
  // Rita and Ravi: first met at the runners in the spring.
  add('run-1', on('04-05'), [rita.id, ravi.id], runners.id);
  add('run-2', on('04-12'), [rita.id], runners.id);
  add('run-3', on('05-03'), [ravi.id, rita.id], runners.id);
  return { people: [quinn, steady, rita, ravi], encounters, communities: [runners] };
}

function rowNames(table: Locator): Promise<string[]> {
  return table.getByRole('rowheader').allTextContents();
}

describe('what changed in a year', () => {
  let session: Session;
  let page: Page;

  beforeAll(async () => {
    session = await startKithWith(journal() as Partial<Record<CollectionName, object[]>>);
    page = session.page;
  });
  afterAll(async () => {
    expect(session.errors).toEqual([]);
    await session.close();
  });

  it('names the people met that year and the tie that faded in it', async () => {
    await openNetwork(page);
    const panel = page.getByRole('region', { name: 'What changed' });
    await panel.getByRole('combobox', { name: 'Compare' }).selectOption({ label: String(year) });
    const met = panel.getByRole('table', { name: 'People met for the first time' });
    await expectEventually(
      async () => expect(await rowNames(met)).toEqual(['Ravi Menon', 'Rita Okoro']),
      20_000,
    );
    expect(await rowNames(panel.getByRole('table', { name: 'Ties that faded' }))).toEqual(['Quinn Harlow']);
    await panel
      .getByText(
        `${year}: you met 2 new people (Rita Okoro and Ravi Menon), mostly at Riverside Runners; 1 tie faded (Quinn Harlow); you joined Riverside Runners.`,
      )
      .waitFor();

    // Shown on the map: the legend names the marks.
    await panel.getByRole('button', { name: 'Show on the map' }).click();
    const legend = page.getByRole('list', { name: 'Colour: what changed' });
    await legend.getByText('Met for the first time (2)').waitFor();
    await legend.getByText('Tie faded (1)').waitFor();
  });

  it("opens the year's review in one click, saved as a screenshot", async () => {
    await page.getByRole('button', { name: 'Year in review' }).click();
    const dialog = page.getByRole('dialog', { name: 'Year in review' });
    await dialog.getByRole('combobox', { name: 'Year' }).selectOption({ label: String(year) });
    const story = dialog.getByRole('article', { name: `${year} in your network` });
    await story
      .getByRole('table', { name: 'Ties that faded' })
      .getByRole('link', { name: 'Quinn Harlow' })
      .waitFor();
    // The image "Download image" saves, named by the sentence it opens with.
    const image = story.getByRole('img', { name: `${year}: you met 2 new people`, exact: false });
    await expectEventually(async () =>
      expect(await image.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0),
    );
    await mkdir(OUTPUT, { recursive: true });
    await dialog.screenshot({ path: resolve(OUTPUT, 'year-in-review.png') });
  });
});
