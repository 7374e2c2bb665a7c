// @vitest-environment happy-dom
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createPerson, recordEncounter } from '../../../../shared/db';
import { openTestDatabase } from '../../../../shared/db/testing';
import { addDays, todayString } from '../../../../shared/domain/days';
import { FACTOR_LABELS } from '../../../../shared/network/explain';
import { renderWithDb } from '../../../app/testing/renderWithDb';
import { PersonPage } from '../../people';

let teardown: (() => Promise<void>) | undefined;
afterEach(async () => {
  await teardown?.();
  teardown = undefined;
});

const today = todayString();

describe('tie strength on the person page', () => {
  it('explains the strength: every factor with its score, its share and a sentence', async () => {
    const db = await openTestDatabase();
    const ana = (await createPerson(db, { name: 'Ana Lopez' })).person;
    for (const ago of [400, 200, 60, 30]) {
      await recordEncounter(db, { date: addDays(today, -ago), participantIds: [ana.id], rating: 5 });
    }
    await recordEncounter(db, { date: addDays(today, -10), participantIds: [ana.id], context: 'club' });
    const rendered = await renderWithDb(<PersonPage id={ana.id} />, { db, path: `/people/${ana.id}` });
    teardown = rendered.teardown;

    const why = await screen.findByRole('region', { name: 'Why is this tie strong?' });
    expect(
      within(why).getByText(/^(Strong|Moderate|Weak|Very weak) \(\d+%\), mostly because of closeness/),
    ).toBeTruthy();
    const rows = within(why).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent).sort()).toEqual(
      Object.values(FACTOR_LABELS).sort(),
    );
    const closeness = rows.find((r) => r.textContent?.startsWith('Closeness'))!;
    expect(closeness.textContent).toMatch(/Your ratings of your time together average 5\.0 out of 5/);
    const shares = rows.map((r) => Number(/(\d+)%$/.exec(r.querySelectorAll('td')[1]!.textContent!)![1]));
    expect(shares.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(98);
    expect(shares.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(102);
    expect(
      within(rows.find((r) => r.textContent?.startsWith('Shared settings'))!).getByText(
        /2 different kinds of setting/,
      ),
    ).toBeTruthy();

    const timeline = screen.getByRole('img', { name: /^Ana Lopez: \w+( \w+)? tie, \d+% on / });
    expect(timeline.getAttribute('aria-label')).toMatch(/5 days with an encounter since/);
  });

  it('says there is no tie yet for someone never met, and toggles "want to reach" with undo', async () => {
    const db = await openTestDatabase();
    const zoe = (await createPerson(db, { name: 'Zoe Park' })).person;
    const rendered = await renderWithDb(<PersonPage id={zoe.id} />, { db, path: `/people/${zoe.id}` });
    teardown = rendered.teardown;

    expect(
      await screen.findByText(/No encounters with Zoe Park yet, so there is no tie to measure/),
    ).toBeTruthy();
    await rendered.user.click(screen.getByRole('checkbox', { name: 'I want to reach Zoe Park' }));
    await waitFor(async () => expect((await db.people.findOne(zoe.id).exec())?.wantToReach).toBe(true));
    expect(await screen.findByRole('link', { name: 'How can I reach Zoe Park?' })).toBeTruthy();
    await rendered.user.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(async () => expect((await db.people.findOne(zoe.id).exec())?.wantToReach).toBe(false));
  });
});
