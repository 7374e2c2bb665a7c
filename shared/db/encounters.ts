import type { Encounter, Person } from '../domain/entities';
import {
  encounterInput,
  parseOrThrow,
  ValidationError,
  type EncounterFields,
  type EncounterInput,
  type PersonInput,
} from '../domain/validation';
import { commit, type Change } from './change';
import type { KithDatabase } from './collections';
import { contentOf, definedOnly } from './content';
import { newId, OWNER_ID } from './ids';
import { checkPersonReferences, parsePerson } from './people';
import { Plan } from './plan';
import { checkReferences, findWhere, requireDoc } from './store';

async function checkEncounter(
  db: KithDatabase,
  fields: EncounterFields,
  newIds: ReadonlySet<string>,
): Promise<void> {
  const ownerAt = fields.participantIds.indexOf(OWNER_ID);
  if (ownerAt >= 0) {
    throw new ValidationError([
      {
        path: `participantIds.${ownerAt}`,
        message: 'You are part of every encounter already: list only the other people.',
      },
    ]);
  }
  if (
    fields.initiatorId &&
    fields.initiatorId !== OWNER_ID &&
    !fields.participantIds.includes(fields.initiatorId)
  ) {
    throw new ValidationError([
      { path: 'initiatorId', message: 'Initiated by must be you or one of the participants.' },
    ]);
  }
  await checkReferences(
    db,
    'people',
    fields.participantIds.map((id, i) => ({ path: `participantIds.${i}`, id, label: 'Participant' })),
    newIds,
  );
  await checkReferences(db, 'communities', [
    { path: 'communityId', id: fields.communityId, label: 'Community' },
  ]);
}

/**
 * Records an encounter, creating any people met for the first time in the same step: every input is
 * validated before anything is written, so a mistake in the third new person saves nothing.
 */
export async function recordEncounter(
  db: KithDatabase,
  input: EncounterInput,
  newPeople: PersonInput[] = [],
): Promise<{ encounter: Encounter; created: Person[]; change: Change }> {
  const people = newPeople.map((p, i) => ({ id: newId(), fields: parsePerson(p, `newPeople.${i}`) }));
  const newIds = new Set(people.map((p) => p.id));
  const fields = parseOrThrow(encounterInput, {
    ...input,
    participantIds: [...(input.participantIds ?? []), ...newIds],
  });
  for (const [i, p] of people.entries()) await checkPersonReferences(db, p.fields, `newPeople.${i}`, newIds);
  await checkEncounter(db, fields, newIds);

  const plan = new Plan(db);
  const created = people.map((p) => plan.create('people', { ...p.fields, isOwner: false }, p.id));
  const encounter = plan.create('encounters', fields);
  const label = fields.title ? `Record “${fields.title}”` : `Record encounter on ${fields.date}`;
  const change = await commit(db, label, plan.toEntries());
  return { encounter, created, change };
}

export async function updateEncounter(
  db: KithDatabase,
  id: string,
  patch: Partial<EncounterInput>,
): Promise<{ encounter: Encounter; change: Change }> {
  const stored = await requireDoc(db, 'encounters', id);
  const fields = parseOrThrow(encounterInput, { ...contentOf(stored), ...definedOnly(patch) });
  await checkEncounter(db, fields, new Set());
  const plan = new Plan(db);
  const encounter = plan.update('encounters', stored, fields);
  const change = await commit(db, `Edit encounter on ${encounter.date}`, plan.toEntries());
  return { encounter, change };
}

export async function deleteEncounter(db: KithDatabase, id: string): Promise<Change> {
  const stored = await requireDoc(db, 'encounters', id);
  const plan = new Plan(db);
  for (const f of await findWhere(db, 'followups', { encounterId: id })) plan.remove('followups', f);
  plan.remove('encounters', stored);
  return commit(db, `Delete encounter on ${stored.date}`, plan.toEntries());
}
