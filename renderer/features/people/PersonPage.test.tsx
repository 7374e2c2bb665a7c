// @vitest-environment happy-dom
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createPerson, recordEncounter, type KithDatabase } from '../../../shared/db';
import { openTestDatabase } from '../../../shared/db/testing';
import type { Person } from '../../../shared/domain/entities';
import { renderWithDb } from '../../app/testing/renderWithDb';
import { typeUnreadableEntry, typeWholeEntry } from '../../app/testing/unreadableEntry';
import { PersonPage } from './PersonPage';

let teardown: (() => Promise<void>) | undefined;
afterEach(async () => {
  await teardown?.();
  teardown = undefined;
  vi.restoreAllMocks();
});

async function people(db: KithDatabase): Promise<Person[]> {
  return (await db.people.find().exec()).map((d) => d.toJSON() as Person).filter((p) => !p.isOwner);
}

/** Seeds a fresh database, then shows the page of the person `seed` returns. */
async function openPersonPage(seed: (db: KithDatabase) => Promise<Person>) {
  const db = await openTestDatabase();
  const person = await seed(db);
  const rendered = await renderWithDb(<PersonPage id={person.id} />, { db, path: `/people/${person.id}` });
  teardown = rendered.teardown;
  await screen.findByRole('heading', { level: 1, name: new RegExp(person.name) });
  return { ...rendered, person };
}

describe('person page', () => {
  it('refuses to save an empty name, says why beside the field, and keeps the stored person', async () => {
    const { user, db } = await openPersonPage(
      async (db) => (await createPerson(db, { name: 'Ana Lopez', organisation: 'Acme' })).person,
    );

    await user.click(screen.getByRole('button', { name: 'Edit' }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit Ana Lopez' });
    const name = within(dialog).getByRole('textbox', { name: 'Name' });
    await user.clear(name);
    await user.click(within(dialog).getByRole('button', { name: 'Save changes' }));

    expect(await within(dialog).findByText('A person needs a name.')).toBeTruthy();
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect((await people(db)).map((p) => p.name)).toEqual(['Ana Lopez']);

    await user.type(name, 'Ana María López');
    await user.click(within(dialog).getByRole('button', { name: 'Save changes' }));
    await screen.findByRole('heading', { level: 1, name: /Ana María López/ });
    expect((await people(db)).map((p) => p.name)).toEqual(['Ana María López']);
  });

  it('merges a duplicate into this person after saying what will happen, and undo splits them again', async () => {
    let duplicateId = '';
    const { user, db, person } = await openPersonPage(async (db) => {
      const ana = (await createPerson(db, { name: 'Ana Lopez', emails: ['ana@acme.example'] })).person;
      const dup = (await createPerson(db, { name: 'Annie L.', phones: ['+41 79 000 00 00'] })).person;
      duplicateId = dup.id;
      await recordEncounter(db, { date: '2026-03-14', place: 'Messe Basel', participantIds: [dup.id] });
      return ana;
    });

    await user.click(screen.getByRole('button', { name: 'Merge…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Merge Ana Lopez with someone' });
    await user.type(
      within(dialog).getByRole('combobox', { name: 'Ana Lopez is the same person as' }),
      'annie',
    );
    await user.click(await within(dialog).findByRole('option', { name: /Annie L\./ }));
    await user.click(within(dialog).getByRole('button', { name: 'Continue' }));

    const confirm = await screen.findByRole('dialog', { name: 'Merge Annie L. into Ana Lopez?' });
    expect(confirm.textContent).toContain('“Annie L.” becomes one of their aliases');
    await user.click(within(confirm).getByRole('button', { name: 'Merge' }));

    const participants = async () => (await db.encounters.find().exec())[0]?.toJSON().participantIds;
    await waitFor(async () => {
      expect(await participants()).toEqual([person.id]);
      expect((await people(db)).map((p) => [p.name, p.aliases, p.phones])).toEqual([
        ['Ana Lopez', ['Annie L.'], ['+41 79 000 00 00']],
      ]);
    });
    // The page now shows the encounter that came with the duplicate.
    const timeline = screen.getByRole('list', { name: 'Encounters with Ana Lopez' });
    expect(await within(timeline).findByRole('article', { name: 'Meeting with Ana Lopez' })).toBeTruthy();

    await user.click(await screen.findByRole('button', { name: 'Undo' }));
    await waitFor(async () => {
      expect(await participants()).toEqual([duplicateId]);
      expect((await people(db)).length).toBe(2);
    });
  });

  it('deletes after a confirmation and Ctrl+Z brings the person and their encounter back', async () => {
    const { user, db, location } = await openPersonPage(async (db) => {
      const bo = (await createPerson(db, { name: 'Bo Chen' })).person;
      await recordEncounter(db, { date: '2026-02-01', title: 'Coffee', participantIds: [bo.id] });
      return bo;
    });

    await user.click(screen.getByRole('button', { name: 'Delete' }));
    const confirm = await screen.findByRole('dialog', { name: 'Delete Bo Chen?' });
    expect(confirm.textContent).toContain('1 encounter with nobody else will be deleted');
    await user.click(within(confirm).getByRole('button', { name: 'Delete' }));

    await waitFor(async () => {
      expect(await db.encounters.count().exec()).toBe(0);
      expect(await people(db)).toEqual([]);
    });
    expect(location.history?.at(-1)).toBe('/people');

    await user.keyboard('{Control>}z{/Control}');
    await waitFor(async () => {
      expect(await db.encounters.count().exec()).toBe(1);
      expect((await people(db)).map((p) => p.name)).toEqual(['Bo Chen']);
    });
  });

  it('says when a follow-up could not be stored, and keeps what was typed', async () => {
    const { user, db } = await openPersonPage(
      async (db) => (await createPerson(db, { name: 'Dana Park' })).person,
    );
    vi.spyOn(db.followups, 'bulkUpsert').mockRejectedValue(new Error('The disk is full.'));
    const followUp = screen.getByRole('form', { name: 'Add a follow-up for Dana Park' });
    const text = within(followUp).getByRole('textbox', { name: 'New follow-up' });
    await user.type(text, 'Call her');
    await user.click(within(followUp).getByRole('button', { name: 'Add follow-up' }));
    expect((await within(followUp).findByRole('alert')).textContent).toBe(
      'The follow-up could not be added: The disk is full.',
    );
    expect((text as HTMLInputElement).value).toBe('Call her');
    expect(await db.followups.count().exec()).toBe(0);
  });

  it('refuses a follow-up or a tie whose date is half-typed or impossible, until it is fixed', async () => {
    const { user, db } = await openPersonPage(async (db) => {
      await createPerson(db, { name: 'Eli Stone' });
      return (await createPerson(db, { name: 'Dana Park' })).person;
    });

    const followUp = screen.getByRole('form', { name: 'Add a follow-up for Dana Park' });
    await user.type(within(followUp).getByRole('textbox', { name: 'New follow-up' }), 'Call her');
    const due = within(followUp).getByLabelText<HTMLInputElement>('Due');
    typeUnreadableEntry(due);
    await user.click(within(followUp).getByRole('button', { name: 'Add follow-up' }));
    expect(await within(followUp).findByText('Due date must be a real day, like 2026-11-26.')).toBeTruthy();
    expect(due.getAttribute('aria-invalid')).toBe('true');

    const tie = screen.getByRole('form', { name: 'Add a tie for Dana Park' });
    await user.type(within(tie).getByRole('combobox', { name: 'Tie with' }), 'Eli');
    await user.click(await within(tie).findByRole('option', { name: 'Eli Stone' }));
    const since = within(tie).getByLabelText<HTMLInputElement>('Since');
    typeUnreadableEntry(since);
    await user.click(within(tie).getByRole('button', { name: 'Add tie' }));
    expect(await within(tie).findByText('Since must be a real day, like 2026-11-26.')).toBeTruthy();
    expect(since.getAttribute('aria-invalid')).toBe('true');

    expect(await db.followups.count().exec()).toBe(0);
    expect(await db.ties.count().exec()).toBe(0);

    // An empty date is still fine: neither needs one.
    typeWholeEntry(due, '');
    await user.click(within(followUp).getByRole('button', { name: 'Add follow-up' }));
    await waitFor(async () => expect(await db.followups.count().exec()).toBe(1));
    typeWholeEntry(since, '2020-05-01');
    await user.click(within(tie).getByRole('button', { name: 'Add tie' }));
    await waitFor(async () => expect(await db.ties.count().exec()).toBe(1));
    expect((await db.ties.find().exec())[0]?.since).toBe('2020-05-01');
  });
});
