import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from './app';
import { expectEventually, goTo, openNetwork, recordEncounter, startKith } from './helpers';

const PARISH = "St Mary's parish";
const FOOD_BANK = 'Food Bank';

async function addCommunity(page: Page, name: string, kind: string): Promise<void> {
  await goTo(page, 'Communities');
  await page.getByRole('button', { name: 'Add community' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Add community' });
  await dialog.getByRole('textbox', { name: 'Name' }).fill(name);
  await dialog.getByRole('combobox', { name: 'Kind' }).selectOption({ label: kind });
  await dialog.getByRole('button', { name: 'Save community' }).click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

function peopleTable(page: Page): Locator {
  return page.getByRole('table', { name: 'People on the map' });
}

/** A person's row in the network table, read as column header → cell text. */
async function tableRow(page: Page, name: string): Promise<Record<string, string>> {
  const table = peopleTable(page);
  const headers = await table.getByRole('columnheader').allTextContents();
  const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) });
  const cells = await row.locator(':scope > th, :scope > td').allTextContents();
  // The header buttons end with the sort arrow (▲/▼) of the sorted column.
  return Object.fromEntries(headers.map((h, i) => [h.replace(/[▲▼]/g, '').trim(), cells[i]?.trim() ?? '']));
}

/**
 * Issue 11: a volunteer who only ever went to the food bank, with two parishioners, falls in the
 * parish's cluster on the map; the map must still not call her a parishioner.
 */
describe('communities on the map', () => {
  let session: Session;
  let page: Page;

  beforeAll(async () => {
    session = await startKith();
    page = session.page;
    await addCommunity(page, PARISH, 'Congregation');
    await addCommunity(page, FOOD_BANK, 'Volunteer organisation');
    await recordEncounter(page, {
      newPeople: ['Ada Parr', 'Ben Parr', 'Cora Hill', 'Dan Hill'],
      date: '2025-03-02',
      title: 'Sunday service',
      community: PARISH,
    });
    for (const date of ['2025-03-09', '2025-03-16', '2025-03-23']) {
      await recordEncounter(page, {
        people: ['Ada Parr', 'Ben Parr', 'Cora Hill', 'Dan Hill'],
        date,
        title: 'Sunday service',
        community: PARISH,
      });
    }
    await recordEncounter(page, {
      people: ['Ada Parr', 'Ben Parr'],
      newPeople: ['Vera Stone'],
      date: '2025-04-05',
      title: 'Volunteer shift',
      community: FOOD_BANK,
    });
    await recordEncounter(page, {
      people: ['Ada Parr', 'Ben Parr', 'Vera Stone'],
      date: '2025-04-12',
      title: 'Volunteer shift',
      community: FOOD_BANK,
    });
    await openNetwork(page);
  });
  afterAll(async () => {
    expect(session.errors).toEqual([]);
    await session.close();
  });

  it('the table gives the food-bank volunteer her own community, and the parish cluster only as her cluster', async () => {
    await expectEventually(async () => {
      const vera = await tableRow(page, 'Vera Stone');
      // She meets the parishioners: she is in their cluster, which the parish names…
      expect(vera.Cluster).toContain(PARISH);
      // …but her community is the food bank, the only one she belongs to.
      expect(vera.Community).toBe(FOOD_BANK);
    }, 20_000);
    const ada = await tableRow(page, 'Ada Parr');
    expect(ada.Community).toBe(`${PARISH} (also ${FOOD_BANK})`);
    const cora = await tableRow(page, 'Cora Hill');
    expect(cora.Community).toBe(PARISH);
    // No cluster is a numbered "Group".
    const clusters = await peopleTable(page)
      .getByRole('row')
      .evaluateAll((rows) => rows.map((r) => r.textContent ?? ''));
    for (const text of clusters) expect(text).not.toMatch(/Group \d/);
  });

  it('the legend tells communities (colours) from clusters (groupings)', async () => {
    const legend = page.getByRole('group', { name: 'Legend' });
    const colours = legend.getByRole('list', { name: 'Colour: community' });
    await expectEventually(async () => {
      const entries = await colours.getByRole('listitem').allTextContents();
      expect(entries).toEqual([`${PARISH} (4)`, `${FOOD_BANK} (1)`]);
    });
    // Louvain may keep the five together or split off the two who only go to the parish: either
    // way each cluster is named after communities its members share, with its size.
    const clusters = await legend
      .getByRole('list', { name: /^Clusters/ })
      .getByRole('listitem')
      .allTextContents();
    expect(clusters.length).toBeGreaterThan(0);
    const named = /^(St Mary's parish|Food Bank)( \+ (St Mary's parish|Food Bank))? \(\d+\)$/;
    for (const c of clusters) expect(c).toMatch(named);
  });

  it('the hover card gives her community as the food bank, not the parish', async () => {
    const find = page.getByRole('combobox', { name: 'Find on map' });
    await find.fill('Vera');
    await page.getByRole('option', { name: /^Vera Stone/ }).click();
    const canvas = page.getByRole('img', { name: /^Network map/ });
    const box = (await canvas.boundingBox())!;
    const card = page.getByRole('tooltip');
    // "Find on map" centres the map on her (an animation of a third of a second).
    await expectEventually(async () => {
      await page.mouse.move(box.x + box.width / 2 + 1, box.y + box.height / 2);
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      expect(await card.getByText('Vera Stone').count()).toBe(1);
    });
    const text = (await card.textContent()) ?? '';
    expect(text).toContain(`Community: ${FOOD_BANK}`);
    expect(text).not.toMatch(/Community: St Mary|also St Mary/);
  });
});
