import type { RxJsonSchema } from 'rxdb';
import { isClockTime, isRealDay } from '../domain/days';
import { isBirthday, isPhoto, type ValidationIssue } from '../domain/validation';
import { collectionCreators, COLLECTION_NAMES, type CollectionName } from './collections';
import { parseStamp } from './fieldTimes';
import { OWNER_ID } from './ids';
import { compileSchema } from './schemaCheck';

/**
 * Whether a document may be stored in the journal: the collection's JSON schema (what the storage
 * itself checks) and the domain rules the forms enforce (real days, one owner, two different people
 * in a tie …). Every document that arrives from outside this device's own forms — sync, a backup, an
 * import — passes here first; one that fails is set aside (./quarantine), never applied.
 *
 * References to other documents (an encounter's participants) are not checked here: sync brings each
 * collection on its own, so a person may arrive after the encounter that names them. The data health
 * scan reports references that stay dangling.
 */

type Rule = (doc: Record<string, unknown>) => ValidationIssue[];

const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

let schemaChecks: Map<CollectionName, (doc: unknown) => ValidationIssue[]> | null = null;

function schemaIssues(collection: CollectionName, doc: unknown): ValidationIssue[] {
  schemaChecks ??= new Map(
    COLLECTION_NAMES.map((name) => [
      name,
      compileSchema(collectionCreators[name].schema as unknown as RxJsonSchema<unknown>),
    ]),
  );
  return (schemaChecks.get(collection) as (doc: unknown) => ValidationIssue[])(doc);
}

function issue(path: string, message: string): ValidationIssue {
  return { path, message };
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

function day(
  doc: Record<string, unknown>,
  field: string,
  label: string,
  optional: boolean,
): ValidationIssue[] {
  const value = str(doc[field]);
  if (optional && value === '') return [];
  return isRealDay(value) ? [] : [issue(field, `${label} “${value}” is not a real day.`)];
}

function named(doc: Record<string, unknown>, field: string, what: string): ValidationIssue[] {
  return str(doc[field]).trim() === ''
    ? [issue(field, `${what} has no ${field === 'text' ? 'text' : 'name'}.`)]
    : [];
}

const RULES: Record<CollectionName, Rule> = {
  people: (d) => [
    ...named(d, 'name', 'The person'),
    ...(isBirthday(str(d.birthday))
      ? []
      : [issue('birthday', `Birthday “${str(d.birthday)}” is not a real day.`)]),
    ...(isPhoto(str(d.photo)) ? [] : [issue('photo', 'The photo is not a PNG, JPEG, GIF or WebP image.')]),
    // Exactly one owner, always under the fixed id: two "me"s would split the network in two.
    ...((d.isOwner === true) !== (d.id === OWNER_ID)
      ? [issue('isOwner', d.isOwner === true ? 'Only “me” can be the owner.' : '“Me” must be the owner.')]
      : []),
  ],
  encounters: (d) => {
    const ids = Array.isArray(d.participantIds) ? (d.participantIds as unknown[]) : [];
    const time = str(d.time);
    return [
      ...day(d, 'date', 'Date', false),
      ...(time === '' || isClockTime(time) ? [] : [issue('time', `Time “${time}” is not a time of day.`)]),
      ...(new Set(ids).size !== ids.length
        ? [issue('participantIds', 'A participant is listed twice.')]
        : []),
      ...(ids.includes(OWNER_ID) ? [issue('participantIds', '“Me” cannot be one of the people met.')] : []),
    ];
  },
  communities: (d) => named(d, 'name', 'The community'),
  ties: (d) => [
    ...(d.aId === d.bId ? [issue('bId', 'A tie needs two different people.')] : []),
    ...day(d, 'since', 'Since', true),
  ],
  followups: (d) => [...named(d, 'text', 'The follow-up'), ...day(d, 'due', 'Due date', true)],
  settings: () => [],
};

function bookkeepingIssues(doc: Record<string, unknown>): ValidationIssue[] {
  const found: ValidationIssue[] = [];
  if (!ID_PATTERN.test(str(doc.id)))
    found.push(issue('id', `The id “${str(doc.id).slice(0, 80)}” is not a Kith id.`));
  const times = doc.fieldTimes;
  if (times && typeof times === 'object') {
    for (const [field, stamp] of Object.entries(times)) {
      if (typeof stamp !== 'string' || !parseStamp(stamp)) {
        found.push(issue(`fieldTimes.${field}`, `The edit time of “${field}” is damaged.`));
      }
    }
  }
  return found;
}

/** Problems that keep `doc` out of `collection` ([] when it may be stored); `doc` without _deleted/_meta/_rev. */
export function checkStoredDocument(collection: CollectionName, doc: unknown): ValidationIssue[] {
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) return [issue('', 'It is not a document.')];
  const schema = schemaIssues(collection, doc);
  const d = doc as Record<string, unknown>;
  // Domain rules read fields the schema has vouched for; on a schema failure they would only repeat it.
  return schema.length > 0
    ? [...schema, ...bookkeepingIssues(d)]
    : [...bookkeepingIssues(d), ...RULES[collection](d)];
}

/**
 * Problems that keep a removed document's last version out of storage: only what the storage itself
 * checks. A removal is applied even when the version it removes broke the journal's rules (removing
 * a bad document is how it is repaired); it is never shown.
 */
export function checkRemovedDocument(collection: CollectionName, doc: unknown): ValidationIssue[] {
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) return [issue('', 'It is not a document.')];
  return schemaIssues(collection, doc);
}

/** One sentence for a person: the first problem, and how many more. */
export function describeIssues(issues: readonly ValidationIssue[]): string {
  const first = issues[0];
  if (!first) return '';
  const where = first.path ? `${first.path}: ` : '';
  const more =
    issues.length > 1
      ? ` (and ${issues.length - 1} more ${issues.length === 2 ? 'problem' : 'problems'})`
      : '';
  return `${where}${first.message}${more}`;
}
