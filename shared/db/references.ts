import type { CollectionName } from './collections';

/**
 * Every field that holds the id of another document, in one place: the data health check (dangling
 * references), a restore (what must be set aside or kept so that nothing points at nothing) and
 * anything else that follows references read this list, so a reference field added to a schema is
 * added here once.
 */

/** Collections that other documents refer to. */
export type ReferencedCollection = 'people' | 'communities' | 'encounters';

/** Fields that hold the id of another document. */
export type ReferenceField =
  | 'participantIds'
  | 'initiatorId'
  | 'communityId'
  | 'aId'
  | 'bId'
  | 'personId'
  | 'encounterId'
  | 'introducedById'
  | 'communityIds';

export interface ReferenceRule {
  field: ReferenceField;
  target: ReferencedCollection;
  /** A list of ids (else one id, '' for none). */
  many: boolean;
  /** The document cannot stand without it (a tie's ends). */
  essential: boolean;
}

const one = (field: ReferenceField, target: ReferencedCollection, essential = false): ReferenceRule => ({
  field,
  target,
  many: false,
  essential,
});
const many = (field: ReferenceField, target: ReferencedCollection): ReferenceRule => ({
  field,
  target,
  many: true,
  essential: false,
});

export const REFERENCE_RULES: Readonly<Partial<Record<CollectionName, readonly ReferenceRule[]>>> = {
  people: [one('introducedById', 'people'), many('communityIds', 'communities')],
  encounters: [
    many('participantIds', 'people'),
    one('initiatorId', 'people'),
    one('communityId', 'communities'),
  ],
  ties: [one('aId', 'people', true), one('bId', 'people', true)],
  followups: [one('personId', 'people'), one('encounterId', 'encounters')],
};

/**
 * The ids a document names in one reference field, read defensively (the document may break its
 * schema): strings only, '' ("none") left out, each once.
 */
export function idsIn(rule: ReferenceRule, doc: Record<string, unknown>): string[] {
  const value = doc[rule.field];
  const values = rule.many ? (Array.isArray(value) ? (value as unknown[]) : []) : [value];
  return [...new Set(values.filter((v): v is string => typeof v === 'string' && v !== ''))];
}
