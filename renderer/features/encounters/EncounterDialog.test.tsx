// @vitest-environment happy-dom
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createPerson, recordEncounter } from '../../../shared/db';
import { openTestDatabase } from '../../../shared/db/testing';
import { renderWithDb } from '../../app/testing/renderWithDb';
import { EncounterDialog } from './EncounterDialog';

let teardown: (() => Promise<void>) | undefined;
afterEach(async () => {
  await teardown?.();
  teardown = undefined;
});

describe('encounter dialog', () => {
  it('edits with the quick-add form, adding a new person who initiated it, and one undo reverts it all', async () => {
    const db = await openTestDatabase();
    const ana = (await createPerson(db, { name: 'Ana Lopez' })).person;
    const { encounter } = await recordEncounter(db, {
      date: '2026-05-04',
      title: 'Volunteer shift',
      context: 'volunteering',
      notes: 'Sorted **donations**.',
      participantIds: [ana.id],
    });
    const rendered = await renderWithDb(<EncounterDialog id={encounter.id} onClose={() => undefined} />, {
      db,
    });
    teardown = rendered.teardown;
    const { user } = rendered;

    const dialog = await screen.findByRole('dialog', { name: 'Volunteer shift' });
    expect(within(dialog).getByText('donations').tagName).toBe('STRONG');
    await user.click(within(dialog).getByRole('button', { name: 'Edit encounter' }));
    const edit = await screen.findByRole('dialog', { name: 'Edit: Volunteer shift' });
    await user.type(within(edit).getByRole('combobox', { name: 'People met' }), 'Cara Nguyen{Enter}');
    await user.selectOptions(within(edit).getByLabelText('Who initiated'), 'Cara Nguyen');
    await user.click(within(edit).getByRole('button', { name: 'Save changes' }));

    await screen.findByRole('dialog', { name: 'Volunteer shift' });
    const cara = await db.people.findOne({ selector: { name: 'Cara Nguyen' } }).exec();
    const saved = (await db.encounters.findOne(encounter.id).exec())?.toJSON();
    expect(saved?.participantIds).toEqual([ana.id, cara?.id]);
    expect(saved?.initiatorId).toBe(cara?.id);

    await user.keyboard('{Control>}z{/Control}');
    await waitFor(async () =>
      expect(await db.people.findOne({ selector: { name: 'Cara Nguyen' } }).exec()).toBeNull(),
    );
    const restored = (await db.encounters.findOne(encounter.id).exec())?.toJSON();
    expect(restored?.participantIds).toEqual([ana.id]);
    expect(restored?.initiatorId).toBe('');
  });
});
