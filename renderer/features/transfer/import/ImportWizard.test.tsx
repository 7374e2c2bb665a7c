// @vitest-environment happy-dom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { createPerson, type KithDatabase } from '../../../../shared/db';
import { addDays, todayString } from '../../../../shared/domain/days';
import type { Encounter, Person } from '../../../../shared/domain/entities';
import { renderWithDb } from '../../../app/testing/renderWithDb';
import { TransferPage } from '../TransferPage';

let teardown: (() => Promise<void>) | undefined;
afterEach(async () => {
  await teardown?.();
  teardown = undefined;
});

async function people(db: KithDatabase): Promise<Person[]> {
  return (await db.people.find().exec())
    .map((d) => d.toJSON() as Person)
    .filter((p) => !p.isOwner)
    .sort((a, b) => a.name.localeCompare(b.name));
}

async function showPage(seed?: (db: KithDatabase) => Promise<unknown>) {
  const rendered = await renderWithDb(<TransferPage />, { path: '/transfer' });
  teardown = rendered.teardown;
  await seed?.(rendered.db);
  return rendered;
}

type User = Awaited<ReturnType<typeof showPage>>['user'];

async function pick(user: User, name: string, text: string, type = 'text/plain') {
  const input = screen.getByLabelText(/^Choose (a|another) file/);
  await user.upload(input, new File([text], name, { type }));
}

function card(name: string, extra: string[] = []): string {
  return ['BEGIN:VCARD', 'VERSION:4.0', `FN:${name}`, ...extra, 'END:VCARD'].join('\r\n');
}

const previewHeading = () =>
  screen.findByRole('heading', { name: 'Preview: nothing is saved until you import' });

describe('importing contacts', () => {
  it('asks about a likely duplicate, imports all at once and undoes as one change', async () => {
    const { user, db } = await showPage((db) =>
      createPerson(db, { name: 'Grace Hopper', organisation: 'US Navy' }),
    );
    const vcf = [
      card('Ada Lovelace', ['EMAIL:ada@example.org', 'BDAY:18151210', 'ADR:;;12 St James Sq;London;;;UK']),
      card('Grace Hopper', ['EMAIL:grace@navy.example']),
    ].join('\r\n');
    await pick(user, 'contacts.vcf', vcf, 'text/vcard');
    await previewHeading();

    expect((screen.getByRole('combobox', { name: 'Format' }) as HTMLSelectElement).value).toBe('vcard');
    const grace = screen.getByRole<HTMLSelectElement>('combobox', { name: 'What to do with Grace Hopper' });
    expect(grace.value).toBe('create');
    expect(screen.getByText('This import adds 2 people.')).toBeTruthy();
    const journalGrace = (await people(db))[0]!;
    await user.selectOptions(grace, `merge:person:${journalGrace.id}`);
    expect(screen.getByText('This import adds 1 person, updates 1.')).toBeTruthy();
    expect(await people(db)).toHaveLength(1);

    await user.click(screen.getByRole('button', { name: 'Import' }));
    await screen.findByText('Imported contacts.vcf: 1 person added, 1 updated.');
    const after = await people(db);
    expect(after.map((p) => [p.name, p.emails])).toEqual([
      ['Ada Lovelace', ['ada@example.org']],
      ['Grace Hopper', ['grace@navy.example']],
    ]);
    expect(after[0]).toMatchObject({
      birthday: '1815-12-10',
      addresses: [expect.stringContaining('12 St James Sq')],
    });

    const toast = within(screen.getByRole('status', { name: 'Notifications' }));
    await user.click(toast.getByRole('button', { name: 'Undo' }));
    await waitFor(async () =>
      expect((await people(db)).map((p) => [p.name, p.emails])).toEqual([['Grace Hopper', []]]),
    );
  });

  it('lists rows it cannot read with their record and line, and imports the rest', async () => {
    const { user, db } = await showPage();
    const vcf = `${card('Ada Lovelace')}\r\nBEGIN:VCARD\r\nVERSION:3.0\r\nFN:Cut Short\r\n`;
    await pick(user, 'contacts.vcf', vcf);
    await previewHeading();
    const problems = screen.getByRole('list', { name: /^Problems/ });
    expect(problems.textContent).toMatch(/record 2, line 5: .*END:VCARD/);
    await user.click(screen.getByRole('button', { name: 'Import' }));
    await screen.findByText('Imported contacts.vcf: 1 person added.');
    expect((await people(db)).map((p) => p.name)).toEqual(['Ada Lovelace']);
  });

  it('refuses a file it cannot read, naming it, and writes nothing', async () => {
    const { user, db } = await showPage();
    await pick(user, 'notes.vcf', 'just some notes\nnothing else\n');
    expect((await screen.findByRole('alert')).textContent).toMatch(/^notes\.vcf.*no vCard found/);
    expect(screen.queryByRole('heading', { name: /^Preview/ })).toBeNull();
    expect(await people(db)).toEqual([]);
  });

  it('asks for the format when nothing in the file gives it away', async () => {
    const { user } = await showPage();
    // Browsers and the native dialog both let a person pick any file ("All files").
    await pick(userEvent.setup({ applyAccept: false }), 'export.dat', 'Ada Lovelace\n');
    const format = await screen.findByRole<HTMLSelectElement>('combobox', { name: 'Format' });
    expect(format.value).toBe('');
    expect(screen.getByText(/Kith cannot tell what kind of file export\.dat is/)).toBeTruthy();
    await user.selectOptions(format, 'csv');
    await screen.findByRole('heading', { name: 'What is in each column?' });
  });

  it('asks which column is which for an unknown CSV', async () => {
    const { user, db } = await showPage();
    const csv =
      'Member,Reach at,Club\nAda Lovelace,ada@example.org,Chess\nAlan Turing,alan@example.org,Running\n';
    await pick(user, 'members.csv', csv, 'text/csv');
    await screen.findByRole('heading', { name: 'What is in each column?' });
    expect((screen.getByRole('combobox', { name: 'Format' }) as HTMLSelectElement).value).toBe('csv');

    // None of these column names means anything to Kith: nobody could be named yet.
    await user.click(screen.getByRole('button', { name: 'Show the preview' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(
      /^Choose at least one column for the name/,
    );
    await user.selectOptions(screen.getByRole('combobox', { name: 'Column “Reach at”' }), 'email');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Column “Member”' }), 'name');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Column “Club”' }), 'tags');
    await user.click(screen.getByRole('button', { name: 'Show the preview' }));
    await previewHeading();
    await user.click(screen.getByRole('button', { name: 'Import' }));
    await screen.findByText('Imported members.csv: 2 people added.');
    expect((await people(db)).map((p) => [p.name, p.emails, p.tags])).toEqual([
      ['Ada Lovelace', ['ada@example.org'], ['Chess']],
      ['Alan Turing', ['alan@example.org'], ['Running']],
    ]);
  });

  it('turns calendar events in the chosen dates into encounters with their attendees', async () => {
    const { user, db } = await showPage((db) =>
      createPerson(db, { name: 'Ada Lovelace', emails: ['ada@example.org'] }),
    );
    const day = addDays(todayString(), -10).replaceAll('-', '');
    const old = addDays(todayString(), -800).replaceAll('-', '');
    const event = (uid: string, date: string, title: string) =>
      [
        'BEGIN:VEVENT',
        `UID:${uid}`,
        `DTSTAMP:${date}T090000Z`,
        `DTSTART:${date}T090000Z`,
        `DTEND:${date}T100000Z`,
        `SUMMARY:${title}`,
        'ATTENDEE;CN=Ada Lovelace:mailto:ada@example.org',
        'ATTENDEE;CN=Charles Babbage:mailto:charles@example.org',
        'END:VEVENT',
      ].join('\r\n');
    const ics = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Test//EN',
      event('a', day, 'Engine review'),
      event('b', old, 'Long ago'),
      'END:VCALENDAR',
      '',
    ].join('\r\n');
    await pick(user, 'calendar.ics', ics, 'text/calendar');
    await screen.findByRole('heading', { name: 'Which events become encounters?' });
    await user.click(screen.getByRole('button', { name: 'Show the events' }));
    await previewHeading();
    expect(screen.getByText(/It adds 1 encounter\./)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Import' }));
    await screen.findByText('Imported calendar.ics: 1 person added, 1 encounter.');

    const encounters = (await db.encounters.find().exec()).map((d) => d.toJSON() as Encounter);
    expect(encounters.map((e) => e.title)).toEqual(['Engine review']);
    const names = new Map((await people(db)).map((p) => [p.id, p.name]));
    expect(encounters[0]!.participantIds.map((id) => names.get(id)).sort()).toEqual([
      'Ada Lovelace',
      'Charles Babbage',
    ]);
  });

  it('shows only the rows on screen when a file is large', async () => {
    const { user } = await showPage();
    const vcf = Array.from({ length: 600 }, (_, i) =>
      card(`Person ${i + 1}`, [`EMAIL:p${i + 1}@example.org`]),
    ).join('\r\n');
    await pick(user, 'many.vcf', vcf);
    await previewHeading();
    expect(screen.getByText('This import adds 600 people.')).toBeTruthy();
    const rows = within(screen.getByRole('list', { name: 'People' })).queryAllByRole('listitem');
    expect(rows.length).toBeLessThan(100);
  });
});
