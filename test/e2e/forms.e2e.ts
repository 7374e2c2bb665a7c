import { format, parseISO } from 'date-fns';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayString } from '../../shared/domain/days';
import type { Session } from './app';
import {
  addParticipant,
  addPerson,
  expectEventually,
  expectFieldError,
  expectJournal,
  fillEncounter,
  goTo,
  isFocused,
  journalTitles,
  openQuickAdd,
  reloadKith,
  startingWith,
  startKith,
  typeDate,
  welcome,
} from './helpers';

/**
 * Every form's refusal, as a user meets it: the message shows beside the field (and is announced
 * with it), and nothing is saved. The refusals come first, on an empty journal, so "nothing saved"
 * can be seen as "still empty".
 */
describe('forms refuse bad input and save nothing', () => {
  let session: Session;
  let page: Page;

  beforeAll(async () => {
    session = await startKith();
    page = session.page;
  });
  afterAll(async () => {
    await session?.close();
  });

  /** No encounter and nobody but the owner, even after a reload (so nothing reached the database). */
  async function expectJournalStillEmpty(): Promise<void> {
    await reloadKith(page);
    await goTo(page, 'Journal');
    await welcome(page).waitFor();
    await goTo(page, 'People');
    await page.getByRole('heading', { name: 'Nobody here yet but you' }).waitFor();
    await goTo(page, 'Journal');
    await welcome(page).waitFor();
  }

  it('quick-add: no participant, no date, an impossible date, a bad duration', async () => {
    const dialog = await openQuickAdd(page);
    const people = dialog.getByRole('combobox', { name: 'People met' });
    const date = dialog.getByRole('textbox', { name: 'Date' });
    const save = dialog.getByRole('button', { name: 'Save encounter' });

    await save.click();
    await expectFieldError(people, 'An encounter needs at least one participant.');
    expect(await isFocused(people)).toBe(true);

    await addParticipant(dialog, 'Dana Park', 'new');
    // A typo'd year (20266) is a date the field accepts but no calendar has.
    await typeDate(date, '022820266');
    await save.click();
    await expectFieldError(date, 'Date must be a real day, like 2026-11-26.');
    expect(await dialog.getByText('An encounter needs at least one participant.').count()).toBe(0);

    await date.fill('');
    await save.click();
    await expectFieldError(date, 'An encounter needs a date.');
    expect(await isFocused(date)).toBe(true);

    await date.fill(todayString());
    const duration = dialog.getByRole('spinbutton', { name: 'Duration (minutes)' });
    await duration.fill('-15');
    await save.click();
    await expectFieldError(duration, 'Duration must be between 0 (unknown) and 10080 minutes (a week).');
    await duration.fill('1.5');
    await save.click();
    await expectFieldError(duration, 'Duration must be a whole number.');

    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expectJournalStillEmpty();
    expect(session.errors).toEqual([]);
  });

  it('quick-add: a day the calendar lacks (30 February) or a half-typed time is refused as such', async () => {
    const dialog = await openQuickAdd(page);
    await addParticipant(dialog, 'Dana Park', 'new');
    const date = dialog.getByRole('textbox', { name: 'Date' });
    const time = dialog.getByRole('textbox', { name: 'Time' });
    // Chromium reports a date field holding an impossible day as empty; the form must not take it
    // for "no date".
    await typeDate(date, '02302026');
    // Hours typed, minutes not.
    await time.focus();
    await page.keyboard.type('14');
    await dialog.getByRole('button', { name: 'Save encounter' }).click();
    await expectFieldError(date, 'Date must be a real day, like 2026-11-26.');
    await expectFieldError(time, 'Time must be a time of day like 14:30, or left empty.');
    expect(await dialog.getByText('An encounter needs a date.').count()).toBe(0);
    expect(await isFocused(date)).toBe(true);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await expectJournalStillEmpty();
    expect(session.errors).toEqual([]);
  });

  it('person form: no name, a malformed e-mail, a link that is not a web page, a cadence that is not a number', async () => {
    await goTo(page, 'People');
    await page.getByRole('button', { name: 'Add person', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Add person' });
    const name = dialog.getByRole('textbox', { name: 'Name', exact: true });
    const save = dialog.getByRole('button', { name: 'Save person' });

    await save.click();
    await expectFieldError(name, 'A person needs a name.');
    await expectEventually(async () => expect(await isFocused(name)).toBe(true));

    await name.fill('Eve Adams');
    await dialog.getByRole('textbox', { name: 'Emails' }).fill('eve@example.org\neve at example');
    await dialog.getByRole('textbox', { name: 'Links' }).fill('ftp://files.example.org');
    await dialog.getByRole('textbox', { name: 'Keep in touch every (days)' }).fill('monthly');
    await save.click();
    await expectFieldError(
      dialog.getByRole('textbox', { name: 'Emails' }),
      'Email “eve at example” must look like name@example.org.',
    );
    await expectFieldError(
      dialog.getByRole('textbox', { name: 'Links' }),
      'Link “ftp://files.example.org” must be a web address such as https://example.org.',
    );
    await expectFieldError(
      dialog.getByRole('textbox', { name: 'Keep in touch every (days)' }),
      'Keep-in-touch cadence must be a number.',
    );

    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expectJournalStillEmpty();
    expect(session.errors).toEqual([]);
  });

  it('community form: no name', async () => {
    await goTo(page, 'Communities');
    await page.getByRole('button', { name: 'Add community' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Add community' });
    const name = dialog.getByRole('textbox', { name: 'Name' });
    await name.fill('   ');
    await dialog.getByRole('button', { name: 'Save community' }).click();
    await expectFieldError(name, 'A community needs a name.');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });

    await reloadKith(page);
    await goTo(page, 'Communities');
    await page.getByRole('heading', { name: 'No communities yet' }).waitFor();
    expect(session.errors).toEqual([]);
  });

  it('a date far in the future asks first: "Change the date" saves nothing, "Save with this date" saves', async () => {
    const farDay = addDays(todayString(), 400);
    const farDayLong = format(parseISO(farDay), 'EEEE d MMMM yyyy');

    let dialog = await openQuickAdd(page);
    await fillEncounter(dialog, { newPeople: ['Dana Park'], title: 'Launch party', date: farDay });
    await dialog.getByRole('button', { name: 'Save encounter' }).click();
    let question = dialog.getByRole('alert').filter({ hasText: 'is more than 30 days from today' });
    await question.getByText(farDayLong).waitFor();
    await question.getByRole('button', { name: 'Change the date' }).click();
    await question.waitFor({ state: 'detached' });
    const date = dialog.getByRole('textbox', { name: 'Date' });
    expect(await isFocused(date)).toBe(true);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expectJournalStillEmpty();

    dialog = await openQuickAdd(page);
    await fillEncounter(dialog, { newPeople: ['Dana Park'], title: 'Launch party', date: farDay });
    await dialog.getByRole('button', { name: 'Save encounter' }).click();
    question = dialog.getByRole('alert').filter({ hasText: 'is more than 30 days from today' });
    await question.getByRole('button', { name: 'Save with this date' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expectJournal(page, ['Launch party']);
    await page.getByRole('heading', { name: farDayLong }).waitFor();
    expect(session.errors).toEqual([]);
  });

  it('editing an encounter refuses one with nobody left in it, and keeps the saved version', async () => {
    await page.getByRole('button', { name: 'Launch party' }).click();
    const view = page.getByRole('dialog', { name: 'Launch party' });
    await view.getByRole('button', { name: 'Edit encounter' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit: Launch party' });
    await edit.getByRole('button', { name: 'Remove Dana Park' }).click();
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await expectFieldError(
      edit.getByRole('combobox', { name: 'People met' }),
      'An encounter needs at least one participant.',
    );
    await edit.getByRole('button', { name: 'Cancel' }).click();
    await view.getByRole('link', { name: 'Dana Park' }).waitFor();

    // The encounter's own follow-up form.
    const followUps = view.getByRole('form', { name: 'Add a follow-up' });
    await followUps.getByRole('button', { name: 'Add follow-up' }).click();
    await expectFieldError(
      followUps.getByRole('textbox', { name: 'New follow-up' }),
      'A follow-up needs some text.',
    );
    expect(await view.getByRole('checkbox').count()).toBe(0);
    await page.keyboard.press('Escape');
    await view.waitFor({ state: 'detached' });
    expect(session.errors).toEqual([]);
  });

  it('person page: edit with no name, merge with nobody chosen, a tie and follow-ups with bad input', async () => {
    await addPerson(page, { name: 'Eli Stone' });
    await goTo(page, 'People');
    await page.getByRole('link', { name: startingWith('Dana Park') }).click();
    await page.getByRole('heading', { level: 1, name: 'Dana Park' }).waitFor();

    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    const edit = page.getByRole('dialog', { name: 'Edit Dana Park' });
    const name = edit.getByRole('textbox', { name: 'Name', exact: true });
    await name.fill('');
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await expectFieldError(name, 'A person needs a name.');
    await edit.getByRole('button', { name: 'Cancel' }).click();
    await edit.waitFor({ state: 'detached' });

    await page.getByRole('button', { name: 'Merge…' }).click();
    const merge = page.getByRole('dialog', { name: 'Merge Dana Park with someone' });
    await merge.getByRole('button', { name: 'Continue' }).click();
    await expectFieldError(
      merge.getByRole('combobox', { name: 'Dana Park is the same person as' }),
      'Choose the person who is the same as Dana Park.',
    );
    await merge.getByRole('button', { name: 'Cancel' }).click();
    await merge.waitFor({ state: 'detached' });

    const tie = page.getByRole('form', { name: 'Add a tie for Dana Park' });
    await tie.getByRole('button', { name: 'Add tie' }).click();
    await expectFieldError(
      tie.getByRole('combobox', { name: 'Tie with' }),
      'Choose who Dana Park has a tie with.',
    );
    await pickPerson(tie.getByRole('combobox', { name: 'Tie with' }), 'Eli Stone');
    await typeDate(tie.getByRole('textbox', { name: 'Since' }), '030120255');
    await tie.getByRole('button', { name: 'Add tie' }).click();
    await expectFieldError(
      tie.getByRole('textbox', { name: 'Since' }),
      'Since must be a real day, like 2026-11-26.',
    );

    const followUp = page.getByRole('form', { name: 'Add a follow-up for Dana Park' });
    await followUp.getByRole('button', { name: 'Add follow-up' }).click();
    await expectFieldError(
      followUp.getByRole('textbox', { name: 'New follow-up' }),
      'A follow-up needs some text.',
    );
    await followUp.getByRole('textbox', { name: 'New follow-up' }).fill('Send the photos');
    await typeDate(followUp.getByRole('textbox', { name: 'Due' }), '120120266');
    await followUp.getByRole('button', { name: 'Add follow-up' }).click();
    await expectFieldError(
      followUp.getByRole('textbox', { name: 'Due' }),
      'Due date must be a real day, like 2026-11-26.',
    );

    // Nothing of it was saved.
    await reloadKith(page);
    await page.getByRole('heading', { level: 1, name: 'Dana Park' }).waitFor();
    await page.getByText('No ties recorded.', { exact: false }).waitFor();
    expect(await page.getByRole('list', { name: 'Follow-ups for Dana Park' }).count()).toBe(0);
    expect(session.errors).toEqual([]);
  });

  it('person page: a follow-up due or a tie since 30 February is refused and nothing is saved, until it is fixed', async () => {
    // Still on Dana Park's page, with no ties or follow-ups.
    const followUp = page.getByRole('form', { name: 'Add a follow-up for Dana Park' });
    const due = followUp.getByRole('textbox', { name: 'Due' });
    await followUp.getByRole('textbox', { name: 'New follow-up' }).fill('Call her');
    await typeDate(due, '02302026');
    await followUp.getByRole('button', { name: 'Add follow-up' }).click();
    await expectFieldError(due, 'Due date must be a real day, like 2026-11-26.');

    const tie = page.getByRole('form', { name: 'Add a tie for Dana Park' });
    const since = tie.getByRole('textbox', { name: 'Since' });
    await pickPerson(tie.getByRole('combobox', { name: 'Tie with' }), 'Eli Stone');
    await typeDate(since, '02302026');
    await tie.getByRole('button', { name: 'Add tie' }).click();
    await expectFieldError(since, 'Since must be a real day, like 2026-11-26.');

    expect(await page.getByRole('list', { name: 'Follow-ups for Dana Park' }).count()).toBe(0);
    await page.getByText('No ties recorded.', { exact: false }).waitFor();

    // Corrected, both save with the day typed.
    await typeDate(due, '03012026');
    await followUp.getByRole('button', { name: 'Add follow-up' }).click();
    const followUps = page.getByRole('list', { name: 'Follow-ups for Dana Park' });
    await followUps.getByText('due 1 Mar 2026').waitFor();
    await followUps.getByText('Call her').waitFor();
    await typeDate(since, '02282026');
    await tie.getByRole('button', { name: 'Add tie' }).click();
    await page
      .getByRole('list', { name: 'Ties of Dana Park' })
      .getByText('since 28 Feb 2026', { exact: false })
      .waitFor();
    expect(session.errors).toEqual([]);
  });

  it('community page: adding a member with nobody chosen', async () => {
    await goTo(page, 'Communities');
    await page.getByRole('button', { name: 'Add community' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Add community' });
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Book club');
    await dialog.getByRole('button', { name: 'Save community' }).click();
    await page.getByRole('heading', { level: 1, name: 'Book club' }).waitFor();

    const add = page.getByRole('form', { name: 'Add a member to Book club' });
    await add.getByRole('button', { name: 'Add member' }).click();
    await expectFieldError(
      add.getByRole('combobox', { name: 'Add member' }),
      'Choose who to add to Book club.',
    );
    await page.getByText('Nobody yet: add members here').waitFor();
    expect(session.errors).toEqual([]);
  });

  it('journal filters: a half-typed or impossible day is not applied, and says so under the filter', async () => {
    await goTo(page, 'Journal');
    const filters = page.getByRole('search', { name: 'Filter encounters' });
    const to = filters.getByRole('textbox', { name: 'To', exact: true });
    const noMatch = page.getByRole('heading', { name: 'No encounters match these filters' });
    // Launch party is far in the future, so "to 1 January 2026" hides it.
    await typeDate(to, '01012026');
    await noMatch.waitFor();

    // Typing again from the first part, as someone coming back to the field would.
    await to.blur();
    await typeDate(to, '02302026');
    await expectFieldError(to, 'To must be a real day, like 2026-11-26.');
    // The list keeps the last whole day rather than dropping the bound.
    await noMatch.waitFor();
    expect(await journalTitles(page)).toEqual([]);

    await filters.getByRole('button', { name: 'Reset filters' }).click();
    await expectJournal(page, ['Launch party']);
    expect(await page.getByText('To must be a real day, like 2026-11-26.').count()).toBe(0);
    expect(session.errors).toEqual([]);
  });
});

/** Types part of a name into a person combobox and picks the suggestion. */
async function pickPerson(box: Locator, name: string): Promise<void> {
  await box.fill(name.slice(0, 3));
  await box
    .page()
    .getByRole('option', { name: startingWith(name) })
    .click();
  await box
    .page()
    .getByRole('button', { name: `Remove ${name}` })
    .waitFor();
}
