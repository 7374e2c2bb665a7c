import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayString } from '../../shared/domain/days';
import type { Session } from './app';
import {
  addPerson,
  expectEventually,
  expectJournal,
  goTo,
  openTransfer,
  peopleNames,
  recordEncounter,
  startingWith,
  startKith,
  toasts,
} from './helpers';

/** A vCard 3.0 export as phones write it: CRLF, a folded line, an escaped comma, and a last card cut short. */
const CONTACTS_VCF = [
  'BEGIN:VCARD',
  'VERSION:3.0',
  'N:Lovelace;Ada;;;',
  'FN:Ada Lovelace',
  'ORG:Analytical Engines\\, Ltd',
  'EMAIL;TYPE=INTERNET:ada@example.org',
  'BDAY:1815-12-10',
  "ADR;TYPE=HOME:;;12 St James's Square;London;;SW1Y 4JH;United Kingdom",
  'NOTE:Wrote the first program for a machine that was never fin',
  ' ished.',
  'END:VCARD',
  'BEGIN:VCARD',
  'VERSION:3.0',
  'N:Hopper;Grace;;;',
  'FN:Grace Hopper',
  'EMAIL;TYPE=INTERNET:grace@navy.example',
  'END:VCARD',
  'BEGIN:VCARD',
  'VERSION:3.0',
  'FN:Cut Short',
  '',
].join('\r\n');

/** LinkedIn's Connections.csv with its "Notes:" preamble before the header. */
const CONNECTIONS_CSV = [
  'Notes:',
  '"When exporting your connection data, you may notice that some of the email addresses are missing. You will only see email addresses for connections who have allowed their connections to see or download their email address."',
  '',
  'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
  'Linus,Torvalds,https://www.linkedin.com/in/linus-example,,"Linux Foundation, Inc.",Fellow,12 Mar 2024',
  'Grace,Hopper,https://www.linkedin.com/in/grace-example,grace@navy.example,US Navy,Rear Admiral,01 Feb 2023',
  '',
].join('\n');

async function pickImport(page: Page, name: string, mimeType: string, text: string): Promise<void> {
  await page
    .getByLabel('Choose a file to import')
    .setInputFiles({ name, mimeType, buffer: Buffer.from(text) });
  await page.getByRole('heading', { name: 'Preview: nothing is saved until you import' }).waitFor();
}

describe('import, export and restore through the UI', () => {
  let laptop: Session;
  let fresh: Session | undefined;
  let page: Page;
  let backupPath = '';
  const today = todayString();

  beforeAll(async () => {
    laptop = await startKith();
    page = laptop.page;
    await addPerson(page, { name: 'Grace Hopper' });
  });
  afterAll(async () => {
    await laptop?.close();
    await fresh?.close();
  });

  it('imports a .vcf after the person settles a likely duplicate', async () => {
    await openTransfer(page);
    await pickImport(page, 'contacts.vcf', 'text/vcard', CONTACTS_VCF);
    await expect(page.getByRole('combobox', { name: 'Format' }).inputValue()).resolves.toBe('vcard');

    // Grace is in the journal without an email: only her name matches, so Kith asks.
    expect(await page.getByRole('radio', { name: startingWith('Likely duplicates (1)') }).isChecked()).toBe(
      true,
    );
    const grace = page.getByRole('combobox', { name: 'What to do with Grace Hopper' });
    await expect(grace.inputValue()).resolves.toBe('create');
    await grace.selectOption({ label: 'Update Grace Hopper in your journal (similar name)' });
    await page.getByText('This import adds 1 person, updates 1.').waitFor();

    // The card cut short is listed with where it is, and does not stop the rest.
    const problems = page.getByRole('list', { name: /^Problems/ });
    await expect(problems.textContent()).resolves.toMatch(/record 3, line 18: .*END:VCARD/);

    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByText('Imported contacts.vcf: 1 person added, 1 updated.').waitFor();
    await toasts(page).getByRole('button', { name: 'Undo' }).waitFor();
  });

  it('imports LinkedIn connections, matching the same email to the same person', async () => {
    await pickImport(page, 'Connections.csv', 'text/csv', CONNECTIONS_CSV);
    await expect(page.getByRole('combobox', { name: 'Format' }).inputValue()).resolves.toBe('linkedin-csv');
    const grace = page.getByRole('combobox', { name: 'What to do with Grace Hopper' });
    // The same email settles it: Kith proposes the update without asking.
    await expect(grace.locator('option:checked').textContent()).resolves.toMatch(
      /^Update Grace Hopper in your journal \(same email/,
    );
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByText(/^Imported Connections\.csv: 1 person added, 1 updated\./).waitFor();

    expect(await peopleNames(page)).toEqual([
      expect.stringMatching(/^Ada Lovelace/),
      expect.stringMatching(/^Grace Hopper/),
      expect.stringMatching(/^Linus Torvalds/),
      expect.stringMatching(/^Me/),
    ]);
  });

  it('shows what the contacts brought on the person page', async () => {
    await page
      .getByRole('list', { name: 'People' })
      .getByRole('link', { name: startingWith('Ada Lovelace') })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Ada Lovelace' }).waitFor();
    await page.getByText('Analytical Engines, Ltd').first().waitFor();
    // The browser runs in en-US (see support/browser.ts).
    await page.getByText('December 10, 1815').waitFor();
    await page.getByText(/12 St James's Square/).waitFor();
  });

  it('exports a backup as a download', async () => {
    await recordEncounter(page, {
      people: ['Ada Lovelace', 'Linus Torvalds'],
      title: 'Engine demo',
      date: addDays(today, -2),
    });
    await recordEncounter(page, {
      people: ['Grace Hopper'],
      title: 'Compiler chat',
      date: addDays(today, -1),
    });
    await openTransfer(page);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export a backup' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^kith-backup-.*\.json$/);
    backupPath = (await download.path())!;
    const backup = JSON.parse(await readFile(backupPath, 'utf8')) as {
      format: string;
      collections: { people: unknown[]; encounters: unknown[] };
    };
    expect(backup.format).toBe('kith-backup');
    expect(backup.collections.people).toHaveLength(4);
    expect(backup.collections.encounters).toHaveLength(2);
  });

  it('restores it into a fresh profile, which then shows the same journal', async () => {
    const before = await peopleNames(page);
    fresh = await startKith();
    const other = fresh.page;
    await openTransfer(other);
    await other.getByLabel('Choose a backup to restore').setInputFiles(backupPath);
    await other.getByText(/with 4 people, 2 encounters/).waitFor();
    await other.getByRole('radio', { name: 'Replace this journal with the backup' }).check();
    await other.getByRole('button', { name: 'Replace journal…' }).click();
    const confirm = other.getByRole('dialog', { name: 'Replace your journal?' });
    await confirm.getByRole('button', { name: 'Replace my journal' }).click();
    await other.getByText(/^Restored .* \(replacing the journal\)/).waitFor();

    await goTo(other, 'Journal');
    await expectJournal(other, ['Compiler chat', 'Engine demo']);
    await expectEventually(async () => expect(await peopleNames(other)).toEqual(before));
    expect(laptop.errors).toEqual([]);
    expect(fresh.errors).toEqual([]);
  });
});
