/**
 * What the fault scenarios do in the app, as a person would: found by role and accessible name.
 * The names the fixed app will add (issue 9) are all in FIXED_APP, so they can be adjusted in one
 * place once that UI lands.
 */
import type { Locator, Page } from 'playwright-core';
import { expectEventually, goTo, journalList, waitForApp, welcome } from '../e2e/helpers';

export const FIXED_APP = {
  /** Settings section listing the documents the device refused to apply. */
  dataHealthHeading: 'Data health',
  setAsideList: 'Documents set aside',
  /** The sync status names refused documents with this word. */
  refusedStatus: /refused/i,
  /** While the server answers garbage or has lost its key document, the status must not say "Synced". */
  brokenServerStatus: /refused|error/i,
  /** Settings › Sync after a passphrase change was cut short. */
  interruptedAlert: /passphrase change was interrupted/i,
  finishButton: 'Finish the passphrase change',
  /** The dialog that button opens (the usual one, titled for finishing). */
  finishDialog: 'Finish the passphrase change',
  currentPassphraseField: 'Current passphrase',
} as const;

/** The same database name on every device of a scenario. */
export const DATABASE = 'journal';

export interface SyncSetup {
  serverUrl: string;
  username: string;
  password: string;
  /** '' syncs without encryption. */
  passphrase: string;
}

/**
 * Settings › Sync, filled in and saved, with "Remember on this device" ticked so the device syncs
 * again after a restart (a kill -9 included).
 */
export async function setUpSync(page: Page, setup: SyncSetup): Promise<void> {
  await goTo(page, 'Settings');
  const form = page.getByRole('form', { name: 'Sync settings' });
  const fields: [Locator, string][] = [
    [form.getByRole('textbox', { name: 'Server address' }), setup.serverUrl],
    [form.getByRole('textbox', { name: 'Database name' }), DATABASE],
    [form.getByRole('textbox', { name: 'Username' }), setup.username],
    [form.getByLabel('Password', { exact: true }), setup.password],
    [form.getByLabel('Passphrase (optional)'), setup.passphrase],
  ];
  for (const [field, value] of fields) await field.fill(value);
  await form.getByRole('checkbox', { name: /^Remember on this device/ }).check();
  await form.getByRole('checkbox', { name: 'Sync this journal' }).check();
  await form.getByRole('button', { name: 'Save' }).click();
  await goTo(page, 'Journal');
}

/** Settings › Sync: a new passphrase typed into the form and saved (what a person does on their other devices). */
export async function enterPassphrase(page: Page, passphrase: string): Promise<void> {
  await goTo(page, 'Settings');
  const form = page.getByRole('form', { name: 'Sync settings' });
  await form.getByLabel('Passphrase (optional)').fill(passphrase);
  await form.getByRole('button', { name: 'Save' }).click();
  await goTo(page, 'Journal');
}

export function syncStatus(page: Page): Locator {
  return page.getByRole('status', { name: 'Sync status' });
}

/** Presses the status's Retry (offered while offline or after an error), if it is there. */
export async function retrySync(page: Page): Promise<void> {
  await syncStatus(page)
    .locator('..')
    .getByRole('button', { name: 'Retry' })
    .click({ timeout: 5_000 })
    .catch(() => undefined);
}

/** The status as one line, its parts (state, reason, last in sync…) separated by " · ". */
export async function syncStatusText(page: Page): Promise<string> {
  const text = await syncStatus(page).evaluate(
    (el) => {
      const parts = [...el.children].map((child) => child.textContent ?? '');
      return parts.length > 0 ? parts.join(' · ') : (el.textContent ?? '');
    },
    undefined,
    { timeout: 5_000 },
  );
  return text.replace(/\s+/g, ' ').trim();
}

export async function waitForStatus(page: Page, text: RegExp, timeoutMs = 60_000): Promise<string> {
  let shown = '';
  await expectEventually(async () => {
    shown = await syncStatusText(page);
    if (!text.test(shown)) throw new Error(`the sync status shows "${shown}", expected ${String(text)}`);
  }, timeoutMs);
  return shown;
}

/**
 * The journal is usable: it opened (no "could not open your journal" screen), the main navigation
 * shows, and the home page shows its encounters or the welcome of an empty journal.
 */
export async function journalUsable(page: Page): Promise<string | null> {
  const shown = async () =>
    (
      (await page
        .locator('body')
        .innerText({ timeout: 5_000 })
        .catch(() => '')) || '(nothing)'
    )
      .replace(/\s+/g, ' ')
      .slice(0, 60);
  try {
    await waitForApp(page);
  } catch {
    return `the app does not open: it shows "${await shown()}"`;
  }
  try {
    await goTo(page, 'Journal');
    await Promise.race([journalList(page).getByRole('article').first().waitFor(), welcome(page).waitFor()]);
    return null;
  } catch {
    return `the journal does not show: the page shows "${await shown()}"`;
  }
}

export async function openTransfer(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Import & export' }).click();
  await page.getByRole('heading', { level: 1, name: 'Import & export' }).waitFor();
}

/**
 * Import & export › Choose a file to import → the preview → Import. Returns the preview's summary
 * ("This import adds 5,000 people."), read before Import is pressed; does not wait for the end.
 */
export async function startImport(page: Page, file: string): Promise<string> {
  await openTransfer(page);
  await page.getByLabel('Choose a file to import').setInputFiles(file);
  // The preview, or the app's reason for not showing one (a file over the import limits, say).
  const preview = page.getByRole('heading', { name: 'Preview: nothing is saved until you import' });
  const refused = page.getByRole('region', { name: 'Import', exact: true }).getByRole('alert');
  await preview.or(refused).first().waitFor({ timeout: 120_000 });
  if ((await preview.count()) === 0)
    throw new Error(`the import shows no preview: "${(await refused.first().textContent())?.slice(0, 120)}"`);
  const summary = (await page.getByText(/^This import /).textContent()) ?? '';
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  return summary;
}

/** Import & export › Choose a backup to restore → Replace this journal → confirm; does not wait for the end. */
export async function startReplaceRestore(page: Page, backupFile: string): Promise<void> {
  await openTransfer(page);
  await page.getByLabel('Choose a backup to restore').setInputFiles(backupFile);
  await page
    .getByText(/^: a backup of .* with /)
    .or(page.getByText(/a backup of .* with /))
    .first()
    .waitFor({
      timeout: 60_000,
    });
  await page.getByRole('radio', { name: 'Replace this journal with the backup' }).check();
  await page.getByRole('button', { name: 'Replace journal…' }).click();
  await page
    .getByRole('dialog', { name: 'Replace your journal?' })
    .getByRole('button', { name: 'Replace my journal' })
    .click();
}

function passphraseDialog(page: Page, name = 'Change sync passphrase'): Locator {
  return page.getByRole('dialog', { name });
}

/** Fills the "Change sync passphrase" dialog and presses Re-encrypt; `current` only where the dialog asks for it. */
async function fillPassphraseDialog(dialog: Locator, next: string, current?: string): Promise<void> {
  if (current !== undefined)
    await dialog.getByLabel(FIXED_APP.currentPassphraseField, { exact: true }).fill(current);
  await dialog.getByLabel('New passphrase', { exact: true }).fill(next);
  await dialog.getByLabel('Repeat the new passphrase').fill(next);
  await dialog.getByRole('button', { name: 'Re-encrypt the journal' }).click();
}

/** Settings › Sync › Change passphrase → Re-encrypt the journal; returns the open dialog (not waited for). */
export async function startPassphraseChange(page: Page, next: string): Promise<Locator> {
  await goTo(page, 'Settings');
  await page.getByRole('button', { name: 'Change passphrase' }).click();
  const dialog = passphraseDialog(page);
  await fillPassphraseDialog(dialog, next);
  return dialog;
}

/**
 * After an interrupted change, the fixed app shows an alert in Settings › Sync and a button that
 * opens the usual dialog with the current passphrase as well. Null when done; else what was missing.
 */
export async function finishInterruptedChange(
  page: Page,
  passphrases: { current: string; next: string },
): Promise<string | null> {
  await goTo(page, 'Settings');
  const alert = page.getByRole('alert').filter({ hasText: FIXED_APP.interruptedAlert });
  try {
    await alert.first().waitFor({ timeout: 15_000 });
  } catch {
    return 'Settings does not say the passphrase change was interrupted';
  }
  await alert.first().getByRole('button', { name: FIXED_APP.finishButton }).click();
  const dialog = passphraseDialog(page, FIXED_APP.finishDialog);
  await fillPassphraseDialog(dialog, passphrases.next, passphrases.current);
  try {
    await dialog.waitFor({ state: 'detached', timeout: 120_000 });
  } catch {
    const problem =
      (await dialog
        .getByRole('alert')
        .textContent()
        .catch(() => '')) ?? '';
    return `finishing the change failed${problem ? `: ${problem}` : ''}`;
  }
  return null;
}

/** Settings › Data health › Documents set aside: how many it lists (null: no such list). */
export async function documentsSetAside(page: Page): Promise<number | null> {
  await goTo(page, 'Settings');
  const heading = page.getByRole('heading', { name: FIXED_APP.dataHealthHeading });
  try {
    await heading.waitFor({ timeout: 3_000 });
  } catch {
    return null;
  }
  const list = page.getByRole('list', { name: FIXED_APP.setAsideList });
  if ((await list.count()) === 0) return null;
  return list.getByRole('listitem').count();
}

/** Opens an encounter from the journal and gives it a new title. */
export async function retitleEncounter(page: Page, title: string, newTitle: string): Promise<void> {
  await goTo(page, 'Journal');
  await journalList(page).getByRole('button', { name: title }).click();
  await page.getByRole('dialog', { name: title }).getByRole('button', { name: 'Edit encounter' }).click();
  const form = page.getByRole('dialog', { name: `Edit: ${title}` });
  await form.getByRole('textbox', { name: 'Title' }).fill(newTitle);
  await form.getByRole('button', { name: 'Save changes' }).click();
  await page.getByRole('dialog', { name: newTitle }).waitFor();
  await page.keyboard.press('Escape');
}
