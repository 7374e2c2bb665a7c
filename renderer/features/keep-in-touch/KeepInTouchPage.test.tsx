// @vitest-environment happy-dom
import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createPerson, recordEncounter, type KithDatabase } from '../../../shared/db';
import { addDays, todayString } from '../../../shared/domain/days';
import { openTestDatabase } from '../../../shared/db/testing';
import { renderWithDb } from '../../app/testing/renderWithDb';
import { KeepInTouchPage } from './KeepInTouchPage';

let teardown: (() => Promise<void>) | undefined;
afterEach(async () => {
  await teardown?.();
  teardown = undefined;
});

const today = todayString();

/** Encounters with one person every `step` days, from `from` to `until` days before today. */
async function meetEvery(db: KithDatabase, personId: string, step: number, from: number, until: number) {
  for (let ago = from; ago >= until; ago -= step) {
    await recordEncounter(db, { date: addDays(today, -ago), participantIds: [personId] });
  }
}

async function openPage(seed: (db: KithDatabase) => Promise<void>) {
  const db = await openTestDatabase();
  await seed(db);
  const rendered = await renderWithDb(<KeepInTouchPage />, { db, path: '/keep-in-touch' });
  teardown = rendered.teardown;
  return rendered;
}

describe('keep in touch', () => {
  it('lists a neglected tie with its reason, and "Record encounter" opens the quick-add with them', async () => {
    const { user } = await openPage(async (db) => {
      const ana = (await createPerson(db, { name: 'Ana Lopez' })).person;
      const ben = (await createPerson(db, { name: 'Ben Ode' })).person;
      await meetEvery(db, ana.id, 30, 720, 420); // monthly for most of a year, then silence for 14 months
      await meetEvery(db, ben.id, 30, 360, 10); // monthly, still going
    });

    const list = await screen.findByRole('list', { name: 'Fading ties' });
    const item = within(list).getByRole('listitem', { name: 'Ana Lopez' });
    expect(item.textContent).toMatch(/Last contact 14 months ago\. You are usually in touch about every/);
    expect(item.textContent).toMatch(/this silence is \d+ times that/);
    expect(within(list).queryByRole('listitem', { name: 'Ben Ode' })).toBeNull();
    expect(screen.getByRole('heading', { level: 1, name: 'Keep in touch' })).toBeTruthy();

    await user.click(within(item).getByRole('button', { name: 'Record encounter with Ana Lopez' }));
    const dialog = await screen.findByRole('dialog', { name: 'New encounter' });
    expect(within(dialog).getByRole('button', { name: 'Remove Ana Lopez' })).toBeTruthy();
  });

  it('lists a tie past the cadence the owner set, though it is within its own rhythm', async () => {
    await openPage(async (db) => {
      const cy = (await createPerson(db, { name: 'Cy Brandt', cadenceDays: 14 })).person;
      await meetEvery(db, cy.id, 30, 300, 30);
    });
    const item = await screen.findByRole('listitem', { name: /Cy Brandt/ });
    expect(item.textContent).toMatch(/You wanted to be in touch every 2 weeks\./);
    expect(within(item).getByText('Cadence')).toBeTruthy();
  });

  it('teaches how the list fills when nothing is fading', async () => {
    await openPage(async (db) => {
      const ben = (await createPerson(db, { name: 'Ben Ode' })).person;
      await meetEvery(db, ben.id, 30, 360, 10);
    });
    const empty = await screen.findByRole('region', { name: 'No ties are fading' });
    expect(empty.textContent).toMatch(/set a cadence on their page/);
    expect(empty.textContent).toMatch(/keep journaling/);
  });
});
