// @vitest-environment happy-dom
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createCommunity, createPerson, recordEncounter, type KithDatabase } from '../../../shared/db';
import { journalListHasAHeight } from '../../app/testing/journalHeight';
import { renderWithDb } from '../../app/testing/renderWithDb';
import { typeUnreadableEntry, typeWholeEntry } from '../../app/testing/unreadableEntry';
import { JournalPage } from './JournalPage';

journalListHasAHeight();

let teardown: (() => Promise<void>) | undefined;
afterEach(async () => {
  await teardown?.();
  teardown = undefined;
});

async function seed(db: KithDatabase) {
  const ana = (await createPerson(db, { name: 'Ana Lopez', tags: ['design'] })).person;
  const ben = (await createPerson(db, { name: 'Ben Ode' })).person;
  const chess = (await createCommunity(db, { name: 'Chess club', kind: 'club' })).community;
  await recordEncounter(db, {
    date: '2026-03-02',
    title: 'Project kickoff',
    context: 'meeting',
    participantIds: [ana.id],
  });
  await recordEncounter(db, {
    date: '2026-03-05',
    title: 'Tuesday chess night',
    context: 'club',
    channel: 'in-person',
    communityId: chess.id,
    participantIds: [ben.id],
  });
  await recordEncounter(db, {
    date: '2026-04-10',
    title: 'Portfolio review',
    context: 'online',
    channel: 'video',
    participantIds: [ana.id, ben.id],
  });
}

async function openJournal() {
  const rendered = await renderWithDb(<JournalPage />);
  teardown = rendered.teardown;
  await seed(rendered.db);
  await screen.findByText('3 encounters');
  return rendered;
}

const titles = () =>
  within(screen.getByRole('region', { name: 'Encounters' }))
    .queryAllByRole('article')
    .map((a) => a.getAttribute('aria-label'));

describe('journal', () => {
  it('lists encounters newest first under day headings', async () => {
    await openJournal();
    expect(titles()).toEqual(['Portfolio review', 'Tuesday chess night', 'Project kickoff']);
    expect(screen.getByRole('heading', { name: /Friday 10 April 2026/ })).toBeTruthy();
  });

  it('filters by context, person, tag and date range, and clears an empty result', async () => {
    const { user } = await openJournal();
    const filters = screen.getByRole('search', { name: 'Filter encounters' });

    await user.selectOptions(within(filters).getByLabelText('Context'), 'club');
    await waitFor(() => expect(titles()).toEqual(['Tuesday chess night']));
    await user.selectOptions(within(filters).getByLabelText('Context'), '');

    await user.type(within(filters).getByRole('combobox', { name: 'Person' }), 'Ana');
    await user.click(await within(filters).findByRole('option', { name: 'Ana Lopez' }));
    await waitFor(() => expect(titles()).toEqual(['Portfolio review', 'Project kickoff']));
    expect(screen.getByText('2 of 3 encounters match')).toBeTruthy();

    await user.type(within(filters).getByLabelText('To'), '2026-03-31');
    await waitFor(() => expect(titles()).toEqual(['Project kickoff']));

    await user.type(within(filters).getByLabelText('Tag'), 'nosuchtag');
    expect(await screen.findByRole('heading', { name: 'No encounters match these filters' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(titles()).toHaveLength(3));
  });

  it('keeps the last filter while a From day is half-typed or impossible, and says so under it', async () => {
    const { user } = await openJournal();
    const filters = screen.getByRole('search', { name: 'Filter encounters' });
    const from = within(filters).getByLabelText<HTMLInputElement>('From');
    typeWholeEntry(from, '2026-03-03');
    await waitFor(() => expect(titles()).toEqual(['Portfolio review', 'Tuesday chess night']));

    typeUnreadableEntry(from);
    expect(await within(filters).findByText('From must be a real day, like 2026-11-26.')).toBeTruthy();
    expect(from.getAttribute('aria-invalid')).toBe('true');
    expect(titles()).toEqual(['Portfolio review', 'Tuesday chess night']);

    typeWholeEntry(from, '2026-04-01');
    await waitFor(() => expect(titles()).toEqual(['Portfolio review']));
    expect(within(filters).queryByText('From must be a real day, like 2026-11-26.')).toBeNull();

    typeUnreadableEntry(from);
    await user.click(within(filters).getByRole('button', { name: 'Reset filters' }));
    await waitFor(() => expect(titles()).toHaveLength(3));
    expect(within(filters).queryByText('From must be a real day, like 2026-11-26.')).toBeNull();
  });

  it('deletes an encounter from its dialog, and Ctrl+Z brings it back', async () => {
    const { db, user } = await openJournal();
    await user.click(screen.getByRole('button', { name: 'Tuesday chess night' }));
    const dialog = await screen.findByRole('dialog', { name: 'Tuesday chess night' });
    await user.click(within(dialog).getByRole('button', { name: 'Delete encounter' }));

    // The live list can refresh a beat before the dialog closes on a slow machine.
    await waitFor(() => {
      expect(titles()).toEqual(['Portfolio review', 'Project kickoff']);
      expect(screen.queryByRole('dialog')).toBeNull();
    });
    const toast = screen.getByRole('status', { name: 'Notifications' });
    expect(await within(toast).findByText('Deleted “Tuesday chess night”')).toBeTruthy();

    await user.keyboard('{Control>}z{/Control}');
    await waitFor(() =>
      expect(titles()).toEqual(['Portfolio review', 'Tuesday chess night', 'Project kickoff']),
    );
    expect(await db.encounters.count().exec()).toBe(3);
    expect(within(toast).getByText('Undone: Deleted “Tuesday chess night”')).toBeTruthy();
  });
});
