import { commit, type Change } from './change';
import type { CollectionName, Doc, DocByCollection, KithDatabase } from './collections';
import { deleteCommunity } from './communities';
import { deleteEncounter } from './encounters';
import { deleteFollowUp } from './followups';
import type { DanglingReference } from './health';
import { OWNER_ID } from './ids';
import { deletePerson } from './people';
import { Plan } from './plan';
import { findDoc } from './store';
import { deleteTie } from './ties';

/**
 * The repairs "Check the journal" offers. Each is one undoable change, like every other edit: the
 * person can take it back with Undo. They write past the forms' checks on purpose (the document may
 * break other rules too, which is what it is being repaired for); the storage still checks the schema.
 */

const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];

/** Removes a reference to a document that is not in the journal, leaving the rest of the document as it is. */
export async function removeReference(db: KithDatabase, problem: DanglingReference): Promise<Change> {
  const { collection, docId, field, missingId } = problem;
  const stored = await findDoc(db, collection, docId);
  if (!stored) throw new Error(`${problem.label} is no longer in the journal.`);
  const d = stored as unknown as Record<string, unknown>;
  let patch: Record<string, unknown>;
  if (field === 'aId' || field === 'bId') {
    throw new Error(`${problem.label} needs both of its people: delete the tie instead.`);
  } else if (field === 'participantIds') {
    const rest = strings(d.participantIds).filter((id) => id !== missingId);
    if (rest.length === 0) {
      throw new Error(`${problem.label} was with nobody else: delete the encounter instead.`);
    }
    // Someone no longer among the people met cannot have started the encounter.
    patch = { participantIds: rest, ...(d.initiatorId === missingId ? { initiatorId: '' } : {}) };
  } else if (field === 'communityIds') {
    patch = { communityIds: strings(d.communityIds).filter((id) => id !== missingId) };
  } else {
    patch = { [field]: '' };
  }
  const plan = new Plan(db);
  plan.update(collection, stored, patch as Partial<DocByCollection[typeof collection]>);
  return commit(db, `Remove a missing reference from ${problem.label}`, plan.toEntries());
}

/**
 * Deletes one document the check found, as its own page's Delete would (a person leaves their
 * encounters, an encounter takes its follow-ups along). Undoable.
 */
export async function deleteStoredDocument(
  db: KithDatabase,
  collection: CollectionName,
  id: string,
  label: string,
): Promise<Change> {
  const stored = await findDoc(db, collection, id);
  if (!stored) throw new Error(`${label} is no longer in the journal.`);
  switch (collection) {
    case 'encounters':
      return deleteEncounter(db, id);
    case 'communities':
      return deleteCommunity(db, id);
    case 'ties':
      return deleteTie(db, id);
    case 'followups':
      return deleteFollowUp(db, id);
    case 'people':
      // A second "me" (a damaged isOwner) is removed as it is; deletePerson refuses owners.
      if (!(stored as DocByCollection['people']).isOwner) return deletePerson(db, id);
      if (id === OWNER_ID) throw new Error('“Me” cannot be deleted: open it and correct it instead.');
      break;
    case 'settings':
      break;
  }
  const plan = new Plan(db);
  plan.remove(collection, stored as Doc as DocByCollection[typeof collection]);
  return commit(db, `Delete ${label}`, plan.toEntries());
}
