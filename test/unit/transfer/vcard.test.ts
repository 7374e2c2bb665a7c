import { describe, expect, it } from 'vitest';
import { ImportError, type ParsedImport } from '../../../shared/transfer/candidates';
import { importVcard } from '../../../shared/transfer/import';
import { fixtureText } from './fixtures';

function read(name: string): ParsedImport {
  return importVcard(name, fixtureText(name));
}

function byName(result: ParsedImport, name: string) {
  const person = result.people.find((p) => p.name === name);
  if (!person) throw new Error(`no ${name} among ${result.people.map((p) => p.name).join(', ')}`);
  return person;
}

describe('importVcard: Apple Contacts (vCard 3.0)', () => {
  const result = read('apple-contacts.vcf');

  it('reads every card, escaped commas and semicolons, grouped items and the omitted-year birthday', () => {
    expect(result.format).toBe('vcard');
    expect(result.people.map((p) => p.name)).toEqual([
      'Dr. Siobhán Marie O,Brien',
      'Chidi Okafor',
      'Corner Bakery',
    ]);
    expect(result.problems).toEqual([]);
    const siobhan = byName(result, 'Dr. Siobhán Marie O,Brien');
    expect(siobhan).toMatchObject({
      ref: { file: 'apple-contacts.vcf', record: 1, line: 1 },
      aliases: ['Shiv'],
      organisation: 'Acme, Inc., Research',
      role: 'Head of Research',
      emails: ['siobhan@acme.example', 'shiv@example.org'],
      phones: ['+353 87 123 4567'],
      links: ['https://siobhan.example.org'],
      addresses: ['12 Harbour Road, Flat 3, Dún Laoghaire, Co. Dublin, A96 X2Y3, Ireland'],
      birthday: '--03-17',
      notes: 'Met at the Dublin Tech Summit, 2019. Likes sea swimming; hates mornings.\nAsk about the book.',
      tags: ['Work', 'Dublin'],
    });
  });

  it('turns the folded inline photo into a JPEG data: URL', () => {
    const photo = byName(result, 'Dr. Siobhán Marie O,Brien').photo;
    expect(photo).toMatch(/^data:image\/jpeg;base64,\/9j\/4AAQ[A-Za-z0-9+/]+=*$/);
    expect(atob(photo.split(',')[1] ?? '').length).toBe(20 + 512 + 2);
  });

  it('names a company card by its organisation and keeps years in full birthdays', () => {
    expect(byName(result, 'Corner Bakery')).toMatchObject({
      organisation: 'Corner Bakery',
      phones: ['+44 20 7946 0000'],
    });
    expect(byName(result, 'Chidi Okafor')).toMatchObject({
      birthday: '1988-11-02',
      ref: { record: 2, line: 30 },
    });
  });

  it('reads the same people from the UTF-16 LE export', () => {
    const utf16 = read('apple-contacts-utf16le-bom.vcf');
    expect(utf16.people.map(({ ref: _ref, ...p }) => p)).toEqual(
      result.people.map(({ ref: _ref, ...p }) => p),
    );
  });
});

describe('importVcard: Google Contacts (vCard 3.0)', () => {
  const result = read('google-contacts.vcf');

  it('ignores photo links, reads --MM-DD birthdays and drops the myContacts group', () => {
    expect(result.problems).toEqual([]);
    expect(byName(result, 'Ana María López')).toMatchObject({
      emails: ['ana.lopez@example.com', 'ana@work.example'],
      birthday: '--07-21',
      photo: '',
      tags: ['Climbing club'],
    });
    expect(byName(result, 'Wei Zhang')).toMatchObject({ links: ['https://github.com/weizhang'], tags: [] });
  });

  it('reads the UTF-16 BE export without a BOM the same way', () => {
    expect(read('google-contacts-utf16be.vcf').people.map((p) => p.name)).toEqual([
      'Ana María López',
      'Wei Zhang',
    ]);
  });
});

describe('importVcard: Outlook (vCard 2.1)', () => {
  const result = read('outlook-2.1.vcf');

  it('decodes quoted-printable values in their charset, across soft line breaks', () => {
    expect(result.problems).toEqual([]);
    const juergen = byName(result, 'Jürgen Müller');
    expect(juergen.notes).toBe(
      'Sehr hilfsbereit, kennt alle im Einkauf.\nFolge-Termin im März vereinbaren; Kaffee trinkt er schwarz.',
    );
    expect(juergen.addresses).toEqual(['Straße des 17. Juni 1, Gebäude B, Berlin, 10623, Deutschland']);
  });

  it('reads bare parameters (TEL;WORK;VOICE), 2.1 base64 photos and compact birthdays', () => {
    expect(byName(result, 'Jürgen Müller')).toMatchObject({
      organisation: 'Contoso GmbH, Vertrieb',
      phones: ['+49 30 1234567', '+49 171 7654321'],
      emails: ['juergen.mueller@contoso.example'],
      birthday: '1975-06-12',
      photo: expect.stringMatching(/^data:image\/jpeg;base64,\/9j\//),
    });
    expect(byName(result, 'Jane Smith').ref).toEqual({ file: 'outlook-2.1.vcf', record: 2, line: 30 });
  });

  it('reads a Latin-1 file', () => {
    expect(read('latin1.vcf').people[0]).toMatchObject({
      name: 'Zoé Lefèvre',
      organisation: 'Société Générale',
      notes: 'Café crème — merci',
    });
  });
});

describe('importVcard: vCard 4.0, hostile and broken cards', () => {
  const result = read('v4-quirks.vcf');
  const messages = result.problems.map((p) => p.message);

  it('reads data: photos, --MMDD birthdays and tel: URIs', () => {
    expect(byName(result, 'Priya Raman')).toMatchObject({
      birthday: '--04-12',
      phones: ['+91-98765-43210'],
      photo: expect.stringMatching(/^data:image\/png;base64,iVBOR/),
      addresses: ['42 MG Road, Bengaluru, KA, 560001, India'],
    });
  });

  it('keeps markup as inert text but strips control and bidi-override characters', () => {
    const mallory = result.people[1];
    expect(mallory?.name).toBe('<img src=x onerror=alert(1)>Mallory evil');
    expect(mallory?.notes).toBe("<script>alert('x')</script>");
  });

  it('leaves out what the journal would refuse, naming card and line', () => {
    const mallory = result.people[1];
    expect(mallory).toMatchObject({ emails: [], photo: '', links: [], birthday: '' });
    expect(messages).toEqual(
      expect.arrayContaining([
        'line 11, card 2: email “not-an-email” is not valid; left out.',
        'line 11, card 2: birthday “1999-02-30” is not a real date (expected 1990-04-12 or --04-12); left out.',
        'line 11, card 2: photo is not a PNG, JPEG, GIF or WebP image; left out.',
        'line 11, card 2: link “javascript:alert(1)” is not valid; left out.',
      ]),
    );
  });

  it('cuts absurd lengths to the journal limits and lists the card', () => {
    const long = result.people[2];
    expect(long?.name).toHaveLength(200);
    expect(long?.notes.length).toBeLessThanOrEqual(20_000);
    expect(messages).toContain('line 20, card 3: Name is 300 characters long; cut to 200.');
    expect(messages).toContain('line 20, card 3: Notes is 27499 characters long; cut to 20000.');
  });

  it('skips a card ical.js cannot read and a card cut short, naming each, and keeps the rest', () => {
    expect(result.people).toHaveLength(3);
    expect(messages.some((m) => m.startsWith('line 25, card 4: could not be read ('))).toBe(true);
    expect(messages).toContain(
      'line 30, card 5: a vCard without END:VCARD (the file may be cut short); skipped.',
    );
  });
});

describe('importVcard: files it cannot read', () => {
  it('throws ImportError naming the file when there is no card at all', () => {
    expect(() => importVcard('notes.vcf', 'hello\nworld')).toThrow(ImportError);
    expect(() => importVcard('notes.vcf', 'hello\nworld')).toThrow('notes.vcf, line 1: no vCard found');
    expect(() => importVcard('empty.vcf', '')).toThrow('empty.vcf: no vCard found');
  });

  it('lists text outside the cards as one problem', () => {
    const result = importVcard(
      'x.vcf',
      'junk\r\nBEGIN:VCARD\r\nVERSION:3.0\r\nFN:A\r\nEND:VCARD\r\nmore junk\r\n',
    );
    expect(result.people.map((p) => p.name)).toEqual(['A']);
    expect(result.problems.map((p) => p.message)).toEqual([
      'line 1: 2 line(s) outside any vCard ignored (first at line 1).',
    ]);
  });

  it('skips a card with nothing that names anyone', () => {
    const result = importVcard('x.vcf', 'BEGIN:VCARD\nVERSION:3.0\nNOTE:who?\nEND:VCARD\n');
    expect(result.people).toEqual([]);
    expect(result.problems[0]?.message).toBe(
      'line 1, card 1: no name, organisation, email or phone; skipped.',
    );
  });

  it('accepts data: photos whatever the case of their type', () => {
    const result = importVcard(
      'x.vcf',
      'BEGIN:VCARD\nVERSION:4.0\nFN:P\nPHOTO:data:image/JPG;base64,/9j/4AAQ\nEND:VCARD\n',
    );
    expect(result.people[0]?.photo).toBe('data:image/jpeg;base64,/9j/4AAQ');
  });

  it('drops a photo over the size limit, naming the card', () => {
    const big = 'A'.repeat(200_000);
    const result = importVcard(
      'x.vcf',
      `BEGIN:VCARD\nVERSION:4.0\nFN:Big\nPHOTO:data:image/png;base64,${big}\nEND:VCARD\n`,
    );
    expect(result.people[0]?.photo).toBe('');
    expect(result.problems[0]?.message).toMatch(
      /^line 1, card 1: photo is \d+ KB as text, over the 150 KB limit; left out\.$/,
    );
  });
});
