import { z } from 'zod';
import { CHANNELS, COMMUNITY_KINDS, CONTEXT_KINDS, RATING_MAX, TIE_KINDS } from './kinds';
import { isClockTime, isRealDay } from './days';

export {
  FAR_FUTURE_DAYS,
  isFarFuture,
  isRealDay,
  isClockTime,
  todayString,
  addDays,
  daysBetween,
} from './days';

/**
 * What forms, imports and IPC may supply. Every message is a sentence that names the field, because
 * it is shown to the user as is. Ids, timestamps and fieldTimes are never accepted from outside.
 */

export const LIMITS = {
  name: 200,
  shortText: 200,
  longText: 2_000,
  notes: 20_000,
  email: 320,
  phone: 50,
  link: 2_000,
  address: 500,
  /** A data: URL; about 110 KB of image, plenty for a contact's thumbnail. */
  photo: 150_000,
  tag: 100,
  id: 64,
  listItems: 100,
  participants: 1_000,
  durationMinutes: 7 * 24 * 60,
  cadenceDays: 3_650,
} as const;

function text(label: string, max: number) {
  return z
    .string({ error: `${label} must be text.` })
    .trim()
    .max(max, { error: `${label} must be at most ${max} characters.` })
    .default('');
}

function requiredText(label: string, max: number, missing: string) {
  return z
    .string({ error: (iss) => (iss.input === undefined ? missing : `${label} must be text.`) })
    .trim()
    .min(1, { error: missing, abort: true })
    .max(max, { error: `${label} must be at most ${max} characters.` });
}

/**
 * A list of short strings; blank entries (an empty form row) are dropped and exact repeats merged,
 * so "the same tag twice" never reaches the database.
 */
function list(label: string, item: z.ZodType<string>, maxItems: number = LIMITS.listItems) {
  return z
    .array(item, { error: `${label} must be a list.` })
    .max(maxItems, { error: `${label} can hold at most ${maxItems} entries.` })
    .transform((items) => [...new Set(items.filter((s) => s !== ''))])
    .default([]);
}

function listItem(itemLabel: string, max: number) {
  return z
    .string({ error: `Each ${itemLabel} must be text.` })
    .trim()
    .max(max, { error: `Each ${itemLabel} must be at most ${max} characters.` });
}

function personId(label: string) {
  return text(label, LIMITS.id);
}

function integer(label: string, min: number, max: number, range: string) {
  return z
    .number({ error: `${label} must be a number.` })
    .int({ error: `${label} must be a whole number.` })
    .min(min, { error: `${label} must be ${range}.` })
    .max(max, { error: `${label} must be ${range}.` });
}

function flag(label: string) {
  return z.boolean({ error: `${label} must be yes or no.` }).default(false);
}

function oneOf<const T extends readonly [string, ...string[]]>(
  label: string,
  values: T,
  fallback: T[number],
) {
  return z.enum(values, { error: `${label} must be one of: ${values.join(', ')}.` }).default(fallback);
}

/** A real calendar day, or '' when the field is optional and unknown. */
function optionalDay(label: string) {
  return z
    .string({ error: `${label} must be text like 2026-11-26.` })
    .trim()
    .refine((v) => v === '' || isRealDay(v), { error: `${label} must be a real day, like 2026-11-26.` })
    .default('');
}

/** '' or 'YYYY-MM-DD' (a real day) or '--MM-DD' (no year; 29 February allowed), as vCard writes it. */
export function isBirthday(v: string): boolean {
  if (v === '' || isRealDay(v)) return true;
  const m = /^--(\d{2})-(\d{2})$/.exec(v);
  // 2000 is a leap year, so '--02-29' counts as a real day.
  return m !== null && isRealDay(`2000-${m[1]}-${m[2]}`);
}

const PHOTO_PATTERN = /^data:image\/(png|jpeg|gif|webp);base64,[A-Za-z0-9+/]+={0,2}$/;

/** '' or a base64 data: URL of a PNG, JPEG, GIF or WebP image: never a link the app would fetch. */
export function isPhoto(v: string): boolean {
  return v === '' || PHOTO_PATTERN.test(v);
}

const email = listItem('email', LIMITS.email).refine((v) => v === '' || /^[^\s@]+@[^\s@]+$/.test(v), {
  error: (iss) => `Email “${String(iss.input)}” must look like name@example.org.`,
});

export const personInput = z.object({
  name: requiredText('Name', LIMITS.name, 'A person needs a name.'),
  aliases: list('Aliases', listItem('alias', LIMITS.name)),
  organisation: text('Organisation', LIMITS.shortText),
  role: text('Role', LIMITS.shortText),
  emails: list('Emails', email),
  phones: list('Phones', listItem('phone number', LIMITS.phone)),
  links: list('Links', listItem('link', LIMITS.link)),
  addresses: list('Addresses', listItem('address', LIMITS.address)),
  birthday: z
    .string({ error: 'Birthday must be text like 1990-04-12 or --04-12.' })
    .trim()
    .refine(isBirthday, {
      error: 'Birthday must be a real day, like 1990-04-12, or --04-12 without the year.',
    })
    .default(''),
  photo: z
    .string({ error: 'Photo must be an image data URL.' })
    .max(LIMITS.photo, { error: `Photo must be at most ${LIMITS.photo} characters (about 110 KB).` })
    .refine(isPhoto, { error: 'Photo must be a PNG, JPEG, GIF or WebP image as a base64 data: URL.' })
    .default(''),
  tags: list('Tags', listItem('tag', LIMITS.tag)),
  introducedById: personId('Introduced by'),
  howWeMet: text('How we met', LIMITS.longText),
  notes: text('Notes', LIMITS.notes),
  cadenceDays: integer(
    'Keep-in-touch cadence',
    0,
    LIMITS.cadenceDays,
    'between 0 (none) and 3650 days',
  ).default(0),
  wantToReach: flag('Want to reach'),
  archived: flag('Archived'),
  communityIds: list('Communities', listItem('community id', LIMITS.id)),
});

export const encounterInput = z.object({
  date: z
    .string({
      error: (iss) =>
        iss.input === undefined ? 'An encounter needs a date.' : 'Date must be text like 2026-11-26.',
    })
    .trim()
    .min(1, { error: 'An encounter needs a date.', abort: true })
    .refine(isRealDay, { error: 'Date must be a real day, like 2026-11-26.' }),
  time: z
    .string({ error: 'Time must be text like 14:30.' })
    .trim()
    .refine((v) => v === '' || isClockTime(v), {
      error: 'Time must be a time of day like 14:30, or left empty.',
    })
    .default(''),
  durationMinutes: integer(
    'Duration',
    0,
    LIMITS.durationMinutes,
    `between 0 (unknown) and ${LIMITS.durationMinutes} minutes (a week)`,
  ).default(0),
  context: oneOf('Context', CONTEXT_KINDS, 'meeting'),
  channel: oneOf('Channel', CHANNELS, 'in-person'),
  place: text('Place', LIMITS.shortText),
  title: text('Title', LIMITS.shortText),
  // prefault, not default: a missing list must still go through the "at least one" check.
  participantIds: z
    .array(listItem('participant id', LIMITS.id).min(1, { error: 'A participant id cannot be empty.' }), {
      error: 'Participants must be a list.',
    })
    .max(LIMITS.participants, { error: `An encounter can have at most ${LIMITS.participants} participants.` })
    .transform((ids) => [...new Set(ids)])
    .refine((ids) => ids.length > 0, { error: 'An encounter needs at least one participant.' })
    .prefault([]),
  initiatorId: personId('Initiated by'),
  rating: integer('Rating', 0, RATING_MAX, `between 0 (not rated) and ${RATING_MAX}`).default(0),
  notes: text('Notes', LIMITS.notes),
  communityId: personId('Community'),
  tags: list('Tags', listItem('tag', LIMITS.tag)),
});

export const communityInput = z.object({
  name: requiredText('Name', LIMITS.name, 'A community needs a name.'),
  kind: oneOf('Kind', COMMUNITY_KINDS, 'other'),
  notes: text('Notes', LIMITS.notes),
  tags: list('Tags', listItem('tag', LIMITS.tag)),
});

export const tieInput = z
  .object({
    aId: requiredText('First person', LIMITS.id, 'A tie needs two people.'),
    bId: requiredText('Second person', LIMITS.id, 'A tie needs two people.'),
    kind: oneOf('Kind', TIE_KINDS, 'other'),
    notes: text('Notes', LIMITS.notes),
    since: optionalDay('Since'),
  })
  .refine((t) => t.aId !== t.bId, { error: 'A tie needs two different people.', path: ['bId'] });

export const followUpInput = z.object({
  text: requiredText('Follow-up', LIMITS.longText, 'A follow-up needs some text.'),
  personId: personId('Person'),
  encounterId: text('Encounter', LIMITS.id),
  due: optionalDay('Due date'),
  done: flag('Done'),
});

export type PersonInput = z.input<typeof personInput>;
export type EncounterInput = z.input<typeof encounterInput>;
export type CommunityInput = z.input<typeof communityInput>;
export type TieInput = z.input<typeof tieInput>;
export type FollowUpInput = z.input<typeof followUpInput>;

export type PersonFields = z.output<typeof personInput>;
export type EncounterFields = z.output<typeof encounterInput>;
export type CommunityFields = z.output<typeof communityInput>;
export type TieFields = z.output<typeof tieInput>;
export type FollowUpFields = z.output<typeof followUpInput>;

export interface ValidationIssue {
  /** The field, dotted for nested values ('emails.1'); '' for the input as a whole. */
  path: string;
  message: string;
}

export type ValidationResult<T> = { ok: true; value: T } | { ok: false; issues: ValidationIssue[] };

/** Zod's own wording ("expected string, received number") does not say which field; ours does. */
function fallbackMessage(iss: { path?: PropertyKey[]; message?: string; code?: string }): string {
  const where = iss.path && iss.path.length > 0 ? `“${iss.path.map(String).join('.')}”` : 'The input';
  return `${where} is not valid${iss.code === 'invalid_type' ? ': wrong kind of value' : ''}.`;
}

export function validate<T>(schema: z.ZodType<T>, data: unknown): ValidationResult<T> {
  const result = schema.safeParse(data, { error: (iss) => fallbackMessage(iss) });
  if (result.success) return { ok: true, value: result.data };
  return {
    ok: false,
    issues: result.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
  };
}

export class ValidationError extends Error {
  readonly issues: ValidationIssue[];

  constructor(issues: ValidationIssue[]) {
    super(issues.map((i) => i.message).join(' ') || 'The input is not valid.');
    this.name = 'ValidationError';
    this.issues = issues;
  }
}

/** validate() for code paths that must not go on with bad input; `prefix` places nested inputs ('newPeople.1'). */
export function parseOrThrow<T>(schema: z.ZodType<T>, data: unknown, prefix = ''): T {
  const result = validate(schema, data);
  if (result.ok) return result.value;
  throw new ValidationError(prefixIssues(result.issues, prefix));
}

export function prefixIssues(issues: ValidationIssue[], prefix: string): ValidationIssue[] {
  if (!prefix) return issues;
  return issues.map((i) => ({ ...i, path: i.path ? `${prefix}.${i.path}` : prefix }));
}
