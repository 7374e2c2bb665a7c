// @vitest-environment happy-dom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createPerson, type KithDatabase } from '../../../shared/db';
import { addDays, todayString } from '../../../shared/domain/validation';
import { renderWithDb } from '../../app/testing/renderWithDb';
import { typeUnreadableEntry, typeWholeEntry } from '../../app/testing/unreadableEntry';
import { NewEncounterDialog } from './NewEncounterDialog';

let teardown: (() => Promise<void>) | undefined;
afterEach(async () => {
  await teardown?.();
  teardown = undefined;
});

async function openQuickAdd(seed?: (db: KithDatabase) => Promise<void>) {
  const rendered = await renderWithDb(<NewEncounterDialog prefill={{}} onClose={() => undefined} />);
  teardown = rendered.teardown;
  await seed?.(rendered.db);
  const dialog = await screen.findByRole('dialog', { name: 'New encounter' });
  await within(dialog).findByRole('combobox', { name: 'People met' });
  return { ...rendered, dialog };
}

async function storedEncounters(db: KithDatabase) {
  return (await db.encounters.find().exec()).map((d) => d.toJSON());
}

describe('quick-add', () => {
  it('refuses an encounter without a date or participants, saying so beside the fields', async () => {
    const { db, user, dialog } = await openQuickAdd();
    fireEvent.change(within(dialog).getByLabelText('Date'), { target: { value: '' } });
    await user.click(within(dialog).getByRole('button', { name: 'Save encounter' }));

    const people = within(dialog).getByRole('combobox', { name: 'People met' });
    expect(await within(dialog).findByText('An encounter needs at least one participant.')).toBeTruthy();
    expect(within(dialog).getByText('An encounter needs a date.')).toBeTruthy();
    expect(people.getAttribute('aria-invalid')).toBe('true');
    expect(within(dialog).getByLabelText('Date').getAttribute('aria-invalid')).toBe('true');
    expect(await storedEncounters(db)).toEqual([]);
  });

  it('records an encounter with someone known and someone new, in a few keystrokes', async () => {
    const { db, user, dialog } = await openQuickAdd(async (db) => {
      await createPerson(db, { name: 'Ana Lopez', organisation: 'Acme' });
    });
    const people = within(dialog).getByRole('combobox', { name: 'People met' });

    await user.type(people, 'ana');
    // The organisation is read after the name, not run into it ("Ana LopezAcme").
    expect(await within(dialog).findByRole('option', { name: 'Ana Lopez, Acme' })).toBeTruthy();
    await user.keyboard('{Enter}');
    await user.type(people, 'Ben Ode');
    expect(within(dialog).getByRole('option', { name: 'Add “Ben Ode” as a new person' })).toBeTruthy();
    await user.keyboard('{Enter}');
    expect(within(dialog).getByRole('button', { name: 'Remove Ana Lopez' })).toBeTruthy();
    expect(within(dialog).getByRole('button', { name: 'Remove Ben Ode (new)' })).toBeTruthy();
    await user.type(within(dialog).getByLabelText('Title'), 'Coffee at the fair{Enter}');

    await waitFor(async () => expect(await storedEncounters(db)).toHaveLength(1));
    const [encounter] = await storedEncounters(db);
    const byName = new Map((await db.people.find().exec()).map((d) => [d.name, d.id]));
    expect(encounter?.title).toBe('Coffee at the fair');
    expect(encounter?.date).toBe(todayString());
    expect(encounter?.participantIds).toEqual([byName.get('Ana Lopez'), byName.get('Ben Ode')]);
    expect(await screen.findByText('Recorded “Coffee at the fair”')).toBeTruthy();
  });

  it('asks before saving a date far in the future, and saves once confirmed', async () => {
    const { db, user, dialog } = await openQuickAdd(async (db) => {
      await createPerson(db, { name: 'Ana Lopez' });
    });
    await user.type(within(dialog).getByRole('combobox', { name: 'People met' }), 'Ana');
    await within(dialog).findByRole('option', { name: /Ana Lopez/ });
    await user.keyboard('{Enter}');
    const farAhead = addDays(todayString(), 90);
    fireEvent.change(within(dialog).getByLabelText('Date'), { target: { value: farAhead } });
    await user.click(within(dialog).getByRole('button', { name: 'Save encounter' }));

    const question = await within(dialog).findByRole('alert');
    expect(question.textContent).toContain('more than 30 days from today');
    expect(await storedEncounters(db)).toEqual([]);

    await user.click(within(question).getByRole('button', { name: 'Save with this date' }));
    await waitFor(async () => expect((await storedEncounters(db))[0]?.date).toBe(farAhead));
  });

  it('refuses a half-typed or impossible date or time as such, not as "no date", until it is fixed', async () => {
    const { db, user, dialog } = await openQuickAdd();
    await user.type(within(dialog).getByRole('combobox', { name: 'People met' }), 'Ben Ode{Enter}');
    const date = within(dialog).getByLabelText<HTMLInputElement>('Date');
    const time = within(dialog).getByLabelText<HTMLInputElement>('Time');
    typeUnreadableEntry(date);
    typeUnreadableEntry(time);
    await user.click(within(dialog).getByRole('button', { name: 'Save encounter' }));

    expect(await within(dialog).findByText('Date must be a real day, like 2026-11-26.')).toBeTruthy();
    expect(within(dialog).getByText('Time must be a time of day like 14:30, or left empty.')).toBeTruthy();
    expect(within(dialog).queryByText('An encounter needs a date.')).toBeNull();
    expect(date.getAttribute('aria-invalid')).toBe('true');
    expect(time.getAttribute('aria-invalid')).toBe('true');
    expect(await storedEncounters(db)).toEqual([]);

    const yesterday = addDays(todayString(), -1);
    typeWholeEntry(date, yesterday);
    typeWholeEntry(time, '');
    await user.click(within(dialog).getByRole('button', { name: 'Save encounter' }));
    await waitFor(async () =>
      expect((await storedEncounters(db)).map((e) => [e.date, e.time])).toEqual([[yesterday, '']]),
    );
  });
});
