import type { Channel, ContextKind } from '../../../shared/domain/kinds';
import type { Encounter, Person } from '../../../shared/domain/entities';

/** A participant in the form: someone already in the journal, or a name to create on save. */
export interface DraftParticipant {
  /** Stable key for chips and the initiator choice: the person id, or 'new:<n>'. */
  key: string;
  /** '' for a person to be created. */
  personId: string;
  name: string;
}

export const INITIATOR_UNKNOWN = '';
export const INITIATOR_ME = 'me';

/** Everything the encounter form edits, as the user typed it (numbers still text). */
export interface EncounterDraft {
  date: string;
  time: string;
  duration: string;
  context: ContextKind;
  channel: Channel;
  title: string;
  place: string;
  participants: DraftParticipant[];
  /** INITIATOR_UNKNOWN, INITIATOR_ME, or a participant's key. */
  initiator: string;
  rating: number;
  communityId: string;
  tags: string[];
  notes: string;
}

export interface EncounterPrefill {
  participantIds?: string[];
  communityId?: string;
  date?: string;
}

export function emptyDraft(
  today: string,
  prefill: EncounterPrefill,
  peopleById: Map<string, Person>,
): EncounterDraft {
  return {
    date: prefill.date ?? today,
    time: '',
    duration: '',
    context: 'meeting',
    channel: 'in-person',
    title: '',
    place: '',
    participants: toParticipants(prefill.participantIds ?? [], peopleById),
    initiator: INITIATOR_UNKNOWN,
    rating: 0,
    communityId: prefill.communityId ?? '',
    tags: [],
    notes: '',
  };
}

export function draftFromEncounter(
  encounter: Encounter,
  peopleById: Map<string, Person>,
  ownerId: string,
): EncounterDraft {
  return {
    date: encounter.date,
    time: encounter.time,
    duration: encounter.durationMinutes ? String(encounter.durationMinutes) : '',
    context: encounter.context,
    channel: encounter.channel,
    title: encounter.title,
    place: encounter.place,
    participants: toParticipants(encounter.participantIds, peopleById),
    initiator:
      encounter.initiatorId === ownerId && ownerId
        ? INITIATOR_ME
        : encounter.initiatorId || INITIATOR_UNKNOWN,
    rating: encounter.rating,
    communityId: encounter.communityId,
    tags: [...encounter.tags],
    notes: encounter.notes,
  };
}

function toParticipants(ids: readonly string[], peopleById: Map<string, Person>): DraftParticipant[] {
  return ids.map((id) => ({ key: id, personId: id, name: peopleById.get(id)?.name ?? 'Unknown person' }));
}

let nextNewKey = 1;
export function newParticipant(name: string): DraftParticipant {
  return { key: `new:${nextNewKey++}`, personId: '', name: name.trim() };
}
