import ICAL from 'ical.js';
import type { Person } from '../../domain/entities';

/** vCard's N: family name last, the rest given ("Ada King Lovelace" → Lovelace; Ada King). */
function structuredName(name: string): string[] {
  const tokens = name.trim().split(/\s+/);
  const family = tokens.length > 1 ? (tokens.pop() as string) : '';
  return [family, tokens.join(' '), '', '', ''];
}

/** Properties whose one value has ';'-separated components (a literal ';' inside is escaped). */
const STRUCTURED = new Set(['n', 'adr', 'org']);

function add(card: ICAL.Component, name: string, value: string | string[], type?: string): void {
  const prop = new ICAL.Property(name, card);
  if (type) prop.resetType(type);
  if (Array.isArray(value) && !STRUCTURED.has(name)) prop.setValues(value);
  else prop.setValue(value as string);
  card.addProperty(prop);
}

/** '1990-04-12' → '19900412', '--04-12' → '--0412' (vCard 4.0 writes dates without dashes). */
function vcardDate(day: string): string {
  return day.startsWith('--') ? `--${day.slice(2).replace('-', '')}` : day.replaceAll('-', '');
}

function card(p: Person): ICAL.Component {
  const c = new ICAL.Component('vcard');
  c.addPropertyWithValue('version', '4.0');
  add(c, 'uid', `urn:kith:${p.id}`, 'text');
  c.addPropertyWithValue('fn', p.name);
  add(c, 'n', structuredName(p.name));
  if (p.aliases.length > 0) add(c, 'nickname', p.aliases);
  if (p.organisation) add(c, 'org', [p.organisation]);
  if (p.role) c.addPropertyWithValue('title', p.role);
  for (const e of p.emails) c.addPropertyWithValue('email', e);
  // Phone numbers as people type them ("020 7946 0000 ext. 2") are text, not tel: URIs.
  for (const t of p.phones) add(c, 'tel', t, 'text');
  for (const l of p.links) add(c, 'url', l, 'uri');
  // Kith keeps an address as one line of text: it goes whole into ADR's street component.
  for (const a of p.addresses) add(c, 'adr', ['', '', a, '', '', '', '']);
  if (p.birthday) add(c, 'bday', vcardDate(p.birthday));
  if (p.photo) add(c, 'photo', p.photo, 'uri');
  if (p.notes) c.addPropertyWithValue('note', p.notes);
  if (p.tags.length > 0) add(c, 'categories', p.tags);
  return c;
}

/**
 * People as vCard 4.0 (RFC 6350), one card each, in name order; the owner ("me") is left out. ical.js
 * writes the cards, so escaping and line folding are its, not ours.
 */
export function exportVCards(people: readonly Person[]): string {
  return people
    .filter((p) => !p.isOwner)
    .sort((a, b) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1))
    .map((p) => `${card(p).toString()}\r\n`)
    .join('');
}
