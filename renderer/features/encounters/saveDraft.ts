import {
  createPerson,
  recordEncounter,
  undoChange,
  updateEncounter,
  type Change,
  type KithDatabase,
} from '../../../shared/db';
import type { Encounter } from '../../../shared/domain/entities';
import type { DraftRequest } from './checkDraft';

function combine(label: string, changes: readonly Change[]): Change {
  return { label, entries: changes.flatMap((c) => c.entries) };
}

/** If a later step fails, what the earlier steps wrote is taken back, so nothing stays half-saved. */
async function rollBack(db: KithDatabase, changes: readonly Change[]): Promise<void> {
  for (const change of [...changes].reverse()) await undoChange(db, change);
}

/** Records a new encounter (creating new participants inline), all or nothing. */
export async function saveNewEncounter(
  db: KithDatabase,
  request: DraftRequest,
  label: string,
): Promise<{ encounter: Encounter; change: Change }> {
  const recorded = await recordEncounter(db, request.input, request.newPeople);
  const initiator = request.newInitiator >= 0 ? recorded.created[request.newInitiator] : undefined;
  if (!initiator) return { encounter: recorded.encounter, change: { ...recorded.change, label } };
  // The initiator is someone this save created, whose id only exists now.
  try {
    const updated = await updateEncounter(db, recorded.encounter.id, { initiatorId: initiator.id });
    return { encounter: updated.encounter, change: combine(label, [recorded.change, updated.change]) };
  } catch (error) {
    await rollBack(db, [recorded.change]);
    throw error;
  }
}

/** Saves edits to an encounter; people added by name are created first, and removed again on failure. */
export async function saveEditedEncounter(
  db: KithDatabase,
  id: string,
  request: DraftRequest,
  label: string,
): Promise<{ encounter: Encounter; change: Change }> {
  const changes: Change[] = [];
  try {
    const createdIds: string[] = [];
    for (const person of request.newPeople) {
      const created = await createPerson(db, person);
      changes.push(created.change);
      createdIds.push(created.person.id);
    }
    const newInitiator = request.newInitiator >= 0 ? createdIds[request.newInitiator] : undefined;
    const updated = await updateEncounter(db, id, {
      ...request.input,
      participantIds: [...(request.input.participantIds ?? []), ...createdIds],
      initiatorId: newInitiator ?? request.input.initiatorId,
    });
    changes.push(updated.change);
    return { encounter: updated.encounter, change: combine(label, changes) };
  } catch (error) {
    await rollBack(db, changes);
    throw error;
  }
}
