import type { Tie } from '../domain/entities';
import { TIE_LABELS } from '../domain/kinds';
import { parseOrThrow, tieInput, ValidationError, type TieFields, type TieInput } from '../domain/validation';
import { commit, type Change } from './change';
import type { KithDatabase } from './collections';
import { contentOf, definedOnly } from './content';
import { Plan } from './plan';
import { checkReferences, findWhere, requireDoc } from './store';

/** A pair has one identity whichever way round it was entered. */
function normalised(fields: TieFields): TieFields {
  return fields.aId <= fields.bId ? fields : { ...fields, aId: fields.bId, bId: fields.aId };
}

async function checkTie(db: KithDatabase, fields: TieFields, selfId: string): Promise<void> {
  await checkReferences(db, 'people', [
    { path: 'aId', id: fields.aId, label: 'First person' },
    { path: 'bId', id: fields.bId, label: 'Second person' },
  ]);
  const same = await findWhere(db, 'ties', { aId: fields.aId, bId: fields.bId, kind: fields.kind });
  if (same.some((t) => t.id !== selfId)) {
    throw new ValidationError([
      { path: 'kind', message: `These two people already have a “${TIE_LABELS[fields.kind]}” tie.` },
    ]);
  }
}

export async function createTie(db: KithDatabase, input: TieInput): Promise<{ tie: Tie; change: Change }> {
  const fields = normalised(parseOrThrow(tieInput, input));
  await checkTie(db, fields, '');
  const plan = new Plan(db);
  const tie = plan.create('ties', fields);
  const change = await commit(db, 'Add tie', plan.toEntries());
  return { tie, change };
}

export async function updateTie(
  db: KithDatabase,
  id: string,
  patch: Partial<TieInput>,
): Promise<{ tie: Tie; change: Change }> {
  const stored = await requireDoc(db, 'ties', id);
  const fields = normalised(parseOrThrow(tieInput, { ...contentOf(stored), ...definedOnly(patch) }));
  await checkTie(db, fields, id);
  const plan = new Plan(db);
  const tie = plan.update('ties', stored, fields);
  const change = await commit(db, 'Edit tie', plan.toEntries());
  return { tie, change };
}

export async function deleteTie(db: KithDatabase, id: string): Promise<Change> {
  const stored = await requireDoc(db, 'ties', id);
  const plan = new Plan(db);
  plan.remove('ties', stored);
  return commit(db, 'Delete tie', plan.toEntries());
}
