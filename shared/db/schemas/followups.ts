import type { RxJsonSchema } from 'rxdb';
import type { FollowUp } from '../../domain/entities';
import { dayOrEmpty, text, trackedProperties, trackedRequired } from './common';

export const followupsSchema = {
  title: 'followups',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    ...trackedProperties,
    text: text(2000),
    personId: text(64),
    encounterId: text(64),
    due: dayOrEmpty,
    done: { type: 'boolean' },
  },
  required: [...trackedRequired, 'text', 'personId', 'encounterId', 'due', 'done'],
  indexes: ['personId', 'encounterId'],
  additionalProperties: false,
} as const satisfies RxJsonSchema<FollowUp>;
