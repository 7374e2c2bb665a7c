import { describe, expect, it } from 'vitest';
import { ImportError } from '../../../shared/transfer/candidates';
import {
  importCsv,
  importGoogleCsv,
  importLinkedInCsv,
  previewCsv,
  proposeCsvMapping,
} from '../../../shared/transfer/import';
import { fixtureText } from './fixtures';

describe('importLinkedInCsv', () => {
  const result = importLinkedInCsv('Connections.csv', fixtureText('linkedin-Connections.csv'));

  it('skips the "Notes:" preamble and reads every connection with its file line', () => {
    expect(result.format).toBe('linkedin-csv');
    expect(result.problems).toEqual([]);
    expect(result.people.map((p) => [p.name, p.ref.record, p.ref.line])).toEqual([
      ["Siobhán O'Brien", 1, 5],
      ['Chidi Okafor', 2, 6],
      ['Mei Tanaka', 3, 7],
      ['Robert "Bob" Smith', 4, 8],
      ['José García-Márquez', 5, 9],
    ]);
  });

  it('maps URL, email, company, position and the connection date', () => {
    expect(result.people[0]).toMatchObject({
      links: ['https://www.linkedin.com/in/siobhan-obrien-12345'],
      emails: ['siobhan@acme.example'],
      organisation: 'Acme, Inc.',
      role: 'Head of Research',
      notes: 'Connected On: 14 Nov 2024',
      tags: ['LinkedIn'],
    });
    expect(result.people[1]).toMatchObject({ emails: [], role: 'Senior Engineer, Platform' });
    expect(result.people[3]?.role).toBe('Director, "Special" Projects');
  });

  it('reads the same connections from an Excel-saved UTF-16 copy', () => {
    const utf16 = importLinkedInCsv('Connections.csv', fixtureText('linkedin-Connections-utf16.csv'));
    expect(utf16.people).toEqual(result.people);
  });

  it('refuses a file without the LinkedIn header, naming it', () => {
    expect(() => importLinkedInCsv('other.csv', 'a,b\n1,2\n')).toThrow(ImportError);
    expect(() => importLinkedInCsv('other.csv', 'a,b\n1,2\n')).toThrow(/^other\.csv: no LinkedIn/);
    expect(() => importLinkedInCsv('empty.csv', '')).toThrow('empty.csv: the file holds no rows.');
  });
});

describe('importGoogleCsv', () => {
  it('reads the old layout: " ::: " multi-values, formatted addresses, groups', () => {
    const result = importGoogleCsv('contacts.csv', fixtureText('google-contacts-old.csv'));
    expect(result.format).toBe('google-csv');
    expect(result.problems).toEqual([]);
    expect(result.people[0]).toMatchObject({
      name: 'Ana María López',
      aliases: ['Anita'],
      organisation: 'Fabrikam',
      role: 'Designer',
      emails: ['ana.lopez@example.com', 'ana@old.example'],
      phones: ['+34 612 34 56 78'],
      addresses: ['Calle Mayor 5, 28013 Madrid, Spain'],
      links: ['https://ana.example'],
      birthday: '1991-07-21',
      notes: 'Climbing partner.\nPrefers Signal.',
      tags: ['Climbing club'],
      ref: { record: 1, line: 2 },
    });
    // The first row spans lines 2–5 (quoted line breaks), so the next starts on line 6.
    expect(result.people[1]).toMatchObject({ name: 'noname@example.com', ref: { record: 2, line: 6 } });
    expect(result.people[2]).toMatchObject({
      birthday: '--05-30',
      tags: ['starred'],
      phones: ['+233 24 123 4567', '+233 30 765 4321'],
    });
  });

  it('reads the new layout and lists a birthday it cannot read without guessing', () => {
    const result = importGoogleCsv('contacts.csv', fixtureText('google-contacts-new.csv'));
    expect(result.people.map((p) => p.name)).toEqual(['Wei Zhang', 'Dr. Priya K. Raman', 'Lars Nilsson']);
    expect(result.people[0]).toMatchObject({
      organisation: 'Fabrikam',
      role: 'Engineer',
      tags: ['Work'],
      photo: '',
    });
    expect(result.people[1]).toMatchObject({
      birthday: '--04-12',
      notes: 'Met at PyCon, 2019; "great talk"',
    });
    expect(result.problems.map((p) => p.message)).toEqual([
      'line 6, row 3: birthday “31/12/1980” is not a real date (expected 1990-04-12 or --04-12); left out.',
    ]);
  });
});

describe('generic CSV with a column mapping', () => {
  it('proposes a mapping from the header, including German Outlook headers', () => {
    const preview = previewCsv('kontakte.csv', fixtureText('outlook-contacts-de.csv'));
    expect(preview.delimiter).toBe(';');
    expect(preview.headerLine).toBe(1);
    expect(preview.header[6]).toBe('Telefon geschäftlich');
    expect(preview.mapping).toEqual([
      'prefix',
      'firstName',
      'lastName',
      'organisation',
      'role',
      'email',
      'phone',
      'birthday',
      'notes',
      'tags',
    ]);
    expect(preview.sample[0]?.[1]).toBe('Jürgen');
  });

  it('applies the mapping: salutations left out, day-first dotted birthdays, Outlook "no birthday"', () => {
    const text = fixtureText('outlook-contacts-de.csv');
    const { mapping } = previewCsv('kontakte.csv', text);
    const result = importCsv('kontakte.csv', text, mapping);
    expect(result.format).toBe('csv');
    expect(result.problems).toEqual([]);
    expect(result.people[0]).toMatchObject({
      name: 'Jürgen Müller',
      birthday: '1975-06-12',
      notes: 'Trinkt Kaffee schwarz; mag Fußball',
      tags: ['Kunden'],
    });
    expect(result.people[1]).toMatchObject({ name: 'Zoé Lefèvre', birthday: '' });
  });

  it('uses the mapping the user changed, labelling extra note columns', () => {
    const text = 'Who,Where,Mail\nAda,London,ada@example.org\n';
    expect(proposeCsvMapping(['Who', 'Where', 'Mail'])).toEqual(['ignore', 'ignore', 'email']);
    const result = importCsv('x.csv', text, ['name', 'notes', 'email']);
    expect(result.people[0]).toMatchObject({
      name: 'Ada',
      notes: 'Where: London',
      emails: ['ada@example.org'],
    });
  });

  it('refuses a mapping that does not fit the header or names no one', () => {
    expect(() => importCsv('x.csv', 'a,b\n1,2\n', ['name'])).toThrow(
      'x.csv, line 1: the column mapping has 1 entries but line 1 has 2 columns.',
    );
    expect(() => importCsv('x.csv', 'a,b\n1,2\n', ['notes', 'tags'])).toThrow(
      /no column is mapped to a name/,
    );
  });

  it('keeps hostile text inert, cuts absurd lengths and lists broken rows with their lines', () => {
    const text = fixtureText('hostile.csv');
    const result = importCsv('hostile.csv', text, previewCsv('hostile.csv', text).mapping);
    expect(result.people.map((p) => p.name.slice(0, 20))).toEqual([
      '<script>alert(1)</sc',
      'CtrlChars[31m Red',
      'AAAAAAAAAAAAAAAAAAAA',
      'Too',
      'Short Row',
    ]);
    expect(result.people[0]).toMatchObject({
      organisation: '=HYPERLINK("http://evil")',
      notes: '<img src=x onerror=alert(2)>',
    });
    expect(result.people[1]?.phones).toEqual(['555123']);
    expect(result.people[2]?.name).toHaveLength(200);
    expect(result.problems.map((p) => p.message)).toEqual([
      'line 4, row 3: Name is 5000 characters long; cut to 200.',
      'line 5, row 4: has 7 fields but the header has 5; the extra fields were left out.',
      'line 6, row 5: has 2 of 5 fields (cut short?); the missing ones are empty.',
      'line 8, row 6: could not be read (a quoted field is never closed, so the rest of the file was read into it); skipped.',
    ]);
  });
});
