import type { Locator, Page } from 'playwright-core';
import { inject } from 'vitest';
import type { CollectionName } from '../../shared/db';
import { openApp, type Session } from './app';

/**
 * Long enough for a slow, busy machine; short enough that a missing element fails the test in
 * seconds rather than after Playwright's default 30 s.
 */
const ACTION_TIMEOUT_MS = 10_000;

/** Opens Kith on a fresh profile and waits until it is usable. */
export async function startKith(options: { colorScheme?: 'light' | 'dark' } = {}): Promise<Session> {
  const session = await openApp(options);
  session.context.setDefaultTimeout(ACTION_TIMEOUT_MS);
  await waitForApp(session.page);
  return session;
}

/** Opens Kith on a fresh profile holding `docs`, written past every check. */
export async function startKithWith(docs: Partial<Record<CollectionName, object[]>>): Promise<Session> {
  const session = await startKith();
  await writePastValidation(session, docs);
  return session;
}

/** Leaves the app for the bench page on the same origin, runs `setUp` there, and comes back. */
export async function withAppClosed(session: Session, setUp: (page: Page) => Promise<void>): Promise<void> {
  const { page } = session;
  await page.goto(`${inject('appUrl')}bench/`);
  await page.waitForFunction(() => window.kithBench !== undefined);
  await setUp(page);
  // What the bench page logged (its missing favicon) is not the app's; the app's own errors count.
  session.errors.length = 0;
  await page.goto(inject('appUrl'));
  await waitForApp(page);
}

/** Writes documents into the app's own database past every check (as another device or an old backup might have). */
export function writePastValidation(session: Session, docs: Partial<Record<CollectionName, object[]>>) {
  return withAppClosed(session, (page) =>
    page.evaluate((d) => window.kithBench!.writePastValidation('kith', d), docs as never),
  );
}

/** Opens Kith on a fresh profile and fills it with the sample journal, as a new user exploring would. */
export async function startWithSample(): Promise<Session> {
  const session = await startKith();
  await welcome(session.page).waitFor();
  await session.page.getByRole('button', { name: 'Explore a sample journal' }).click();
  await session.page.getByRole('article').first().waitFor();
  return session;
}

/** Quits and relaunches the browser on the same profile, then waits until Kith is usable again. */
export async function restartKith(session: Session): Promise<Page> {
  await session.restart();
  session.context.setDefaultTimeout(ACTION_TIMEOUT_MS);
  await waitForApp(session.page);
  return session.page;
}

/** Reloads the page and waits until Kith is usable again. */
export async function reloadKith(page: Page): Promise<void> {
  await page.reload();
  await waitForApp(page);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Matches an accessible name that starts with `text` (options and rows add details after the name). */
export function startingWith(text: string): RegExp {
  return new RegExp(`^${escapeRegExp(text)}`);
}

/**
 * Re-runs `assertion` until it stops throwing, for state that settles a moment after an action
 * (a live query re-rendering, a toast appearing). Fails with the last error after `timeoutMs`.
 */
export async function expectEventually(
  assertion: () => Promise<void> | void,
  timeoutMs = ACTION_TIMEOUT_MS,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await assertion();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

/** The app is usable once the journal has opened and the main navigation shows. */
export async function waitForApp(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
}

export async function goTo(
  page: Page,
  section: 'Journal' | 'People' | 'Communities' | 'Network' | 'Keep in touch' | 'Settings',
): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: section }).click();
}

/** Goes to the network page and waits for its heading. */
export async function openNetwork(page: Page): Promise<void> {
  await goTo(page, 'Network');
  await page.getByRole('heading', { name: 'Network', level: 1 }).waitFor();
}

/**
 * The names of the encounter rows (articles named by their headings) inside `scope`, top to bottom,
 * read in one go: reading row by row races the list re-rendering underneath.
 */
export function articleNames(scope: Locator): Promise<string[]> {
  return scope
    .getByRole('article')
    .evaluateAll((rows) => rows.map((row) => row.getAttribute('aria-label') ?? ''));
}

/** The encounters shown in the journal, by their headings, top to bottom. */
export function journalList(page: Page): Locator {
  return page.getByRole('region', { name: 'Encounters' });
}

export async function journalTitles(page: Page): Promise<string[]> {
  return articleNames(journalList(page));
}

/** Waits until the journal lists exactly these encounters, newest first. */
export async function expectJournal(page: Page, titles: string[]): Promise<void> {
  await expectEventually(async () => {
    const shown = await journalTitles(page);
    if (JSON.stringify(shown) !== JSON.stringify(titles)) {
      throw new Error(`journal shows ${JSON.stringify(shown)}, expected ${JSON.stringify(titles)}`);
    }
  });
}

/** The welcome screen a journal with no encounters shows. */
export function welcome(page: Page): Locator {
  return page.getByRole('heading', { name: 'Start your journal' });
}

export function toasts(page: Page): Locator {
  return page.getByRole('status', { name: 'Notifications' });
}

export interface PersonDetails {
  name: string;
  organisation?: string;
  emails?: string;
}

/** People → Add person → Save person; ends on the new person's page. */
export async function addPerson(page: Page, person: PersonDetails): Promise<void> {
  await goTo(page, 'People');
  await page.getByRole('button', { name: 'Add person', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Add person' });
  await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill(person.name);
  if (person.organisation)
    await dialog.getByRole('textbox', { name: 'Organisation' }).fill(person.organisation);
  if (person.emails) await dialog.getByRole('textbox', { name: 'Emails' }).fill(person.emails);
  await dialog.getByRole('button', { name: 'Save person' }).click();
  await page.getByRole('heading', { level: 1, name: person.name }).waitFor();
}

export interface EncounterEntry {
  /** Names of people already in the journal, picked from the suggestions. */
  people?: string[];
  /** Names of people to create along with the encounter. */
  newPeople?: string[];
  title?: string;
  place?: string;
  context?: string;
  community?: string;
  date?: string;
}

/** Opens quick-add with Ctrl+N. */
export async function openQuickAdd(page: Page): Promise<Locator> {
  await page.keyboard.press('Control+n');
  const dialog = page.getByRole('dialog', { name: 'New encounter' });
  await dialog.waitFor();
  return dialog;
}

/** Types a name into the participant box and presses Enter, as a keyboard user would. */
export async function addParticipant(dialog: Locator, name: string, kind: 'existing' | 'new'): Promise<void> {
  const box = dialog.getByRole('combobox', { name: 'People met' });
  await box.fill(name);
  // An existing person's option also shows their organisation after the name.
  const optionName = kind === 'existing' ? startingWith(name) : `Add “${name}” as a new person`;
  // Enter picks the highlighted suggestion: make sure it is the one meant.
  await dialog.getByRole('option', { name: optionName, selected: true }).waitFor();
  await box.press('Enter');
  // Each participant shows as a chip with a remove button.
  const chip = kind === 'existing' ? name : `${name} (new)`;
  await dialog.getByRole('button', { name: `Remove ${chip}`, exact: true }).waitFor();
}

/** Fills the quick-add form's fields other than the participants. */
export async function fillEncounter(dialog: Locator, entry: EncounterEntry): Promise<void> {
  for (const name of entry.people ?? []) await addParticipant(dialog, name, 'existing');
  for (const name of entry.newPeople ?? []) await addParticipant(dialog, name, 'new');
  if (entry.date !== undefined) await dialog.getByRole('textbox', { name: 'Date' }).fill(entry.date);
  if (entry.context)
    await dialog.getByRole('combobox', { name: 'Context' }).selectOption({ label: entry.context });
  if (entry.community)
    await dialog.getByRole('combobox', { name: 'Community' }).selectOption({ label: entry.community });
  if (entry.title) await dialog.getByRole('textbox', { name: 'Title' }).fill(entry.title);
  if (entry.place) await dialog.getByRole('textbox', { name: 'Place' }).fill(entry.place);
}

/** Ctrl+N, fill, Save encounter; waits for the dialog to close. */
export async function recordEncounter(page: Page, entry: EncounterEntry): Promise<void> {
  const dialog = await openQuickAdd(page);
  await fillEncounter(dialog, entry);
  await dialog.getByRole('button', { name: 'Save encounter' }).click();
  await dialog.waitFor({ state: 'detached' });
}

/** Whether the element has keyboard focus. */
export function isFocused(locator: Locator): Promise<boolean> {
  return locator.evaluate((el) => el === document.activeElement);
}

/** The body's background as [r, g, b]. */
export async function bodyBackground(page: Page): Promise<[number, number, number]> {
  const colour = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const channels = /rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(colour);
  if (!channels) throw new Error(`unexpected background colour ${colour}`);
  return [Number(channels[1]), Number(channels[2]), Number(channels[3])];
}

/** Relative luminance from 0 (black) to 1 (white), near enough to tell dark from light. */
export function luminance([r, g, b]: [number, number, number]): number {
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
}

/**
 * The field is marked invalid and its message is both visible and announced with it (linked by
 * aria-describedby), as a screen-reader user would hear it on reaching the field.
 */
export async function expectFieldError(field: Locator, message: string): Promise<void> {
  await expectEventually(async () => {
    const state = await field.evaluate((el) => ({
      invalid: el.getAttribute('aria-invalid'),
      description: (el.getAttribute('aria-describedby') ?? '')
        .split(/\s+/)
        .map((id) => (id ? (document.getElementById(id)?.textContent ?? '') : ''))
        .join(' '),
    }));
    if (state.invalid !== 'true' || !state.description.includes(message)) {
      throw new Error(`field is ${JSON.stringify(state)}, expected invalid with “${message}”`);
    }
  });
  await field.page().getByText(message, { exact: true }).first().waitFor();
}

/**
 * Types a date key by key into a freshly shown date field, as someone typing it would. Chromium lays
 * the field out in the browser's language (month, day, year in en-US, the default where LANG is
 * unset), and focusing a fresh field lands in its first part.
 */
export async function typeDate(field: Locator, monthDayYear: string): Promise<void> {
  const language = await field.page().evaluate(() => navigator.language);
  if (language !== 'en-US') {
    throw new Error(
      `typeDate types month, day, year; this browser runs in ${language} (set LANG=en_US.UTF-8)`,
    );
  }
  await field.focus();
  await field.page().keyboard.type(monthDayYear);
}

/** Opens Import & export from the sidebar. */
export async function openTransfer(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Import & export' }).click();
  await page.getByRole('heading', { level: 1, name: 'Import & export' }).waitFor();
}

/** The names on the People page, sorted. */
export async function peopleNames(page: Page): Promise<string[]> {
  await goTo(page, 'People');
  const list = page.getByRole('list', { name: 'People' });
  await list.waitFor();
  return (await list.getByRole('link').allTextContents()).map((text) => text.trim()).sort();
}

/** A person's strength as the network table shows it, in percent. */
export async function strengthOnMap(page: Page, name: string): Promise<number> {
  const row = page
    .getByRole('table', { name: 'People on the map' })
    .getByRole('row', { name: new RegExp(name) });
  const text = (await row.textContent({ timeout: 20_000 })) ?? '';
  return Number(/(\d+)%/.exec(text)?.[1] ?? NaN);
}
