// @vitest-environment happy-dom
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createPerson, OWNER_ID, recordEncounter } from '../../../shared/db';
import { openTestDatabase } from '../../../shared/db/testing';
import { addDays, todayString } from '../../../shared/domain/days';
import { TIE_KINDS } from '../../../shared/domain/kinds';
import { renderWithDb } from '../../app/testing/renderWithDb';
import { PersonPage } from './PersonPage';
import { ORDER } from './PersonRelationship';

let teardown: (() => Promise<void>) | undefined;
afterEach(async () => {
  await teardown?.();
  teardown = undefined;
});

const today = todayString();

describe('your relationship with a person', () => {
  it('offers every kind once', () => {
    expect([...ORDER].sort()).toEqual([...TIE_KINDS].sort());
  });

  it('marks a friend unseen for years as family: stored as a tie with you, strong again, and undone', async () => {
    const db = await openTestDatabase();
    const ana = (await createPerson(db, { name: 'Ana Lopez' })).person;
    // Close for three years, then four years of silence.
    for (let k = 0; k < 36; k++) {
      await recordEncounter(db, {
        date: addDays(today, -(7 * 365) + k * 30),
        participantIds: [ana.id],
        rating: 5,
      });
    }
    const rendered = await renderWithDb(<PersonPage id={ana.id} />, { db, path: `/people/${ana.id}` });
    teardown = rendered.teardown;

    const choice = (await screen.findByRole('combobox', { name: 'Ana Lopez is my' })) as HTMLSelectElement;
    expect(choice.value).toBe('');
    const why = await screen.findByRole('region', { name: 'Why is this tie strong?' });
    await waitFor(() => expect(within(why).getByText(/^Very weak \(\d+%\)/)).toBeTruthy());
    expect(within(why).getByText(/^Unseen for 4(\.\d)? years/)).toBeTruthy();

    await rendered.user.selectOptions(choice, 'Family');
    await waitFor(async () => {
      const ties = await db.ties.find().exec();
      expect(ties.map((t) => [t.aId, t.bId].sort().join(' ') + ' ' + t.kind)).toEqual([
        [OWNER_ID, ana.id].sort().join(' ') + ' family',
      ]);
    });
    expect(await screen.findByText('Family ties last: a long silence does not weaken them.')).toBeTruthy();
    await waitFor(() => expect(within(why).getByText(/^Strong \(\d+%\)/)).toBeTruthy());
    expect(
      within(why).getByText('You marked them as family: a tie that lasts, so silence does not weaken it.'),
    ).toBeTruthy();
    // The owner's own tie is not listed among the ties between people.
    expect(screen.getByText(/No ties recorded/)).toBeTruthy();

    await rendered.user.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(async () => expect(await db.ties.find().exec()).toHaveLength(0));
    await waitFor(() => expect(choice.value).toBe(''));
    await waitFor(() => expect(within(why).getByText(/^Very weak \(\d+%\)/)).toBeTruthy());
  });
});
