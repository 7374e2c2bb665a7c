import ICAL from 'ical.js';
import { ImportError, type ParsedImport, type PersonCandidate, type SourceRef } from '../candidates';
import { stripBom } from '../decode';
import { normaliseBirthday } from './birthday';
import { parserMessage } from './clean';
import { finishPerson, type RawPerson } from './person';
import { ProblemList } from './problems';
import { splitCards } from './vcardCards';

type Component = InstanceType<typeof ICAL.Component>;
type Property = InstanceType<typeof ICAL.Property>;

/**
 * A single-valued property as text. vCard 2.1 (and careless 3.0 writers) leave commas unescaped, which ical.js reads
 * as several values: joining them with ',' gives back exactly what was written.
 */
function text(prop: Property): string {
  return unescapeLeftovers(prop.getValues().map(String).join(','));
}

/** A property whose values are a list by design (NICKNAME, CATEGORIES). */
function listValues(prop: Property): string[] {
  return prop.getValues().map((v) => unescapeLeftovers(String(v)));
}

/** ical.js's vCard 3.0 reader leaves "\;" and "\:" escaped in plain text values. */
function unescapeLeftovers(value: string): string {
  return value.includes('\\') ? value.replace(/\\([;:])/g, '$1') : value;
}

function structured(prop: Property | null): string[] {
  if (!prop) return [];
  const value = prop.getFirstValue() as unknown;
  const parts: string[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v !== null && v !== undefined && String(v).trim() !== '')
      parts.push(unescapeLeftovers(String(v)));
  };
  walk(value);
  return parts;
}

function all(card: Component, name: string): string[] {
  return card.getAllProperties(name).map(text);
}

function withoutScheme(value: string, scheme: string): string {
  return value.toLowerCase().startsWith(scheme) ? value.slice(scheme.length) : value;
}

const IMAGE_TYPES: Record<string, string> = {
  jpeg: 'jpeg',
  jpg: 'jpeg',
  png: 'png',
  gif: 'gif',
  webp: 'webp',
};

/** Inline photos become data: URLs; photos given as links are ignored (the app never fetches). */
function photo(card: Component): string {
  const prop = card.getFirstProperty('photo');
  if (!prop) return '';
  const value = String(prop.getFirstValue() ?? '').replace(/\s+/g, '');
  if (value.toLowerCase().startsWith('data:')) {
    // Writers differ in case and say "jpg"; the journal stores data:image/jpeg;base64,…
    return value.replace(/^data:[^;,]*/i, (mime) => mime.toLowerCase().replace('image/jpg', 'image/jpeg'));
  }
  // vCard 3.0 readers type PHOTO as binary even when it holds a link (Google writes https://…); base64 has no ':'.
  if (prop.type === 'binary' && !value.includes(':')) {
    const declared = String(
      prop.getParameter('type') ?? prop.getParameter('mediatype') ?? 'jpeg',
    ).toLowerCase();
    const kind = IMAGE_TYPES[declared.replace(/^image\//, '')] ?? declared;
    return value === '' ? '' : `data:image/${kind};base64,${value}`;
  }
  return '';
}

function person(card: Component): RawPerson {
  const n = card.getFirstProperty('n');
  // N is family;given;additional;prefix;suffix — shown in the order people say it.
  const [family = '', given = '', additional = '', prefix = '', suffix = ''] = n
    ? ((n.getFirstValue() as unknown as unknown[]) ?? []).map((v) =>
        Array.isArray(v) ? v.join(' ') : String(v ?? ''),
      )
    : [];
  const bday = card.getFirstProperty('bday');
  return {
    name: all(card, 'fn')[0] ?? '',
    nameParts: [prefix, given, additional, family, suffix]
      .map(unescapeLeftovers)
      .filter((p) => p.trim() !== ''),
    aliases: card.getAllProperties('nickname').flatMap(listValues),
    organisation: structured(card.getFirstProperty('org')).join(', '),
    role: all(card, 'title')[0] ?? all(card, 'role')[0] ?? '',
    emails: all(card, 'email').map((e) => withoutScheme(e.trim(), 'mailto:')),
    phones: all(card, 'tel').map((t) => withoutScheme(t.trim(), 'tel:')),
    links: [...all(card, 'url'), ...all(card, 'x-socialprofile')],
    // Street lines are separated by line breaks inside ADR; in one line of text they read best as commas.
    addresses: card.getAllProperties('adr').map((a) =>
      structured(a)
        .join(', ')
        .replace(/\s*\n\s*/g, ', '),
    ),
    birthday: bday
      ? normaliseBirthday(
          String(bday.getFirstValue() ?? ''),
          bday.getParameter('x-apple-omit-year') !== undefined,
        )
      : '',
    photo: photo(card),
    notes: all(card, 'note').join('\n\n'),
    // Google adds every contact to the system group "myContacts", which means nothing to the user.
    tags: card
      .getAllProperties('categories')
      .flatMap(listValues)
      .filter((t) => !/^\*?\s*mycontacts$/i.test(t.trim())),
  };
}

/**
 * Reads a .vcf (vCard 2.1, 3.0 or 4.0; one or many cards). Each card is parsed by ical.js on its own, so a broken
 * card is listed as a problem and the rest still import. Throws ImportError only when the file holds no card.
 */
export function importVcard(file: string, text: string): ParsedImport {
  const { cards, strayLines } = splitCards(stripBom(text));
  if (cards.length === 0) {
    throw new ImportError(file, 'no vCard found (a vCard starts with a line BEGIN:VCARD).', strayLines[0]);
  }
  const problems = new ProblemList('card');
  const people: PersonCandidate[] = [];
  if (strayLines.length > 0) {
    const first = strayLines[0] ?? 0;
    problems.add(
      { file, record: 0, line: first },
      `${strayLines.length} line(s) outside any vCard ignored (first at line ${first}).`,
    );
  }
  for (const card of cards) {
    const ref: SourceRef = { file, record: card.record, line: card.line };
    if (!card.complete) {
      problems.add(ref, 'a vCard without END:VCARD (the file may be cut short); skipped.');
      continue;
    }
    let parsed: Component;
    try {
      const jcal: unknown = ICAL.parse(card.text);
      if (!Array.isArray(jcal) || jcal[0] !== 'vcard') throw new Error('not a single vCard');
      parsed = new ICAL.Component(jcal);
      const candidate = finishPerson(person(parsed), ref, problems);
      if (candidate) people.push(candidate);
    } catch (error) {
      problems.add(ref, `could not be read (${parserMessage(error)}); skipped.`);
    }
  }
  return { format: 'vcard', people, encounters: [], problems: problems.done() };
}
