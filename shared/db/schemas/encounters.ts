import type { RxJsonSchema } from 'rxdb';
import type { Encounter } from '../../domain/entities';
import { CHANNELS, CONTEXT_KINDS, RATING_MAX } from '../../domain/kinds';
import { idField, stringList, text, trackedProperties, trackedRequired } from './common';

export const encountersSchema = {
  title: 'encounters',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    ...trackedProperties,
    date: { type: 'string', maxLength: 10 },
    time: { type: 'string', maxLength: 5 },
    durationMinutes: { type: 'integer', minimum: 0, maximum: 7 * 24 * 60 },
    context: { type: 'string', enum: CONTEXT_KINDS, maxLength: 32 },
    channel: { type: 'string', enum: CHANNELS, maxLength: 32 },
    place: text(200),
    title: text(200),
    participantIds: { type: 'array', items: idField, minItems: 1 },
    initiatorId: text(64),
    rating: { type: 'integer', minimum: 0, maximum: RATING_MAX },
    notes: text(20000),
    communityId: { type: 'string', maxLength: 64 },
    tags: stringList(100),
  },
  required: [
    ...trackedRequired,
    'date',
    'time',
    'durationMinutes',
    'context',
    'channel',
    'place',
    'title',
    'participantIds',
    'initiatorId',
    'rating',
    'notes',
    'communityId',
    'tags',
  ],
  // The journal reads newest first by day then time; community pages read one community by day.
  indexes: [
    ['date', 'time'],
    ['communityId', 'date'],
  ],
  additionalProperties: false,
} as const satisfies RxJsonSchema<Encounter>;
