import { mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from './app';
import { addPerson, expectEventually, openTransfer, peopleNames, reloadKith, startKith } from './helpers';

describe('import and restore safety in a browser', () => {
  let session: Session;
  let page: Page;
  let folder = '';

  beforeAll(async () => {
    session = await startKith();
    page = session.page;
    folder = await mkdtemp(join(tmpdir(), 'kith-e2e-files-'));
  });
  afterAll(async () => {
    await session?.close();
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  it('refuses a file over the import limit with its size, before reading it', async () => {
    // A real 201 MB file on disk (sparse): the page must refuse it from its size alone.
    const path = join(folder, 'contacts.vcf');
    await writeFile(path, '');
    await truncate(path, 201 * 1024 * 1024);
    await openTransfer(page);
    await page.getByLabel('Choose a file to import').setInputFiles(path);
    await page
      .getByRole('alert')
      .getByText(
        'contacts.vcf is 201 MB; Kith imports files up to 50 MB. Split it into smaller files and import them one after another.',
      )
      .waitFor();
  });

  it('keeps the journal in the browser before a Replace, says where, and brings it back', async () => {
    await addPerson(page, { name: 'Ada Lovelace' });
    await openTransfer(page);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export a backup' }).click(),
    ]);
    const backupPath = (await download.path())!;
    await addPerson(page, { name: 'Added after the backup' });
    const before = await peopleNames(page);

    await openTransfer(page);
    await page.getByLabel('Choose a backup to restore').setInputFiles(backupPath);
    await page.getByText(/with 2 people, 0 encounters/).waitFor();
    await page.getByRole('radio', { name: 'Replace this journal with the backup' }).check();
    await page.getByRole('button', { name: 'Replace journal…' }).click();
    const confirm = page.getByRole('dialog', { name: 'Replace your journal?' });
    await confirm.getByText(/first keeps a copy of this journal as it is now in this browser/).waitFor();
    await confirm.getByRole('button', { name: 'Replace my journal' }).click();
    await page
      .getByText(
        /^Restored .* \(replacing the journal\).* The journal as it was is kept in this browser as “Journal of .*”: find it under “Copies kept in this browser” below, where you can download it or restore it\.$/,
      )
      .waitFor();
    expect(await peopleNames(page)).not.toContain('Added after the backup');

    // The copy is still there after a reload, and restores like any backup.
    await reloadKith(page);
    await openTransfer(page);
    const copies = page.getByRole('list', { name: 'Copies kept in this browser' });
    await copies.getByRole('button', { name: /^Restore Journal of / }).click();
    await page.getByText(/with 3 people, 0 encounters/).waitFor();
    await page.getByRole('button', { name: 'Restore', exact: true }).click();
    await page.getByText(/^Restored .* \(merged\)/).waitFor();
    await expectEventually(async () => expect(await peopleNames(page)).toEqual(before));
    expect(session.errors).toEqual([]);
  });
});
