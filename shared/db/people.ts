import type { Person } from '../domain/entities';
import {
  parseOrThrow,
  personInput,
  prefixIssues,
  validate,
  ValidationError,
  type PersonFields,
  type PersonInput,
} from '../domain/validation';
import { commit, type Change } from './change';
import type { KithDatabase } from './collections';
import { contentOf, definedOnly, type Content } from './content';
import { Plan } from './plan';
import { checkReferences, findWhere, requireDoc } from './store';

/** Validates a person input, with issue paths under `prefix` (e.g. 'newPeople.1') when nested. */
export function parsePerson(input: unknown, prefix = ''): PersonFields {
  return parseOrThrow(personInput, input, prefix);
}

export async function checkPersonReferences(
  db: KithDatabase,
  fields: PersonFields,
  prefix = '',
  newIds: ReadonlySet<string> = new Set(),
): Promise<void> {
  const at = (path: string) => (prefix ? `${prefix}.${path}` : path);
  await checkReferences(
    db,
    'people',
    [{ path: at('introducedById'), id: fields.introducedById, label: 'Introduced by' }],
    newIds,
  );
  await checkReferences(
    db,
    'communities',
    fields.communityIds.map((id, i) => ({ path: at(`communityIds.${i}`), id, label: 'Community' })),
  );
}

export async function createPerson(
  db: KithDatabase,
  input: PersonInput,
): Promise<{ person: Person; change: Change }> {
  const fields = parsePerson(input);
  await checkPersonReferences(db, fields);
  const plan = new Plan(db);
  const person = plan.create('people', { ...fields, isOwner: false });
  const change = await commit(db, `Add ${person.name}`, plan.toEntries());
  return { person, change };
}

export async function updatePerson(
  db: KithDatabase,
  id: string,
  patch: Partial<PersonInput>,
): Promise<{ person: Person; change: Change }> {
  const stored = await requireDoc(db, 'people', id);
  const fields = parsePerson({ ...contentOf(stored), ...definedOnly(patch) });
  if (fields.introducedById === id) {
    throw new ValidationError([{ path: 'introducedById', message: 'Nobody can introduce themselves.' }]);
  }
  await checkPersonReferences(db, fields);
  const plan = new Plan(db);
  const person = plan.update('people', stored, fields);
  const change = await commit(db, `Edit ${person.name}`, plan.toEntries());
  return { person, change };
}

export async function setArchived(db: KithDatabase, id: string, archived: boolean): Promise<Change> {
  const stored = await requireDoc(db, 'people', id);
  const plan = new Plan(db);
  plan.update('people', stored, { archived });
  return commit(db, `${archived ? 'Archive' : 'Unarchive'} ${stored.name}`, plan.toEntries());
}

/**
 * Removes the person and everything that only makes sense with them: their follow-ups and explicit
 * ties; they leave every encounter, and an encounter left with nobody in it goes too.
 */
export async function deletePerson(db: KithDatabase, id: string): Promise<Change> {
  const person = await requireDoc(db, 'people', id);
  if (person.isOwner) {
    throw new Error('You cannot delete yourself: the owner (“me”) is the centre of the journal.');
  }
  const plan = new Plan(db);
  for (const e of await findWhere(db, 'encounters', {
    $or: [{ participantIds: { $elemMatch: { $eq: id } } }, { initiatorId: id }],
  })) {
    const participantIds = e.participantIds.filter((p) => p !== id);
    if (participantIds.length === 0) {
      plan.remove('encounters', e);
      for (const f of await findWhere(db, 'followups', { encounterId: e.id })) plan.remove('followups', f);
    } else {
      plan.update('encounters', e, {
        participantIds,
        initiatorId: e.initiatorId === id ? '' : e.initiatorId,
      });
    }
  }
  for (const f of await findWhere(db, 'followups', { personId: id })) plan.remove('followups', f);
  for (const t of await findWhere(db, 'ties', { $or: [{ aId: id }, { bId: id }] })) plan.remove('ties', t);
  for (const p of await findWhere(db, 'people', { introducedById: id }))
    plan.update('people', p, { introducedById: '' });
  plan.remove('people', person);
  return commit(db, `Delete ${person.name}`, plan.toEntries());
}

/** Re-validates a merged person so the merge cannot exceed a limit (e.g. too many aliases). */
export function validateMerged(person: Content<Person>): void {
  const result = validate(personInput, person);
  if (!result.ok) throw new ValidationError(prefixIssues(result.issues, 'merged'));
}
