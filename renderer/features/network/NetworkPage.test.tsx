// @vitest-environment happy-dom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createPerson, recordEncounter, type KithDatabase } from '../../../shared/db';
import { openTestDatabase } from '../../../shared/db/testing';
import { addDays, todayString } from '../../../shared/domain/days';
import { dayNumber } from '../../../shared/network/days';
import { renderWithDb } from '../../app/testing/renderWithDb';
import { NetworkPage } from './NetworkPage';

let teardown: (() => Promise<void>) | undefined;
afterEach(async () => {
  await teardown?.();
  teardown = undefined;
});

const today = todayString();

async function openPage(seed: (db: KithDatabase) => Promise<void>) {
  const db = await openTestDatabase();
  await seed(db);
  const rendered = await renderWithDb(<NetworkPage />, { db, path: '/network' });
  teardown = rendered.teardown;
  return rendered;
}

/** Ana: met often and recently; Ben: met long ago; Cy: met once, yesterday, with Ana. */
async function threePeople(db: KithDatabase) {
  const ana = (await createPerson(db, { name: 'Ana Lopez' })).person;
  const ben = (await createPerson(db, { name: 'Ben Okafor' })).person;
  const cy = (await createPerson(db, { name: 'Cy Park' })).person;
  for (const days of [200, 150, 100, 60, 30, 10]) {
    await recordEncounter(db, { date: addDays(today, -days), participantIds: [ana.id], rating: 5 });
  }
  await recordEncounter(db, { date: addDays(today, -400), participantIds: [ben.id] });
  await recordEncounter(db, { date: addDays(today, -1), participantIds: [ana.id, cy.id], context: 'club' });
}

const table = () => screen.getByRole('table', { name: 'People on the map' });
const personNames = () =>
  within(table())
    .getAllByRole('row')
    .slice(1)
    .map((r) => within(r).getByRole('link').textContent);

describe('the network page', () => {
  it('shows the journal’s people on the map and in the table, strongest first, each a link', async () => {
    await openPage(threePeople);
    await waitFor(() => expect(personNames()).toHaveLength(3), { timeout: 10_000 });
    expect(personNames()[0]).toBe('Ana Lopez');
    expect(screen.getByRole('img', { name: 'Network map, 3 people' })).toBeTruthy();
    const link = within(table()).getByRole('link', { name: 'Ben Okafor' });
    expect(link.getAttribute('href')).toMatch(/#?\/people\//);
  });

  it('sorts the table with the column buttons, and says how it is sorted', async () => {
    await openPage(threePeople);
    await waitFor(() => expect(personNames()).toHaveLength(3), { timeout: 10_000 });
    const person = within(table()).getByRole('button', { name: 'Person' });
    fireEvent.click(person);
    expect(personNames()).toEqual(['Ana Lopez', 'Ben Okafor', 'Cy Park']);
    expect(person.closest('th')?.getAttribute('aria-sort')).toBe('ascending');
    fireEvent.click(person);
    expect(personNames()).toEqual(['Cy Park', 'Ben Okafor', 'Ana Lopez']);
    expect(person.closest('th')?.getAttribute('aria-sort')).toBe('descending');
  });

  it('replays time with the Date slider: earlier, only the people met by then are on the map', async () => {
    await openPage(threePeople);
    await waitFor(() => expect(personNames()).toHaveLength(3), { timeout: 10_000 });
    const slider = screen.getByRole('slider', { name: 'Date' });
    fireEvent.change(slider, { target: { value: String(dayNumber(addDays(today, -300))) } });
    await waitFor(() => expect(personNames()).toEqual(['Ben Okafor']), { timeout: 10_000 });
    expect(slider.getAttribute('aria-valuetext')).toMatch(/\d{4}$/);
    expect(screen.getByRole('button', { name: 'Play' })).toBeTruthy();
  });

  it('teaches what to do when there are no encounters yet', async () => {
    await openPage(async (db) => {
      await createPerson(db, { name: 'Ana Lopez' });
    });
    expect(
      await screen.findByRole(
        'heading',
        { name: 'Record encounters to see your network' },
        { timeout: 10_000 },
      ),
    ).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Record an encounter' })).toBeTruthy();
  });
});
