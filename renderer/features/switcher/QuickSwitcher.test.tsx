// @vitest-environment happy-dom
import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createCommunity, createPerson, recordEncounter } from '../../../shared/db';
import { openTestDatabase } from '../../../shared/db/testing';
import { renderWithDb } from '../../app/testing/renderWithDb';
import { QuickSwitcher } from './QuickSwitcher';

let teardown: (() => Promise<void>) | undefined;
afterEach(async () => {
  await teardown?.();
  teardown = undefined;
});

async function openSwitcher() {
  const db = await openTestDatabase();
  const ana = (await createPerson(db, { name: 'Ana Lopez', aliases: ['Annie'], organisation: 'Acme' }))
    .person;
  const bo = (await createPerson(db, { name: 'Bo Chen' })).person;
  await createCommunity(db, { name: 'Riverside Chess Club', kind: 'club' });
  await recordEncounter(db, {
    date: '2026-11-26',
    title: 'Trade fair',
    context: 'exhibition',
    place: 'Messe Basel',
    participantIds: [ana.id, bo.id],
  });
  let closed = 0;
  const rendered = await renderWithDb(<QuickSwitcher open onClose={() => (closed += 1)} />, { db });
  teardown = rendered.teardown;
  const dialog = await screen.findByRole('dialog', { name: 'Go to…' });
  const input = within(dialog).getByRole('combobox', { name: 'Search people, communities and encounters' });
  // The index is built in slices after the data arrives; wait until a known name is findable.
  await rendered.user.type(input, 'bo');
  await within(dialog).findByRole('option', { name: 'Person: Bo Chen' });
  await rendered.user.clear(input);
  return { ...rendered, dialog, input, ana, closed: () => closed };
}

describe('quick switcher', () => {
  it('finds a person by an alias and opens their page with Enter', async () => {
    const { user, dialog, input, ana, location, closed } = await openSwitcher();
    await user.type(input, 'annie');
    const option = await within(dialog).findByRole('option', { name: 'Person: Ana Lopez' });
    expect(option.getAttribute('aria-selected')).toBe('true');
    expect(input.getAttribute('aria-activedescendant')).toBe(option.id);

    await user.keyboard('{Enter}');
    expect(location.history?.at(-1)).toBe(`/people/${ana.id}`);
    expect(closed()).toBe(1);
  });

  it('finds an encounter by its place, and arrow keys move between results', async () => {
    const { user, dialog, input, location } = await openSwitcher();
    await user.type(input, 'messe');
    const options = await within(dialog).findAllByRole('option');
    expect(options.map((o) => o.getAttribute('aria-label'))).toEqual(['Encounter: Trade fair, 26 Nov 2026']);

    await user.clear(input);
    await user.type(input, 'ch');
    const names = () =>
      within(dialog)
        .getAllByRole('option')
        .map((o) => o.getAttribute('aria-label'));
    expect(names()).toEqual(['Person: Bo Chen', 'Community: Riverside Chess Club']);
    const selected = () => within(dialog).getByRole('option', { selected: true }).getAttribute('aria-label');
    await user.keyboard('{ArrowDown}');
    expect(selected()).toBe('Community: Riverside Chess Club');
    await user.keyboard('{ArrowDown}');
    expect(selected()).toBe('Person: Bo Chen');
    await user.keyboard('{ArrowUp}{Enter}');
    expect(location.history?.at(-1)).toMatch(/^\/communities\//);
  });
});
