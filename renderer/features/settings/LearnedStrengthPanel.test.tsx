// @vitest-environment happy-dom
import { screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createPerson, getStrengthSettings, recordEncounter, setStrengthSettings } from '../../../shared/db';
import { openTestDatabase } from '../../../shared/db/testing';
import { addDays, todayString } from '../../../shared/domain/days';
import { renderWithDb } from '../../app/testing/renderWithDb';
import { StrengthSettingsSection } from './StrengthSettingsSection';

let teardown: (() => Promise<void>) | undefined;
afterEach(async () => {
  await teardown?.();
  teardown = undefined;
});

const today = todayString();

/** Five people rated by how often they are seen (the closest weekly), and one never rated. */
async function journal() {
  const db = await openTestDatabase();
  for (let p = 0; p < 5; p++) {
    const id = (await createPerson(db, { name: `Person ${p}` })).person.id;
    for (let k = 0; k <= p * 2; k++) {
      await recordEncounter(db, { date: addDays(today, -(k * 20) - p), participantIds: [id], rating: 1 + p });
    }
  }
  const unrated = (await createPerson(db, { name: 'Unrated' })).person.id;
  await recordEncounter(db, { date: addDays(today, -3), participantIds: [unrated] });
  await setStrengthSettings(db, { learnMinRatedPeople: 3 }, 'Learn from few');
  return db;
}

const panel = () => screen.getByRole('region', { name: 'What Kith learned from your ratings' });

describe('what Kith learned from your ratings', () => {
  it('says how many ratings it learned from and what counts most, and can be switched off', async () => {
    const db = await journal();
    const rendered = await renderWithDb(<StrengthSettingsSection />, { db, path: '/settings' });
    teardown = rendered.teardown;

    // 1 + 3 + 5 + 7 + 9 rated encounters with five people.
    await waitFor(
      () =>
        expect(panel().textContent).toMatch(
          /^Kith learned from your 25 ratings of 5 people: [a-z -]+ counts? most for you\./,
        ),
      { timeout: 10_000 },
    );
    expect(screen.getByRole('list', { name: 'What your ratings taught' }).children).toHaveLength(6);

    const learn = screen.getByRole('switch', { name: 'Learn from my ratings' });
    expect(learn).toHaveProperty('checked', true);
    await rendered.user.click(learn);
    await waitFor(async () => expect((await getStrengthSettings(db)).learnFromRatings).toBe(false));
    await waitFor(() => expect(panel().textContent).toMatch(/^Learning is off/));
    expect(await screen.findByText('Changed; default on')).toBeTruthy();
  });

  it('waits for enough rated people before it learns', async () => {
    const db = await journal();
    await setStrengthSettings(db, { learnMinRatedPeople: 6 }, 'Learn from more');
    const rendered = await renderWithDb(<StrengthSettingsSection />, { db, path: '/settings' });
    teardown = rendered.teardown;
    await waitFor(
      () =>
        expect(panel().textContent).toMatch(
          /^Not enough ratings to learn from yet: once you have rated encounters with 6 different people/,
        ),
      { timeout: 10_000 },
    );
  });
});
