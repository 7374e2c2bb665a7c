import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayString } from '../../shared/domain/days';
import type { Session } from './app';
import {
  addParticipant,
  addPerson,
  expectEventually,
  expectJournal,
  fillEncounter,
  goTo,
  isFocused,
  openQuickAdd,
  recordEncounter,
  reloadKith,
  restartKith,
  startingWith,
  startKith,
  toasts,
  welcome,
} from './helpers';

/**
 * One person's first session with Kith, start to finish, on one browser profile: each step builds
 * on the one before, as it would for a real user.
 */
describe('a new user journals an encounter and finds it again', () => {
  let session: Session;
  let page: Page;
  const today = todayString();
  const yesterday = addDays(today, -1);
  const coffee = 'Coffee at the fair';
  const renamed = 'Coffee and croissants at the fair';

  beforeAll(async () => {
    session = await startKith();
    page = session.page;
  });
  afterAll(async () => {
    await session?.close();
  });

  it('greets a new profile with an empty state that teaches what to journal', async () => {
    await welcome(page).waitFor();
    const intro = page.getByRole('region', { name: 'Start your journal' });
    await intro.getByText('Kith remembers the people you meet').waitFor();
    await intro.getByText('The school gate').waitFor();
    await intro.getByRole('button', { name: 'Record your first encounter' }).waitFor();
    await intro.getByRole('button', { name: 'Explore a sample journal' }).waitFor();
    expect(session.errors).toEqual([]);
  });

  it('creates two people, then records an encounter with them and someone new in one go', async () => {
    await addPerson(page, { name: 'Ana Lopez', organisation: 'Acme' });
    await addPerson(page, { name: 'Ben Ode' });

    // Quick-add from anywhere: Ctrl+N, type names, Enter after each.
    const dialog = await openQuickAdd(page);
    // Typing can start at once: the participant box has focus.
    expect(await isFocused(dialog.getByRole('combobox', { name: 'People met' }))).toBe(true);
    await addParticipant(dialog, 'Ana Lopez', 'existing');
    await addParticipant(dialog, 'Ben Ode', 'existing');
    await addParticipant(dialog, 'Chloé Martin', 'new');
    await fillEncounter(dialog, { title: coffee, place: 'Lyon Expo', context: 'Business exhibition' });
    await dialog.getByRole('button', { name: 'Save encounter' }).click();
    await dialog.waitFor({ state: 'detached' });

    await recordEncounter(page, {
      people: ['Ben Ode'],
      title: 'Chess night',
      context: 'Club',
      date: yesterday,
    });

    await goTo(page, 'Journal');
    await expectJournal(page, [coffee, 'Chess night']);
    const row = page.getByRole('article', { name: coffee });
    for (const name of ['Ana Lopez', 'Ben Ode', 'Chloé Martin']) {
      await row.getByRole('link', { name }).waitFor();
    }
    expect(session.errors).toEqual([]);
  });

  it('finds the encounter by person, then by context', async () => {
    const filters = page.getByRole('search', { name: 'Filter encounters' });
    const person = filters.getByRole('combobox', { name: 'Person' });
    await person.fill('Chlo');
    await filters.getByRole('option', { name: 'Chloé Martin' }).click();
    await expectJournal(page, [coffee]);
    await page.getByText('1 of 2 encounters match').waitFor();

    await filters.getByRole('button', { name: 'Remove Chloé Martin' }).click();
    await expectJournal(page, [coffee, 'Chess night']);

    await filters.getByRole('combobox', { name: 'Context' }).selectOption({ label: 'Business exhibition' });
    await expectJournal(page, [coffee]);
    await filters.getByRole('combobox', { name: 'Context' }).selectOption({ label: 'Club' });
    await expectJournal(page, ['Chess night']);

    await filters.getByRole('button', { name: 'Reset filters' }).click();
    await expectJournal(page, [coffee, 'Chess night']);
    expect(session.errors).toEqual([]);
  });

  it('finds the encounter with the quick switcher, by place and by title', async () => {
    for (const query of ['Lyon', 'coffee at']) {
      await page.keyboard.press('Control+k');
      const switcher = page.getByRole('dialog', { name: 'Go to…' });
      const search = switcher.getByRole('combobox', { name: 'Search people, communities and encounters' });
      await search.fill(query);
      await switcher
        .getByRole('option', { name: startingWith(`Encounter: ${coffee}`), selected: true })
        .waitFor();
      await search.press('Enter');
      await switcher.waitFor({ state: 'detached' });
      const opened = page.getByRole('dialog', { name: coffee });
      await opened.getByText('Lyon Expo').waitFor();
      await page.keyboard.press('Escape');
      await opened.waitFor({ state: 'detached' });
    }
    expect(session.errors).toEqual([]);
  });

  it('edits the encounter: a new title, and Markdown notes shown rendered and sanitised', async () => {
    await page.getByRole('button', { name: coffee }).click();
    const view = page.getByRole('dialog', { name: coffee });
    await view.getByRole('button', { name: 'Edit encounter' }).click();

    const edit = page.getByRole('dialog', { name: `Edit: ${coffee}` });
    await edit.getByRole('textbox', { name: 'Title' }).fill(renamed);
    await edit
      .getByRole('textbox', { name: 'Notes' })
      .fill(
        'Talked about **supply chains**.\n\n<script>window.kithInjected = true</script>\n\nSend her the deck.',
      );
    await edit.getByRole('button', { name: 'Save changes' }).click();

    const saved = page.getByRole('dialog', { name: renamed });
    await expectNotesRendered(page, saved.getByRole('region', { name: 'Notes' }));
    await page.keyboard.press('Escape');
    await expectJournal(page, [renamed, 'Chess night']);
    expect(session.errors).toEqual([]);
  });

  it('deletes an encounter and brings it back with the toast’s Undo, and another with Ctrl+Z', async () => {
    await page.getByRole('button', { name: renamed }).click();
    await page
      .getByRole('dialog', { name: renamed })
      .getByRole('button', { name: 'Delete encounter' })
      .click();
    await expectJournal(page, ['Chess night']);
    await toasts(page).getByText(`Deleted “${renamed}”`).waitFor();
    await toasts(page).getByRole('button', { name: 'Undo' }).click();
    await expectJournal(page, [renamed, 'Chess night']);

    await page.getByRole('button', { name: 'Chess night' }).click();
    const chess = page.getByRole('dialog', { name: 'Chess night' });
    await chess.getByRole('button', { name: 'Delete encounter' }).click();
    await chess.waitFor({ state: 'detached' });
    await expectJournal(page, [renamed]);
    await page.keyboard.press('Control+z');
    await expectJournal(page, [renamed, 'Chess night']);
    await toasts(page).getByText('Undone: Deleted “Chess night”').waitFor();
    expect(session.errors).toEqual([]);
  });

  it('keeps everything after a reload and after restarting the browser', async () => {
    for (const again of ['reload', 'restart'] as const) {
      if (again === 'reload') await reloadKith(page);
      else page = await restartKith(session);
      await expectJournal(page, [renamed, 'Chess night']);

      await page.getByRole('button', { name: renamed }).click();
      const dialog = page.getByRole('dialog', { name: renamed });
      for (const name of ['Ana Lopez', 'Ben Ode', 'Chloé Martin']) {
        await dialog.getByRole('link', { name }).waitFor();
      }
      await dialog.getByText('Lyon Expo').waitFor();
      await expectNotesRendered(page, dialog.getByRole('region', { name: 'Notes' }));
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });

      await goTo(page, 'People');
      const people = page.getByRole('list', { name: 'People' });
      for (const name of ['Ana Lopez', 'Ben Ode', 'Chloé Martin']) {
        await people.getByRole('link', { name: startingWith(name) }).waitFor();
      }
      await goTo(page, 'Journal');
    }
    expect(session.errors).toEqual([]);
  });
});

async function expectNotesRendered(page: Page, notes: ReturnType<Page['getByRole']>): Promise<void> {
  const bold = notes.getByText('supply chains', { exact: true });
  await bold.waitFor();
  expect(Number(await bold.evaluate((el) => getComputedStyle(el).fontWeight))).toBeGreaterThanOrEqual(600);
  await notes.getByText('Send her the deck.').waitFor();
  await expectEventually(async () => {
    const text = await notes.innerText();
    expect(text).not.toContain('**');
    expect(text).not.toContain('kithInjected');
  });
  // The script neither ran nor sits in the page waiting to.
  expect(await notes.evaluate((el) => el.querySelectorAll('script').length)).toBe(0);
  expect(await page.evaluate(() => (window as { kithInjected?: boolean }).kithInjected)).toBeUndefined();
}
