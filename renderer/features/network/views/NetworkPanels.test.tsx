// @vitest-environment happy-dom
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createPerson, createTie, recordEncounter, type KithDatabase } from '../../../../shared/db';
import { openTestDatabase } from '../../../../shared/db/testing';
import { addDays, todayString } from '../../../../shared/domain/days';
import { renderWithDb } from '../../../app/testing/renderWithDb';
import { NetworkPanels } from './NetworkPanels';

let teardown: (() => Promise<void>) | undefined;
afterEach(async () => {
  await teardown?.();
  teardown = undefined;
});

const today = todayString();

async function openPanels(seed: (db: KithDatabase) => Promise<void>) {
  const db = await openTestDatabase();
  await seed(db);
  const rendered = await renderWithDb(<NetworkPanels />, { db, path: '/network' });
  teardown = rendered.teardown;
  return rendered;
}

describe('network panels', () => {
  it('puts the five strongest ties in the inner ring and the next ones in the second', async () => {
    await openPanels(async (db) => {
      // Seven people; the k-th is met 8 - k times in the last months, so strength falls with k.
      for (let k = 1; k <= 7; k++) {
        const p = (await createPerson(db, { name: `Person ${k}` })).person;
        for (let n = 0; n < 8 - k; n++) {
          await recordEncounter(db, {
            date: addDays(today, -10 - 20 * n),
            participantIds: [p.id],
            rating: k <= 5 ? 5 : 2,
          });
        }
      }
    });

    // The analysis behind the rings can take seconds on a busy machine (the page shows "Working out…").
    const rings = await screen.findByRole('group', { name: /^Dunbar rings on/ }, { timeout: 10_000 });
    const dots = await within(rings).findAllByRole('link');
    expect(dots).toHaveLength(7);
    for (let k = 1; k <= 5; k++) {
      expect(
        within(rings).getByRole('link', { name: new RegExp(`^Person ${k}, support clique, `) }),
      ).toBeTruthy();
    }
    expect(within(rings).getByRole('link', { name: /^Person 6, sympathy group, / })).toBeTruthy();
    expect(within(rings).getByRole('link', { name: /^Person 7, sympathy group, / })).toBeTruthy();

    const inner = screen.getByRole('region', { name: /^Support clique \(5 of up to 5\)/ });
    expect(
      within(inner)
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual(['Person 1', 'Person 2', 'Person 3', 'Person 4', 'Person 5']);
  });

  it('shows the strongest introduction chain to someone to reach, and draws it on the map', async () => {
    const { user } = await openPanels(async (db) => {
      const ana = (await createPerson(db, { name: 'Ana Lopez' })).person;
      const ben = (await createPerson(db, { name: 'Ben Ode', wantToReach: true })).person;
      await recordEncounter(db, { date: addDays(today, -20), participantIds: [ana.id], rating: 5 });
      await recordEncounter(db, { date: addDays(today, -5), participantIds: [ana.id], rating: 4 });
      await createTie(db, { aId: ana.id, bId: ben.id, kind: 'friend' });
    });

    const targets = await screen.findByRole('list', { name: 'People to reach' });
    const chain = await within(targets).findByRole('list', {
      name: 'Strongest introduction chain to Ben Ode',
    });
    const steps = within(chain).getAllByRole('listitem');
    expect(steps.map((li) => li.textContent?.replace(/\s+/g, ' ').trim())).toEqual([
      'Me',
      expect.stringMatching(/^(Strong|Moderate|Weak|Very weak) \d+%last contact .*Ana Lopez$/),
      expect.stringMatching(/^(Strong|Moderate|Weak|Very weak) \d+%never seen togetherBen Ode$/),
    ]);
    expect(within(targets).getByText(/One introduction, through Ana Lopez/)).toBeTruthy();

    const show = within(targets).getByRole('button', { name: 'Show on map' });
    await user.click(show);
    await waitFor(() =>
      expect(within(targets).getByRole('button', { name: 'Hide on map' }).getAttribute('aria-pressed')).toBe(
        'true',
      ),
    );
  });

  it('asks about the first 20 people to reach, and the rest on "Show all"', async () => {
    const { user } = await openPanels(async (db) => {
      const ana = (await createPerson(db, { name: 'Ana Lopez' })).person;
      await recordEncounter(db, { date: addDays(today, -5), participantIds: [ana.id], rating: 5 });
      for (let k = 1; k <= 23; k++) {
        const p = (await createPerson(db, { name: `Target ${k}`, wantToReach: true })).person;
        await createTie(db, { aId: ana.id, bId: p.id, kind: 'friend' });
      }
    });

    const targets = await screen.findByRole('list', { name: 'People to reach' });
    const removes = () =>
      within(targets).getAllByRole('button', { name: /^Remove Target \d+ from people to reach$/ });
    await waitFor(() => expect(removes()).toHaveLength(20));
    await user.click(screen.getByRole('button', { name: 'Show all 23 people to reach' }));
    await waitFor(() => expect(removes()).toHaveLength(23));
    expect(screen.queryByRole('button', { name: /^Show all \d+ people to reach$/ })).toBeNull();
  });
});
