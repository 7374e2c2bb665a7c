import { isClockTime, isRealDay } from '../../../shared/domain/days';
import {
  encounterInput,
  personInput,
  validate,
  type ValidationIssue,
} from '../../../shared/domain/validation';
import type { EncounterInput, PersonInput } from '../../../shared/domain/validation';
import { INITIATOR_ME, type EncounterDraft } from './draft';

export type FormField =
  | 'date'
  | 'time'
  | 'duration'
  | 'context'
  | 'channel'
  | 'title'
  | 'place'
  | 'participants'
  | 'initiator'
  | 'rating'
  | 'communityId'
  | 'tags'
  | 'notes';

/** Messages beside fields, and `form` for anything that belongs to no single field. */
export type FieldErrors = Partial<Record<FormField | 'form', string>>;

const FIELD_OF_PATH: Record<string, FormField> = {
  date: 'date',
  time: 'time',
  durationMinutes: 'duration',
  context: 'context',
  channel: 'channel',
  title: 'title',
  place: 'place',
  participantIds: 'participants',
  newPeople: 'participants',
  initiatorId: 'initiator',
  rating: 'rating',
  communityId: 'communityId',
  tags: 'tags',
  notes: 'notes',
};

/** Places validation issues beside the fields they are about; the first message per field wins. */
export function issuesToErrors(issues: readonly ValidationIssue[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const field = FIELD_OF_PATH[issue.path.split('.')[0] ?? ''] ?? 'form';
    errors[field] ??= issue.message;
  }
  return errors;
}

/**
 * Values another device or an old backup stored that no form would accept (a day that does not exist):
 * said beside their field as the form opens, with what is stored, so the person enters a real one. The
 * date and time controls cannot hold such a value, so without this the field would just look empty.
 */
export function storedValueErrors(draft: EncounterDraft): FieldErrors {
  const errors: FieldErrors = {};
  if (!isRealDay(draft.date)) {
    errors.date = `Stored as “${draft.date.slice(0, 40)}”, which is not a real day: enter the day it happened.`;
  }
  if (draft.time !== '' && !isClockTime(draft.time)) {
    errors.time = `Stored as “${draft.time.slice(0, 40)}”, which is not a time of day: enter the time, or leave it empty.`;
  }
  return errors;
}

/** What the draft asks the data layer to store. */
export interface DraftRequest {
  input: EncounterInput;
  newPeople: PersonInput[];
  /** Index into newPeople when the initiator is someone created by this save; -1 otherwise. */
  newInitiator: number;
}

export function toRequest(draft: EncounterDraft, ownerId: string): DraftRequest {
  const existing = draft.participants.filter((p) => p.personId);
  const fresh = draft.participants.filter((p) => !p.personId);
  const initiatorParticipant = draft.participants.find((p) => p.key === draft.initiator);
  const duration = draft.duration.trim();
  return {
    input: {
      date: draft.date,
      time: draft.time,
      durationMinutes: duration === '' ? 0 : Number(duration),
      context: draft.context,
      channel: draft.channel,
      title: draft.title,
      place: draft.place,
      participantIds: existing.map((p) => p.personId),
      initiatorId: draft.initiator === INITIATOR_ME ? ownerId : (initiatorParticipant?.personId ?? ''),
      rating: draft.rating,
      communityId: draft.communityId,
      tags: draft.tags,
      notes: draft.notes,
    },
    newPeople: fresh.map((p) => ({ name: p.name })),
    newInitiator:
      initiatorParticipant && !initiatorParticipant.personId ? fresh.indexOf(initiatorParticipant) : -1,
  };
}

/**
 * Checks the whole draft the way the data layer will, before anything is written, so every problem
 * shows at once beside its field. People to be created count as participants here.
 */
export function checkDraft(request: DraftRequest): FieldErrors {
  const standIns = request.newPeople.map((_, i) => `new-person-${i}`);
  const result = validate(encounterInput, {
    ...request.input,
    participantIds: [...(request.input.participantIds ?? []), ...standIns],
  });
  const issues = result.ok ? [] : [...result.issues];
  request.newPeople.forEach((person, i) => {
    const checked = validate(personInput, person);
    if (!checked.ok) issues.push(...checked.issues.map((issue) => ({ ...issue, path: `newPeople.${i}` })));
  });
  return issuesToErrors(issues);
}
