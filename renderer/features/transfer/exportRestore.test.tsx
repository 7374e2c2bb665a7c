// @vitest-environment happy-dom
import { screen, waitFor, within } from '@testing-library/react';
import { IDBFactory, IDBObjectStore } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPerson, recordEncounter, type KithDatabase } from '../../../shared/db';
import { openTestDatabase, snapshot } from '../../../shared/db/testing';
import { backupToJson, createBackup } from '../../../shared/transfer';
import { capturedDownloads } from '../../app/testing/downloads';
import { journalCopies } from './journalCopies';
import { renderWithDb } from '../../app/testing/renderWithDb';
import { TransferPage } from './TransferPage';

let teardown: (() => Promise<void>) | undefined;
const downloads = capturedDownloads();

beforeEach(() => {
  // The browser's own storage, where a copy of the journal goes before a Replace: fresh per test.
  vi.stubGlobal('indexedDB', new IDBFactory());
});
afterEach(async () => {
  await teardown?.();
  teardown = undefined;
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

async function seedJournal(db: KithDatabase): Promise<void> {
  const ada = (await createPerson(db, { name: 'Ada Lovelace', emails: ['ada@example.org'] })).person;
  await recordEncounter(db, { date: '2026-03-14', title: 'Engine demo', participantIds: [ada.id] });
}

async function showPage(db?: KithDatabase) {
  const rendered = await renderWithDb(<TransferPage />, { path: '/transfer', db });
  teardown = rendered.teardown;
  return rendered;
}

describe('export in a browser', () => {
  it('downloads a backup of the whole journal', async () => {
    const db = await openTestDatabase();
    await seedJournal(db);
    const { user } = await showPage(db);
    await user.click(screen.getByRole('button', { name: 'Export a backup' }));
    await screen.findByText(/^Saved kith-backup-\d{4}-\d{2}-\d{2}\.json\.$/);
    expect(downloads).toHaveLength(1);
    const backup = JSON.parse(await downloads[0]!.blob.text()) as {
      format: string;
      collections: { encounters: { title: string }[] };
    };
    expect(backup.format).toBe('kith-backup');
    expect(backup.collections.encounters.map((e) => e.title)).toEqual(['Engine demo']);
  });

  it('downloads people as vCard and the network at the chosen day', async () => {
    const db = await openTestDatabase();
    await seedJournal(db);
    const { user } = await showPage(db);
    await user.click(screen.getByRole('button', { name: 'Export people (vCard)' }));
    await waitFor(() => expect(downloads).toHaveLength(1));
    expect(downloads[0]!.name).toMatch(/^kith-people-.*\.vcf$/);
    expect(await downloads[0]!.blob.text()).toContain('FN:Ada Lovelace');

    const day = screen.getByLabelText('Network as of');
    await user.clear(day);
    await user.type(day, '2026-04-01');
    await user.click(screen.getByRole('button', { name: 'Export network (GraphML)' }));
    await waitFor(() => expect(downloads).toHaveLength(2));
    expect(downloads[1]!.name).toBe('kith-network-2026-04-01.graphml');
    expect(await downloads[1]!.blob.text()).toContain('<graphml');
  });
});

describe('restore', () => {
  async function backupFile(seed: (db: KithDatabase) => Promise<void>) {
    const source = await openTestDatabase();
    await seed(source);
    const text = backupToJson(await createBackup(source));
    const state = await snapshot(source);
    await source.remove();
    return { file: new File([text], 'kith-backup-2026-11-26.json', { type: 'application/json' }), state };
  }

  it('replaces the journal only after an explicit confirmation, keeping a copy in the browser first', async () => {
    const { file, state } = await backupFile(seedJournal);
    const { user, db } = await showPage();
    await createPerson(db, { name: 'Someone to lose' });
    const mine = await snapshot(db);
    const documents = Object.values((await createBackup(db)).collections).flat().length;

    await user.upload(screen.getByLabelText(/^Choose a backup to restore/), file);
    await screen.findByText(/with 2 people, 1 encounter, 0 communities/);
    await user.click(screen.getByRole('radio', { name: 'Replace this journal with the backup' }));
    await user.click(screen.getByRole('button', { name: 'Replace journal…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Replace your journal?' });
    expect(
      within(dialog).getByText(/first keeps a copy of this journal as it is now in this browser/),
    ).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect((await db.people.find().exec()).map((p) => p.name)).toContain('Someone to lose');

    await user.click(screen.getByRole('button', { name: 'Replace journal…' }));
    await user.click(
      within(await screen.findByRole('dialog', { name: 'Replace your journal?' })).getByRole('button', {
        name: 'Replace my journal',
      }),
    );
    const done = await screen.findByText(/^Restored kith-backup-2026-11-26\.json \(replacing the journal\)/);
    expect(done.textContent).toMatch(
      /The journal as it was is kept in this browser as “Journal of .*, before restoring kith-backup-2026-11-26\.json”: find it under “Copies kept in this browser” below, where you can download it or restore it\.$/,
    );
    expect(await snapshot(db)).toEqual(state);

    // And back: the copy restores like any backup.
    const copies = await screen.findByRole('list', { name: 'Copies kept in this browser' });
    expect(within(copies).getByRole('listitem').textContent).toContain(`(${documents} documents, `);
    await user.click(within(copies).getByRole('button', { name: /^Restore Journal of / }));
    await screen.findByText(/with 2 people, 0 encounters/);
    await user.click(screen.getByRole('radio', { name: 'Replace this journal with the backup' }));
    await user.click(screen.getByRole('button', { name: 'Replace journal…' }));
    await user.click(
      within(await screen.findByRole('dialog', { name: 'Replace your journal?' })).getByRole('button', {
        name: 'Replace my journal',
      }),
    );
    await waitFor(async () => expect(await snapshot(db)).toEqual(mine));
    // Two copies now, newest first: the oldest is the journal as it was before the first replace.
    const download = await waitFor(() => {
      const buttons = within(screen.getByRole('list', { name: 'Copies kept in this browser' })).getAllByRole(
        'button',
        { name: /^Download Journal of / },
      );
      expect(buttons).toHaveLength(2);
      expect(buttons[1]).toHaveProperty('disabled', false);
      return buttons[1]!;
    });
    await user.click(download);
    await waitFor(() => expect(downloads).toHaveLength(1));
    expect(await downloads[0]!.blob.text()).toContain('Someone to lose');
  });

  it('in a browser that cannot keep a copy, replaces nothing until the journal was downloaded', async () => {
    vi.stubGlobal('indexedDB', undefined);
    const { file, state } = await backupFile(seedJournal);
    const { user, db } = await showPage();
    await createPerson(db, { name: 'Someone to keep' });
    const mine = await snapshot(db);
    await user.upload(screen.getByLabelText(/^Choose a backup to restore/), file);
    await user.click(await screen.findByRole('radio', { name: 'Replace this journal with the backup' }));
    await user.click(screen.getByRole('button', { name: 'Replace journal…' }));
    await user.click(
      within(await screen.findByRole('dialog', { name: 'Replace your journal?' })).getByRole('button', {
        name: 'Replace my journal',
      }),
    );
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Kith could not keep a copy of this journal in this browser (This browser has no IndexedDB to keep a copy in.), so it replaced nothing. “Download this journal, then replace” saves the journal to your downloads first.',
    );
    expect(await snapshot(db)).toEqual(mine);

    await user.click(screen.getByRole('button', { name: 'Download this journal, then replace' }));
    await screen.findByText(
      /The journal as it was was downloaded as kith-backup-.*\.json \(see your browser’s downloads\)\.$/,
    );
    expect(await downloads[0]!.blob.text()).toContain('Someone to keep');
    expect(await snapshot(db)).toEqual(state);
  });

  it('restores a backup with a damaged document, setting it aside and saying so', async () => {
    const source = await openTestDatabase();
    await seedJournal(source);
    await createPerson(source, { name: 'Grace Hopper' });
    const backup = JSON.parse(backupToJson(await createBackup(source)));
    await source.remove();
    backup.collections.people.find((p: { name: string }) => p.name === 'Grace Hopper').birthday =
      '1906-02-30';
    const { user, db } = await showPage();
    await user.upload(
      screen.getByLabelText(/^Choose a backup to restore/),
      new File([JSON.stringify(backup)], 'old-backup.json', { type: 'application/json' }),
    );
    await screen.findByText(
      '1 document in it cannot be restored (Birthday “1906-02-30” is not a real day.); it will be set aside, and the rest restored.',
    );
    await user.click(screen.getByRole('button', { name: 'Restore' }));
    await screen.findByText(
      'Restored old-backup.json (merged): 2 added, 1 updated, 0 already the same; 1 document could not be restored and was set aside — see Settings › Data health.',
    );
    expect((await db.people.find().exec()).map((p) => p.name).sort()).toEqual(['Ada Lovelace', 'Me']);
  });

  it('refuses a backup over the size limit, naming its size', async () => {
    const { user } = await showPage();
    const file = new File(['{}'], 'huge-backup.json', { type: 'application/json' });
    Object.defineProperty(file, 'size', { value: 600 * 1024 * 1024 });
    await user.upload(screen.getByLabelText(/^Choose a backup to restore/), file);
    expect((await screen.findByRole('alert')).textContent).toBe(
      'huge-backup.json cannot be restored: huge-backup.json is 600 MB; Kith restores backups up to 512 MB.',
    );
  });

  it('on the desktop, saves the journal as it was before replacing it', async () => {
    const { file } = await backupFile(seedJournal);
    const written: string[] = [];
    (window as unknown as Record<string, unknown>).kith = {
      loadBackupSettings: vi.fn(),
      saveBackupSettings: vi.fn(),
      chooseBackupFolder: vi.fn(),
      writeBackup: vi.fn(async ({ content }: { content: string }) => {
        written.push(content);
        return { file: 'kith-backup-2026-11-26T08-00-00Z.json', settings: {} };
      }),
    };
    try {
      const { user, db } = await showPage();
      await createPerson(db, { name: 'Someone to keep a copy of' });
      await user.upload(screen.getByLabelText(/^Choose a backup to restore/), file);
      await user.click(await screen.findByRole('radio', { name: 'Replace this journal with the backup' }));
      await user.click(screen.getByRole('button', { name: 'Replace journal…' }));
      const dialog = await screen.findByRole('dialog', { name: 'Replace your journal?' });
      expect(within(dialog).getByText(/first saves this journal as it is now/)).toBeTruthy();
      await user.click(within(dialog).getByRole('button', { name: 'Replace my journal' }));
      await screen.findByText(/saved as kith-backup-2026-11-26T08-00-00Z\.json in your backup folder\.$/);
      expect(written).toHaveLength(1);
      expect(written[0]).toContain('Someone to keep a copy of');
      expect((await db.people.find().exec()).map((p) => p.name)).not.toContain('Someone to keep a copy of');
    } finally {
      delete (window as unknown as Record<string, unknown>).kith;
    }
  });

  it('merges by default, keeping what the journal has', async () => {
    const { file } = await backupFile(seedJournal);
    const { user, db } = await showPage();
    await createPerson(db, { name: 'Kept here' });
    await user.upload(screen.getByLabelText(/^Choose a backup to restore/), file);
    await user.click(await screen.findByRole('button', { name: 'Restore' }));
    await screen.findByText(/^Restored kith-backup-2026-11-26\.json \(merged\)/);
    const names = (await db.people.find().exec()).map((p) => p.name).sort();
    expect(names).toEqual(['Ada Lovelace', 'Kept here', 'Me']);
  });

  it('says what is wrong with a file that is not a backup, and changes nothing', async () => {
    const { user, db } = await showPage();
    const before = await snapshot(db);
    await user.upload(
      screen.getByLabelText(/^Choose a backup to restore/),
      new File(['{"format":"something-else"}'], 'other.json', { type: 'application/json' }),
    );
    expect((await screen.findByRole('alert')).textContent).toMatch(/^other\.json cannot be restored: /);
    expect(screen.queryByRole('button', { name: 'Restore' })).toBeNull();
    expect(await snapshot(db)).toEqual(before);
  });
});

describe('copies kept in this browser', () => {
  const KEPT_AT = Date.parse('2026-11-20T18:30:00Z');
  const LABEL = 'Journal of 20 Nov 2026, before restoring kith-backup-2026-11-19.json';

  async function keepCopy() {
    const source = await openTestDatabase();
    await seedJournal(source);
    const backup = await createBackup(source);
    await source.remove();
    await journalCopies().keep(
      backupToJson(backup),
      { label: LABEL, fileName: 'kith-backup-2026-11-20.json', documents: 3 },
      KEPT_AT,
    );
  }

  it('deletes a copy only after a confirmation naming it, when it was kept and what it holds', async () => {
    await keepCopy();
    const { user } = await showPage();
    const copies = await screen.findByRole('list', { name: 'Copies kept in this browser' });
    await user.click(within(copies).getByRole('button', { name: `Delete ${LABEL}` }));

    const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(
      KEPT_AT,
    );
    const dialog = await screen.findByRole('dialog', { name: `Delete the copy of ${when}?` });
    expect(dialog.textContent).toContain(`${LABEL} (3 documents, `);
    expect(dialog.textContent).toMatch(/This cannot be undone/);
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(await journalCopies().list()).toHaveLength(1);

    await user.click(within(copies).getByRole('button', { name: `Delete ${LABEL}` }));
    await user.click(
      within(await screen.findByRole('dialog', { name: `Delete the copy of ${when}?` })).getByRole('button', {
        name: 'Delete this copy',
      }),
    );
    await waitFor(() =>
      expect(screen.queryByRole('list', { name: 'Copies kept in this browser' })).toBeNull(),
    );
    expect(await journalCopies().list()).toEqual([]);
  });

  it('says so in the dialog when a copy could not be deleted, and keeps listing it', async () => {
    await keepCopy();
    const { user } = await showPage();
    const copies = await screen.findByRole('list', { name: 'Copies kept in this browser' });
    // Only the copies' stores fail; the journal's own storage goes on working.
    const remove = IDBObjectStore.prototype.delete;
    vi.spyOn(IDBObjectStore.prototype, 'delete').mockImplementation(function (this: IDBObjectStore, key) {
      if (this.name === 'copies') throw new DOMException('The storage is read-only.', 'ReadOnlyError');
      return remove.call(this, key);
    });
    await user.click(within(copies).getByRole('button', { name: `Delete ${LABEL}` }));
    const dialog = await screen.findByRole('dialog', { name: /^Delete the copy of / });
    await user.click(within(dialog).getByRole('button', { name: 'Delete this copy' }));
    expect((await within(dialog).findByRole('alert')).textContent).toBe(
      `${LABEL} could not be deleted: The storage is read-only.`,
    );
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(within(copies).getAllByRole('listitem')).toHaveLength(1);
  });

  it('says when the copies cannot be listed, instead of showing none', async () => {
    await keepCopy();
    const getAll = IDBObjectStore.prototype.getAll;
    vi.spyOn(IDBObjectStore.prototype, 'getAll').mockImplementation(function (this: IDBObjectStore, ...args) {
      if (this.name === 'copies')
        throw new DOMException('The browser refused to read its storage.', 'UnknownError');
      return getAll.apply(this, args);
    });
    await showPage();
    expect((await screen.findByRole('alert')).textContent).toBe(
      'The copies kept in this browser could not be listed: The browser refused to read its storage.',
    );
  });
});
