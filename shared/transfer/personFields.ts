import type { Person } from '../domain/entities';
import { personInput, validate, type PersonFields } from '../domain/validation';
import type { Content } from '../db/content';
import { IMPORTED_FIELDS, type PersonCandidate } from './candidates';
import { emailKey, phoneKey } from './match';

export type ImportedFields = Pick<PersonFields, (typeof IMPORTED_FIELDS)[number]>;

const LIST_FIELDS = new Set(['aliases', 'emails', 'phones', 'links', 'addresses', 'tags']);

function only<T extends object>(source: T): Record<string, unknown> {
  const from = source as Record<string, unknown>;
  return Object.fromEntries(IMPORTED_FIELDS.map((field) => [field, from[field]]));
}

const inputOf = (c: PersonCandidate): Record<string, unknown> => only(c);
const pick = (f: PersonFields): ImportedFields => only(f) as ImportedFields;

export type SanitisedCandidate =
  { ok: true; fields: ImportedFields; warnings: string[] } | { ok: false; problem: string };

/**
 * A candidate as person fields. One bad value does not cost the whole contact: a bad list entry (an
 * email that is not an address) is dropped and a bad single value (a birthday on 30 February) left
 * blank, each with a warning naming it; only a contact with no usable name is refused.
 */
export function sanitiseCandidate(c: PersonCandidate): SanitisedCandidate {
  const input = inputOf(c);
  const warnings: string[] = [];
  for (let attempt = 0; attempt < 3; attempt++) {
    const result = validate(personInput, input);
    if (result.ok) return { ok: true, fields: pick(result.value), warnings };
    const drop = new Map<string, Set<number>>();
    for (const issue of result.issues) {
      const [field = '', index] = issue.path.split('.');
      if (field === 'name' || field === '') return { ok: false, problem: issue.message };
      warnings.push(`${issue.message} (left out)`);
      if (LIST_FIELDS.has(field) && index !== undefined) {
        drop.set(field, (drop.get(field) ?? new Set()).add(Number(index)));
      } else if (LIST_FIELDS.has(field)) {
        input[field] = (input[field] as string[]).slice(0, 100);
      } else {
        input[field] = '';
      }
    }
    for (const [field, indexes] of drop) {
      input[field] = (input[field] as string[]).filter((_, i) => !indexes.has(i));
    }
  }
  return { ok: false, problem: 'The contact could not be made valid.' };
}

function unionBy(a: readonly string[], b: readonly string[], key: (s: string) => string): string[] {
  const seen = new Set(a.map((s) => key(s) || s));
  const out = [...a];
  for (const s of b) {
    const k = key(s) || s;
    if (!seen.has(k)) {
      seen.add(k);
      out.push(s);
    }
  }
  return out;
}

const same = (s: string) => s;
const lower = (s: string) => s.trim().toLowerCase();

/**
 * Adds what an imported contact knows to a person without overwriting anything they already have:
 * blanks are filled, lists joined (emails and phones compared as the matcher compares them), a
 * different name kept as an alias and new notes appended.
 */
export function foldInto<T extends ImportedFields>(base: T, add: ImportedFields): T {
  const aliases = lower(add.name) === lower(base.name) ? add.aliases : [add.name, ...add.aliases];
  const notes =
    !add.notes || base.notes.includes(add.notes)
      ? base.notes
      : [base.notes, add.notes].filter(Boolean).join('\n\n');
  return {
    ...base,
    aliases: unionBy(base.aliases, aliases, lower).filter((a) => lower(a) !== lower(base.name)),
    organisation: base.organisation || add.organisation,
    role: base.role || add.role,
    emails: unionBy(base.emails, add.emails, emailKey),
    phones: unionBy(base.phones, add.phones, phoneKey),
    links: unionBy(base.links, add.links, same),
    addresses: unionBy(base.addresses, add.addresses, lower),
    birthday: base.birthday || add.birthday,
    photo: base.photo || add.photo,
    notes,
    tags: unionBy(base.tags, add.tags, lower),
  };
}

/** The content of a brand-new person made from imported fields. */
export function newPersonContent(fields: ImportedFields): Content<Person> {
  return {
    ...fields,
    introducedById: '',
    howWeMet: '',
    cadenceDays: 0,
    wantToReach: false,
    isOwner: false,
    archived: false,
    communityIds: [],
  };
}
