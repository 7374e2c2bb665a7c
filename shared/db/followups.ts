import type { FollowUp } from '../domain/entities';
import { followUpInput, parseOrThrow, type FollowUpFields, type FollowUpInput } from '../domain/validation';
import { commit, type Change } from './change';
import type { KithDatabase } from './collections';
import { contentOf, definedOnly } from './content';
import { Plan } from './plan';
import { checkReferences, requireDoc } from './store';

async function checkFollowUp(db: KithDatabase, fields: FollowUpFields): Promise<void> {
  await checkReferences(db, 'people', [{ path: 'personId', id: fields.personId, label: 'Person' }]);
  await checkReferences(db, 'encounters', [
    { path: 'encounterId', id: fields.encounterId, label: 'Encounter' },
  ]);
}

export async function createFollowUp(
  db: KithDatabase,
  input: FollowUpInput,
): Promise<{ followUp: FollowUp; change: Change }> {
  const fields = parseOrThrow(followUpInput, input);
  await checkFollowUp(db, fields);
  const plan = new Plan(db);
  const followUp = plan.create('followups', fields);
  const change = await commit(db, 'Add follow-up', plan.toEntries());
  return { followUp, change };
}

export async function updateFollowUp(
  db: KithDatabase,
  id: string,
  patch: Partial<FollowUpInput>,
): Promise<{ followUp: FollowUp; change: Change }> {
  const stored = await requireDoc(db, 'followups', id);
  const fields = parseOrThrow(followUpInput, { ...contentOf(stored), ...definedOnly(patch) });
  await checkFollowUp(db, fields);
  const plan = new Plan(db);
  const followUp = plan.update('followups', stored, fields);
  const change = await commit(
    db,
    fields.done && !stored.done ? 'Complete follow-up' : 'Edit follow-up',
    plan.toEntries(),
  );
  return { followUp, change };
}

export async function deleteFollowUp(db: KithDatabase, id: string): Promise<Change> {
  const stored = await requireDoc(db, 'followups', id);
  const plan = new Plan(db);
  plan.remove('followups', stored);
  return commit(db, 'Delete follow-up', plan.toEntries());
}
