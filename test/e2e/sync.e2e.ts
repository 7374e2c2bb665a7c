import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSyncServer, type SyncServer } from '../../scripts/sync-server/server.mjs';
import type { Session } from './app';
import { expectEventually, expectJournal, goTo, recordEncounter, startKith } from './helpers';

const USER = 'kith';
const PASSWORD = 'e2e-password';
const PASSPHRASE = 'correct horse battery staple';
const DATABASE = 'journal';

/** What the person sees in the sidebar, in one string. */
function indicator(page: Page): Locator {
  return page.getByRole('status', { name: 'Sync status' });
}

async function expectIndicator(page: Page, text: RegExp, timeoutMs = 20_000): Promise<void> {
  await expectEventually(async () => {
    const shown = (await indicator(page).textContent()) ?? '';
    if (!text.test(shown)) throw new Error(`the sync status shows "${shown}", expected ${String(text)}`);
  }, timeoutMs);
}

/** Settings › Sync, filled in and saved, as a person setting up a device would. */
async function setUpSync(
  page: Page,
  server: SyncServer,
  options: { test?: boolean; passphrase?: string } = {},
): Promise<void> {
  await goTo(page, 'Settings');
  const form = page.getByRole('form', { name: 'Sync settings' });
  await form.getByRole('textbox', { name: 'Server address' }).fill(server.url);
  await form.getByRole('textbox', { name: 'Database name' }).fill(DATABASE);
  await form.getByRole('textbox', { name: 'Username' }).fill(USER);
  await form.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await form.getByLabel('Passphrase (optional)').fill(options.passphrase ?? PASSPHRASE);
  if (options.test) {
    await form.getByRole('button', { name: 'Test connection' }).click();
    await form.getByText(/^Connected: the database holds \d+ documents?\.$/).waitFor();
  }
  await form.getByRole('checkbox', { name: 'Sync this journal' }).check();
  await form.getByRole('button', { name: 'Save' }).click();
  await goTo(page, 'Journal');
}

/** The raw documents on the server, read over HTTP as whoever runs the server could. */
async function serverDocuments(server: SyncServer): Promise<Record<string, unknown>[]> {
  const response = await fetch(`${server.url}${DATABASE}/_all_docs?include_docs=true`, {
    headers: { Authorization: `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}` },
  });
  expect(response.status).toBe(200);
  const body = (await response.json()) as { rows: { doc: Record<string, unknown> }[] };
  return body.rows.map((row) => row.doc);
}

/** Opens an encounter from the journal, edits its title, saves and closes it. */
async function renameEncounter(page: Page, from: string, to: string): Promise<void> {
  await page.getByRole('button', { name: from }).click();
  await page.getByRole('dialog', { name: from }).getByRole('button', { name: 'Edit encounter' }).click();
  const edit = page.getByRole('dialog', { name: `Edit: ${from}` });
  await edit.getByRole('textbox', { name: 'Title' }).fill(to);
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await page.getByRole('dialog', { name: to }).waitFor();
  await page.keyboard.press('Escape');
}

/** Chromium logs each refused connection as a console error: expected while the server is down. */
function unexpectedErrors(session: Session): string[] {
  return session.errors.filter(
    (error) => !/ERR_CONNECTION_REFUSED|ERR_EMPTY_RESPONSE|Failed to load resource/.test(error),
  );
}

/**
 * Two devices (two isolated browser profiles) of one person sync their journal through a server the
 * test starts, end-to-end encrypted with a passphrase.
 */
describe('sync between two devices', () => {
  let server: SyncServer;
  let laptop: Session;
  let desktop: Session;

  beforeAll(async () => {
    server = await createSyncServer({ memory: true, port: 0, username: USER, password: PASSWORD });
    [laptop, desktop] = [await startKith(), await startKith()];
  });
  afterAll(async () => {
    await laptop?.close();
    await desktop?.close();
    await server?.close();
  });

  it('sets up both devices from Settings › Sync, and each says it is synced', async () => {
    await setUpSync(laptop.page, server, { test: true });
    await expectIndicator(laptop.page, /^Synced/);
    await setUpSync(desktop.page, server);
    await expectIndicator(desktop.page, /^Synced/);
    await expectIndicator(desktop.page, /Last in sync just now/);
  });

  it('shows an encounter made on one device on the other within 2 s', async () => {
    await recordEncounter(laptop.page, { newPeople: ['Ana Lopez'], title: 'Coffee with Ana', place: 'Lyon' });
    const saved = Date.now();
    await expectJournal(desktop.page, ['Coffee with Ana']);
    const elapsed = Date.now() - saved;
    // The issue's figure: an edit visible on the other device within 2 s.
    expect(elapsed).toBeLessThan(2_000);
    await desktop.page
      .getByRole('article', { name: 'Coffee with Ana' })
      .getByRole('link', { name: 'Ana Lopez' })
      .waitFor();
  });

  it('carries edits both ways', async () => {
    await renameEncounter(desktop.page, 'Coffee with Ana', 'Coffee and cake with Ana');
    await expectJournal(laptop.page, ['Coffee and cake with Ana']);
    await renameEncounter(laptop.page, 'Coffee and cake with Ana', 'Long coffee with Ana');
    await expectJournal(desktop.page, ['Long coffee with Ana']);
    await expectIndicator(laptop.page, /^Synced/);
    await expectIndicator(desktop.page, /^Synced/);
  });

  it('leaves only ciphertext on the server', async () => {
    const docs = await serverDocuments(server);
    expect(docs.length).toBeGreaterThan(1);
    const raw = JSON.stringify(docs);
    for (const plain of ['Ana Lopez', 'Long coffee', 'Coffee', 'Lyon']) expect(raw).not.toContain(plain);
    // Besides the journal's documents, only the key check and the journal's random id are there.
    const journalDocs = docs.filter((doc) => typeof doc.c === 'string');
    expect(docs.filter((doc) => !journalDocs.includes(doc)).map((doc) => doc._id)).toEqual([
      'kith-journal',
      'kith-key',
    ]);
    expect(journalDocs.length).toBeGreaterThanOrEqual(2);
    for (const doc of journalDocs) {
      expect(doc).toMatchObject({ enc: true, data: expect.any(String), iv: expect.any(String) });
      expect(doc).not.toHaveProperty('doc');
    }
  });

  it('stops a third device with the wrong passphrase, says why, and writes nothing', async () => {
    const before = await serverDocuments(server);
    const stranger = await startKith();
    try {
      await setUpSync(stranger.page, server, { passphrase: 'not the passphrase' });
      await expectIndicator(stranger.page, /^Sync error.*does not match/);
      await indicator(stranger.page).locator('..').getByRole('button', { name: 'Retry' }).waitFor();
      expect(await serverDocuments(server)).toEqual(before);
      await stranger.page.getByRole('heading', { name: 'Start your journal' }).waitFor();
    } finally {
      await stranger.close();
    }
  });

  it('says offline while the server is down, keeps edits made on both sides, and converges when it is back', async () => {
    await server.pause();
    await expectIndicator(laptop.page, /^Offline — retrying/);
    await expectIndicator(desktop.page, /^Offline — retrying/);
    await expectIndicator(laptop.page, /Last in sync/);

    await recordEncounter(laptop.page, { people: ['Ana Lopez'], title: 'Lunch on the train' });
    await recordEncounter(desktop.page, { people: ['Ana Lopez'], title: 'Walk by the river' });
    await renameEncounter(desktop.page, 'Long coffee with Ana', 'Coffee, renamed offline');

    await server.resume();
    const all = ['Coffee, renamed offline', 'Lunch on the train', 'Walk by the river'].sort();
    for (const page of [laptop.page, desktop.page]) {
      await expectEventually(async () => {
        const titles = await page
          .getByRole('region', { name: 'Encounters' })
          .getByRole('article')
          .evaluateAll((rows) => rows.map((row) => row.getAttribute('aria-label') ?? ''));
        expect([...titles].sort()).toEqual(all);
      }, 45_000);
      await expectIndicator(page, /^Synced/, 45_000);
    }
    expect(unexpectedErrors(laptop)).toEqual([]);
    expect(unexpectedErrors(desktop)).toEqual([]);
  });

  it('changes the passphrase on one device; the other says it no longer matches, then syncs on with the new one', async () => {
    const renewed = 'a brand new passphrase';
    const keyBefore = (await serverDocuments(server)).find((doc) => doc._id === 'kith-key');
    await goTo(laptop.page, 'Settings');
    await laptop.page.getByRole('button', { name: 'Change passphrase' }).click();
    const dialog = laptop.page.getByRole('dialog', { name: 'Change sync passphrase' });
    await dialog.getByLabel('New passphrase', { exact: true }).fill(renewed);
    await dialog.getByLabel('Repeat the new passphrase').fill(renewed);
    await dialog.getByRole('button', { name: 'Re-encrypt the journal' }).click();
    await dialog.waitFor({ state: 'detached', timeout: 30_000 });
    await goTo(laptop.page, 'Journal');
    await expectIndicator(laptop.page, /^Synced/);
    await recordEncounter(laptop.page, { people: ['Ana Lopez'], title: 'After the new passphrase' });

    await expectIndicator(desktop.page, /^Sync error.*does not match/, 45_000);
    await goTo(desktop.page, 'Settings');
    await desktop.page.getByLabel('Passphrase (optional)').fill(renewed);
    await desktop.page
      .getByRole('form', { name: 'Sync settings' })
      .getByRole('button', { name: 'Save' })
      .click();
    await goTo(desktop.page, 'Journal');
    await desktop.page
      .getByRole('article', { name: 'After the new passphrase' })
      .waitFor({ timeout: 20_000 });
    await expectIndicator(desktop.page, /^Synced/);

    const docs = await serverDocuments(server);
    expect(docs.find((doc) => doc._id === 'kith-key')).not.toEqual(keyBefore);
    expect(JSON.stringify(docs)).not.toContain('After the new passphrase');
  });
});
