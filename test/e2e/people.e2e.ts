import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayString } from '../../shared/domain/days';
import type { Session } from './app';
import {
  addPerson,
  articleNames,
  expectEventually,
  expectJournal,
  goTo,
  recordEncounter,
  reloadKith,
  startingWith,
  startKith,
  toasts,
} from './helpers';

/**
 * Person and community pages on one small journal: Ana Lopez and "Ana L." are the same person
 * entered twice; Ben Ode plays chess; Chloé Martin joins the chess club without having met there.
 */
describe('people and communities', () => {
  let session: Session;
  let page: Page;
  const today = todayString();

  beforeAll(async () => {
    session = await startKith();
    page = session.page;
    await addPerson(page, { name: 'Ana Lopez', organisation: 'Acme' });
    await addPerson(page, { name: 'Ana L.' });
    await addPerson(page, { name: 'Ben Ode' });
    await addPerson(page, { name: 'Chloé Martin' });
    await goTo(page, 'Communities');
    await page.getByRole('button', { name: 'Add community' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Add community' });
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Chess club');
    await dialog.getByRole('combobox', { name: 'Kind' }).selectOption({ label: 'Club' });
    await dialog.getByRole('button', { name: 'Save community' }).click();
    await page.getByRole('heading', { level: 1, name: 'Chess club' }).waitFor();

    await recordEncounter(page, {
      people: ['Ana Lopez'],
      title: 'Project kickoff',
      date: addDays(today, -3),
    });
    await recordEncounter(page, {
      people: ['Ana L.', 'Ben Ode'],
      title: 'Portfolio review',
      community: 'Chess club',
      date: addDays(today, -2),
    });
    await recordEncounter(page, {
      people: ['Ben Ode'],
      title: 'Tuesday chess',
      context: 'Club',
      community: 'Chess club',
      date: addDays(today, -1),
    });
  });
  afterAll(async () => {
    await session?.close();
  });

  async function openPerson(name: string): Promise<void> {
    await goTo(page, 'People');
    await page
      .getByRole('list', { name: 'People' })
      .getByRole('link', { name: startingWith(name) })
      .click();
    await page.getByRole('heading', { level: 1, name }).waitFor();
  }

  function timelineOf(name: string) {
    return page.getByRole('list', { name: `Encounters with ${name}` });
  }

  async function expectTimeline(name: string, titles: string[]): Promise<void> {
    await expectEventually(async () => {
      expect(await articleNames(timelineOf(name))).toEqual(titles);
    });
  }

  it('edits a person’s details, and the page shows them (also after a reload)', async () => {
    await openPerson('Ana Lopez');
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    const edit = page.getByRole('dialog', { name: 'Edit Ana Lopez' });
    await edit.getByRole('textbox', { name: 'Role' }).fill('Designer');
    await edit.getByRole('textbox', { name: 'Emails' }).fill('ana@acme.example');
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await edit.waitFor({ state: 'detached' });

    for (let pass = 0; pass < 2; pass++) {
      await page.getByText('Designer at Acme').waitFor();
      await page
        .getByRole('region', { name: 'Details' })
        .getByRole('link', { name: 'ana@acme.example' })
        .waitFor();
      if (pass === 0) await reloadKith(page);
    }
    expect(session.errors).toEqual([]);
  });

  it('merges two entries for the same person: the encounters of both show on the one kept', async () => {
    await expectTimeline('Ana Lopez', ['Project kickoff']);
    await page.getByRole('button', { name: 'Merge…' }).click();
    const merge = page.getByRole('dialog', { name: 'Merge Ana Lopez with someone' });
    await merge.getByRole('combobox', { name: 'Ana Lopez is the same person as' }).fill('Ana L.');
    await merge.getByRole('option', { name: startingWith('Ana L.') }).click();
    await merge
      .getByRole('group', { name: 'Whose name and details lead?' })
      .getByRole('radio', { name: 'Ana Lopez' })
      .check();
    await merge.getByRole('button', { name: 'Continue' }).click();

    const confirm = page.getByRole('dialog', { name: 'Merge Ana L. into Ana Lopez?' });
    await confirm.getByRole('button', { name: 'Merge', exact: true }).click();
    await confirm.waitFor({ state: 'detached' });

    await expectTimeline('Ana Lopez', ['Portfolio review', 'Project kickoff']);
    await page.getByRole('region', { name: 'Details' }).getByText('Ana L.', { exact: true }).waitFor();
    await goTo(page, 'People');
    const people = page.getByRole('list', { name: 'People' });
    await people.getByRole('link', { name: startingWith('Ana Lopez') }).waitFor();
    expect(await people.getByRole('link', { name: startingWith('Ana L.') }).count()).toBe(0);

    await goTo(page, 'Journal');
    await page
      .getByRole('article', { name: 'Portfolio review' })
      .getByRole('link', { name: 'Ana Lopez' })
      .waitFor();
    expect(session.errors).toEqual([]);
  });

  it('archives a person: hidden from the list, shown with the toggle, and back on unarchive', async () => {
    await openPerson('Ben Ode');
    await page.getByRole('button', { name: 'Archive', exact: true }).click();
    await page.getByRole('button', { name: 'Unarchive' }).waitFor();

    await goTo(page, 'People');
    const people = page.getByRole('list', { name: 'People' });
    await people.getByRole('link', { name: startingWith('Chloé Martin') }).waitFor();
    expect(await people.getByRole('link', { name: startingWith('Ben Ode') }).count()).toBe(0);

    const toggle = page.getByRole('checkbox', { name: 'Show archived (1)' });
    await toggle.check();
    await people
      .getByRole('link', { name: startingWith('Ben Ode') })
      .getByText('Archived')
      .waitFor();
    await toggle.uncheck();
    await expectEventually(async () =>
      expect(await people.getByRole('link', { name: startingWith('Ben Ode') }).count()).toBe(0),
    );

    // Archiving hides, it does not forget: the page and its encounters are still there.
    await page.getByRole('checkbox', { name: 'Show archived (1)' }).check();
    await people.getByRole('link', { name: startingWith('Ben Ode') }).click();
    await expectTimeline('Ben Ode', ['Tuesday chess', 'Portfolio review']);
    await page.getByRole('button', { name: 'Unarchive' }).click();
    await page.getByRole('button', { name: 'Archive', exact: true }).waitFor();
    expect(session.errors).toEqual([]);
  });

  it('deletes a person, and undo brings them back with their encounters', async () => {
    await openPerson('Ben Ode');
    await page.getByRole('button', { name: 'Delete' }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete Ben Ode?' });
    await confirm
      .getByText('removed from 2 encounters (1 encounter with nobody else will be deleted)')
      .waitFor();
    await confirm.getByRole('button', { name: 'Delete' }).click();

    await page.getByRole('heading', { level: 1, name: 'People' }).waitFor();
    const people = page.getByRole('list', { name: 'People' });
    await people.getByRole('link', { name: startingWith('Chloé Martin') }).waitFor();
    expect(await people.getByRole('link', { name: startingWith('Ben Ode') }).count()).toBe(0);
    await goTo(page, 'Journal');
    await expectJournal(page, ['Portfolio review', 'Project kickoff']);
    expect(
      await page
        .getByRole('article', { name: 'Portfolio review' })
        .getByRole('link', { name: 'Ben Ode' })
        .count(),
    ).toBe(0);

    // Ctrl+Z: the toast's Undo button may have timed out while we looked around (journey.e2e.ts clicks it).
    await page.keyboard.press('Control+z');
    await toasts(page).getByText('Undone:', { exact: false }).waitFor();
    await expectJournal(page, ['Tuesday chess', 'Portfolio review', 'Project kickoff']);
    await page
      .getByRole('article', { name: 'Portfolio review' })
      .getByRole('link', { name: 'Ben Ode' })
      .waitFor();
    await openPerson('Ben Ode');
    await expectTimeline('Ben Ode', ['Tuesday chess', 'Portfolio review']);
    expect(session.errors).toEqual([]);
  });

  it('a community page shows explicit members, people met there, and its encounters', async () => {
    await goTo(page, 'Communities');
    await page.getByRole('link', { name: 'Chess club' }).click();
    await page.getByRole('heading', { level: 1, name: 'Chess club' }).waitFor();

    const add = page.getByRole('form', { name: 'Add a member to Chess club' });
    await add.getByRole('combobox', { name: 'Add member' }).fill('Chlo');
    await add.getByRole('option', { name: startingWith('Chloé Martin') }).click();
    await add.getByRole('button', { name: 'Add member' }).click();

    for (let pass = 0; pass < 2; pass++) {
      const members = page.getByRole('list', { name: 'Members of Chess club' });
      const member = (name: string) =>
        members.getByRole('listitem').filter({ has: page.getByRole('link', { name }) });
      await member('Chloé Martin').getByText('member', { exact: true }).waitFor();
      await member('Ben Ode').getByText('met here 2 times').waitFor();
      // Met there as "Ana L.", who is now Ana Lopez.
      await member('Ana Lopez').getByText('met here 1 time').waitFor();
      await expectEventually(async () => expect(await members.getByRole('listitem').count()).toBe(3));

      const encounters = page.getByRole('list', { name: 'Encounters in Chess club' });
      await encounters.getByRole('article', { name: 'Tuesday chess' }).waitFor();
      await encounters.getByRole('article', { name: 'Portfolio review' }).waitFor();
      expect(await encounters.getByRole('article').count()).toBe(2);
      if (pass === 0) await reloadKith(page);
    }
    expect(session.errors).toEqual([]);
  });
});
