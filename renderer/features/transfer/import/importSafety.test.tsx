// @vitest-environment happy-dom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openDatabase, type KithDatabase } from '../../../../shared/db';
import { addDays, todayString } from '../../../../shared/domain/days';
import { fakeStorage, faultyStorage, fullSnapshot, uniqueName } from '../../../../shared/db/testing';
import { commitImport, previewImport } from '../../../../shared/transfer';
import { event } from '../../../../shared/transfer/testing';
import { renderWithDb } from '../../../app/testing/renderWithDb';
import { InterruptedWriteNotice } from '../InterruptedWriteNotice';
import { TransferPage } from '../TransferPage';

let teardown: (() => Promise<void>) | undefined;
afterEach(async () => {
  await teardown?.();
  teardown = undefined;
  vi.restoreAllMocks();
});

async function showPage(db?: KithDatabase) {
  const rendered = await renderWithDb(
    <>
      <InterruptedWriteNotice />
      <TransferPage />
    </>,
    { path: '/transfer', db },
  );
  teardown = rendered.teardown;
  return rendered;
}

/** The app has named this device in the synced device directory (a write of its own at start). */
async function deviceNamed(db: KithDatabase) {
  await waitFor(async () => expect(await db.settings.findOne('devices').exec()).not.toBeNull());
}

async function pick(user: Awaited<ReturnType<typeof showPage>>['user'], file: File) {
  await user.upload(screen.getByLabelText(/^Choose (a|another) file/), file);
}

/** One event today with one attendee not in the journal: a new person and an encounter, two writes. */
function calendar(): File {
  const day = addDays(todayString(), -3).replaceAll('-', '');
  const ics = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Test//EN',
    'BEGIN:VEVENT',
    'UID:a',
    `DTSTAMP:${day}T090000Z`,
    `DTSTART:${day}T090000Z`,
    `DTEND:${day}T100000Z`,
    'SUMMARY:Engine review',
    'ATTENDEE;CN=Charles Babbage:mailto:charles@example.org',
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n');
  return new File([ics], 'calendar.ics', { type: 'text/calendar' });
}

async function importCalendar(user: Awaited<ReturnType<typeof showPage>>['user']) {
  await pick(user, calendar());
  await screen.findByRole('heading', { name: 'Which events become encounters?' });
  await user.click(screen.getByRole('button', { name: 'Show the events' }));
  await screen.findByRole('heading', { name: 'Preview: nothing is saved until you import' });
  await user.click(screen.getByRole('button', { name: 'Import' }));
}

async function journalOn(storage: Parameters<typeof openDatabase>[0]['storage']) {
  return openDatabase({ storage, name: uniqueName(), multiInstance: false, deviceId: 'test-device' });
}

describe('import limits', () => {
  it('refuses a file over 50 MB, naming it and its size', async () => {
    const { user, db } = await showPage();
    const before = await fullSnapshot(db);
    const file = new File(['BEGIN:VCARD'], 'contacts.vcf', { type: 'text/vcard' });
    Object.defineProperty(file, 'size', { value: 201 * 1024 * 1024 });
    await pick(user, file);
    expect((await screen.findByRole('alert')).textContent).toBe(
      'contacts.vcf is 201 MB; Kith imports files up to 50 MB. Split it into smaller files and import them one after another.',
    );
    expect(screen.queryByRole('heading', { name: /^Preview/ })).toBeNull();
    expect(await fullSnapshot(db)).toEqual(before);
  });
});

describe('a full disk during an import', () => {
  it('says that what was written was taken back', async () => {
    // Room for the owner (written at open), this device's entry in the device directory (written as
    // the app starts) and the new person, not for the encounter; a removal frees room again.
    const faulty = faultyStorage({ indexedDB: new IDBFactory(), budget: 3, mode: 'quota' });
    const { user, db } = await showPage(await journalOn(faulty.storage));
    await deviceNamed(db);
    const before = await fullSnapshot(db);
    await importCalendar(user);
    expect((await screen.findByRole('alert')).textContent).toBe(
      'The storage is full (QuotaExceededError) while importing calendar.ics. The document written before it filled up was taken back, so the journal is as it was. Free some space on this device and try again.',
    );
    expect(await fullSnapshot(db)).toEqual(before);
  });

  it('when it stays full, says what is left and that Kith will take it back; “Try again” does', async () => {
    const faulty = faultyStorage({ indexedDB: new IDBFactory(), budget: 3, mode: 'full' });
    const { user, db } = await showPage(await journalOn(faulty.storage));
    await deviceNamed(db);
    const before = await fullSnapshot(db);
    await importCalendar(user);
    const notice = await screen.findByRole('alert', { name: 'Interrupted import or restore' });
    expect(notice.textContent).toMatch(
      /^An import of calendar\.ics was interrupted, and 1 person it had written could not be taken back yet, because the storage is full\. Kith will take them back the next time it starts, or now with “Try again” once you have freed some space\. Until then sync is paused/,
    );
    expect(
      screen
        .getAllByRole('alert')
        .some((a) =>
          /^The storage became full while importing calendar\.ics, and 1 person already written could not be taken back yet/.test(
            a.textContent ?? '',
          ),
        ),
    ).toBe(true);

    await user.click(within(notice).getByRole('button', { name: 'Try again' }));
    expect((await within(notice).findByText(/nothing more could be taken back/)).textContent).toBeTruthy();
    faulty.free();
    await user.click(within(notice).getByRole('button', { name: 'Try again' }));
    const undone = await screen.findByRole('status', { name: 'Interrupted import or restore' });
    expect(undone.textContent).toMatch(
      /^An import of calendar\.ics was interrupted and has been undone: the journal is as it was before\./,
    );
    expect(await fullSnapshot(db)).toEqual(before);
    await user.click(within(undone).getByRole('button', { name: 'OK' }));
    expect(screen.queryByRole('status', { name: 'Interrupted import or restore' })).toBeNull();
  });
});

describe('an import a crash interrupted', () => {
  it('is undone at the next start, and the person is told once', async () => {
    const indexedDB = new IDBFactory();
    const name = uniqueName();
    const healthy = await openDatabase({ storage: fakeStorage(indexedDB), name, multiInstance: false });
    const before = await fullSnapshot(healthy);
    await healthy.close();
    // Dies after the new attendee is written, before the encounter that meets them.
    const dying = faultyStorage({ indexedDB, budget: 1, mode: 'crash' });
    const db = await openDatabase({ storage: dying.storage, name, multiInstance: false });
    const preview = await previewImport(db, {
      format: 'ics',
      people: [],
      encounters: [event(1, { attendees: [{ name: 'Dan Newman', email: 'dan@example.org' }] })],
      problems: [],
    });
    await expect(commitImport(db, preview)).rejects.toThrow();
    expect((await db.people.find().exec()).map((p) => p.name)).toContain('Dan Newman');
    await db.close().catch(() => undefined);

    const restarted = await openDatabase({ storage: fakeStorage(indexedDB), name, multiInstance: false });
    expect(await fullSnapshot(restarted)).toEqual(before);
    const { user } = await showPage(restarted);
    const notice = await screen.findByRole('status', { name: 'Interrupted import or restore' });
    expect(notice.textContent).toMatch(
      /^An import of calendar\.ics was interrupted and has been undone: the journal is as it was before\./,
    );
    await user.click(within(notice).getByRole('button', { name: 'OK' }));
    expect(screen.queryByRole('status', { name: 'Interrupted import or restore' })).toBeNull();
    cleanup();
    await restarted.close();
    const again = await openDatabase({ storage: fakeStorage(indexedDB), name, multiInstance: false });
    const second = await renderWithDb(<InterruptedWriteNotice />, { db: again });
    teardown = second.teardown;
    expect(screen.queryByRole('status', { name: 'Interrupted import or restore' })).toBeNull();
  });
});

/** A journal whose last start left a notice of an interrupted import, opened again (the next start). */
async function startedWithNotice(source: string, outcome: 'undone' | 'kept') {
  const indexedDB = new IDBFactory();
  const name = uniqueName();
  const first = await openDatabase({ storage: fakeStorage(indexedDB), name, multiInstance: false });
  await first.upsertLocal('bulk-write-notice', {
    kind: 'import',
    source,
    startedAt: Date.now(),
    outcome,
    left: {},
  });
  await first.close();
  const db = await openDatabase({ storage: fakeStorage(indexedDB), name, multiInstance: false });
  return { db, indexedDB, name };
}

describe('an import a crash interrupted after its last document', () => {
  it('is kept, and the notice says the journal is as after it', async () => {
    // As recovery leaves it when the write had landed whole and only its commit mark was missing.
    const { db } = await startedWithNotice('contacts.vcf', 'kept');
    const { user } = await showPage(db);
    const notice = await screen.findByRole('status', { name: 'Interrupted import or restore' });
    expect(notice.textContent).toMatch(
      /^An import of contacts\.vcf was interrupted just as it finished\. Everything it brought in had already been saved, so Kith kept it/,
    );
    await user.click(within(notice).getByRole('button', { name: 'OK' }));
    expect(screen.queryByRole('status', { name: 'Interrupted import or restore' })).toBeNull();
  });
});

describe('the notice of an undone import', () => {
  it('says so when it cannot be put away, and is shown again at the next start', async () => {
    // As a crash's recovery leaves it: the import was taken back, and the person is yet to be told.
    const { db, indexedDB, name } = await startedWithNotice('calendar.ics', 'undone');
    const { user } = await showPage(db);
    const notice = await screen.findByRole('status', { name: 'Interrupted import or restore' });
    const getLocal = db.getLocal.bind(db);
    vi.spyOn(db, 'getLocal').mockImplementation((id: string) =>
      id === 'bulk-write-notice' ? Promise.reject(new Error('The storage is unreadable.')) : getLocal(id),
    );
    await user.click(within(notice).getByRole('button', { name: 'OK' }));
    const toasts = screen.getByRole('status', { name: 'Notifications' });
    expect((await within(toasts).findByText(/^Kith could not put this notice away/)).textContent).toBe(
      'Kith could not put this notice away, so it may show again the next time Kith starts: The storage is unreadable.',
    );

    vi.restoreAllMocks();
    cleanup();
    await db.close();
    const again = await openDatabase({ storage: fakeStorage(indexedDB), name, multiInstance: false });
    const second = await renderWithDb(<InterruptedWriteNotice />, { db: again });
    teardown = second.teardown;
    expect(await screen.findByRole('status', { name: 'Interrupted import or restore' })).toBeTruthy();
  });
});
