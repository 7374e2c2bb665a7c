import type { Ref } from 'react';
import type { Community, Person } from '../../../shared/domain/entities';
import { CHANNEL_LABELS, CHANNELS, CONTEXT_KINDS, CONTEXT_LABELS } from '../../../shared/domain/kinds';
import { DateField, fieldBinder, RatingField, Select, TagInput, TextField } from '../../ui';
import type { FieldErrors } from './checkDraft';
import { INITIATOR_ME, INITIATOR_UNKNOWN, type EncounterDraft } from './draft';
import { RATING_LABELS } from './format';
import { ParticipantPicker } from './ParticipantPicker';

interface Props {
  draft: EncounterDraft;
  errors: FieldErrors;
  set<K extends keyof EncounterDraft>(field: K, value: EncounterDraft[K]): void;
  people: readonly Person[];
  communities: readonly Community[];
  participantsRef?: Ref<HTMLInputElement>;
  dateRef?: Ref<HTMLInputElement>;
}

const contextOptions = CONTEXT_KINDS.map((value) => ({ value, label: CONTEXT_LABELS[value] }));
const channelOptions = CHANNELS.map((value) => ({ value, label: CHANNEL_LABELS[value] }));

/** The encounter's fields, in the order someone recalls an encounter: who, when, what, then details. */
export function EncounterFields({
  draft,
  errors,
  set,
  people,
  communities,
  participantsRef,
  dateRef,
}: Props) {
  const communityOptions = [
    { value: '', label: 'None' },
    ...communities.map((c) => ({ value: c.id, label: c.name })),
  ];
  const bind = fieldBinder(draft, errors, set);
  const initiatorOptions = [
    { value: INITIATOR_UNKNOWN, label: 'Not recorded' },
    { value: INITIATOR_ME, label: 'Me' },
    ...draft.participants.map((p) => ({ value: p.key, label: p.name })),
  ];

  return (
    <div className="form-grid encounter-form__grid">
      <div className="form-grid__wide">
        <ParticipantPicker
          people={people}
          value={draft.participants}
          onChange={(participants) => {
            set('participants', participants);
            // Someone removed from the encounter cannot have started it.
            if (draft.initiator !== INITIATOR_ME && !participants.some((p) => p.key === draft.initiator)) {
              set('initiator', INITIATOR_UNKNOWN);
            }
          }}
          error={errors.participants}
          inputRef={participantsRef}
        />
      </div>
      <DateField
        label="Date"
        ref={dateRef}
        value={draft.date}
        onValueChange={(date) => set('date', date)}
        error={errors.date}
      />
      <DateField
        label="Time"
        type="time"
        value={draft.time}
        onValueChange={(time) => set('time', time)}
        error={errors.time}
      />
      <TextField
        label="Duration (minutes)"
        type="number"
        min={0}
        step={5}
        inputMode="numeric"
        {...bind('duration')}
      />
      <Select label="Context" options={contextOptions} {...bind('context')} />
      <Select label="Channel" options={channelOptions} {...bind('channel')} />
      <Select label="Community" options={communityOptions} {...bind('communityId')} />
      <TextField
        label="Title"
        className="encounter-form__title"
        placeholder="e.g. Coffee after the trade fair"
        {...bind('title')}
      />
      <TextField label="Place" {...bind('place')} />
      <Select label="Who initiated" options={initiatorOptions} {...bind('initiator')} />
      <div className="encounter-form__rating">
        <RatingField
          legend="Closeness"
          value={draft.rating}
          onChange={(r) => set('rating', r)}
          labels={RATING_LABELS}
        />
      </div>
      <div className="form-grid__wide">
        <TagInput
          label="Tags"
          value={draft.tags}
          onChange={(tags) => set('tags', tags)}
          placeholder="Type a tag, then Enter"
          error={errors.tags}
        />
      </div>
      <div className="form-grid__wide">
        <TextField
          label="Notes"
          multiline
          rows={4}
          hint="Markdown is fine: **bold**, lists, links."
          {...bind('notes')}
        />
      </div>
    </div>
  );
}
