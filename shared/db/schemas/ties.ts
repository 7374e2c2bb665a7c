import type { RxJsonSchema } from 'rxdb';
import type { Tie } from '../../domain/entities';
import { TIE_KINDS } from '../../domain/kinds';
import { dayOrEmpty, text, trackedProperties, trackedRequired } from './common';

export const tiesSchema = {
  title: 'ties',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    ...trackedProperties,
    aId: text(64),
    bId: text(64),
    kind: { type: 'string', enum: TIE_KINDS, maxLength: 32 },
    notes: text(20000),
    since: dayOrEmpty,
  },
  required: [...trackedRequired, 'aId', 'bId', 'kind', 'notes', 'since'],
  // A person page lists the ties at either end.
  indexes: ['aId', 'bId'],
  additionalProperties: false,
} as const satisfies RxJsonSchema<Tie>;
