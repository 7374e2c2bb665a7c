import { LIMITS, isBirthday, isPhoto } from '../../domain/validation';
import type { PersonCandidate, SourceRef } from '../candidates';
import { cleanLine, cut } from './clean';
import { FieldCleaner } from './fields';
import type { ProblemList } from './problems';

/** What an importer read for one person, before cleaning; every field optional. */
export interface RawPerson {
  name?: string;
  nameParts?: string[];
  aliases?: string[];
  organisation?: string;
  role?: string;
  emails?: string[];
  phones?: string[];
  links?: string[];
  addresses?: string[];
  birthday?: string;
  photo?: string;
  notes?: string;
  tags?: string[];
}

const EMAIL = /^[^\s@]+@[^\s@]+$/;
/** Links are kept only as web addresses (or scheme-less ones): a javascript: or file: link is not a contact's page. */
const LINK = /^(https?:\/\/|mailto:|(?![a-z][a-z0-9+.-]*:))/i;

/**
 * Cleans and caps one person (see clean.ts), drops what the journal would refuse (with a problem naming it), and
 * returns null — with a problem — when nothing names the person at all.
 */
export function finishPerson(raw: RawPerson, ref: SourceRef, problems: ProblemList): PersonCandidate | null {
  const f = new FieldCleaner(ref, problems);
  const emails = f.list(raw.emails, LIMITS.email, 'email', (v) => EMAIL.test(v));
  const phones = f.list(raw.phones, LIMITS.phone, 'phone number');
  const organisation = f.line(raw.organisation, LIMITS.shortText, 'Organisation');
  let name = f.line(raw.name, LIMITS.name, 'Name');
  if (name === '' && raw.nameParts) name = f.line(raw.nameParts.join(' '), LIMITS.name, 'Name');
  // Contact lists hold company cards and bare addresses; they still name someone the user may know.
  if (name === '') name = cut(organisation || emails[0] || phones[0] || '', LIMITS.name);
  if (name === '') {
    problems.add(ref, 'no name, organisation, email or phone; skipped.');
    return null;
  }
  let birthday = cleanLine(raw.birthday ?? '');
  if (!isBirthday(birthday)) {
    problems.add(
      ref,
      `birthday “${cut(birthday, 40)}” is not a real date (expected 1990-04-12 or --04-12); left out.`,
    );
    birthday = '';
  }
  let photo = raw.photo ?? '';
  if (photo.length > LIMITS.photo) {
    problems.add(
      ref,
      `photo is ${Math.round(photo.length / 1024)} KB as text, over the ${LIMITS.photo / 1000} KB limit; left out.`,
    );
    photo = '';
  } else if (!isPhoto(photo)) {
    problems.add(ref, 'photo is not a PNG, JPEG, GIF or WebP image; left out.');
    photo = '';
  }
  return {
    ref,
    name,
    aliases: f.list(raw.aliases, LIMITS.name, 'alias').filter((a) => a !== name),
    organisation,
    role: f.line(raw.role, LIMITS.shortText, 'Role'),
    emails,
    phones,
    links: f.list(raw.links, LIMITS.link, 'link', (v) => LINK.test(v)),
    addresses: f.list(raw.addresses, LIMITS.address, 'address'),
    birthday,
    photo,
    notes: f.text(raw.notes, LIMITS.notes, 'Notes'),
    tags: f.list(raw.tags, LIMITS.tag, 'tag'),
  };
}
