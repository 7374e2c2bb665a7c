import type { RxJsonSchema } from 'rxdb';
import type { Community } from '../../domain/entities';
import { COMMUNITY_KINDS } from '../../domain/kinds';
import { stringList, text, trackedProperties, trackedRequired } from './common';

export const communitiesSchema = {
  title: 'communities',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    ...trackedProperties,
    name: text(200),
    kind: { type: 'string', enum: COMMUNITY_KINDS, maxLength: 32 },
    notes: text(20000),
    tags: stringList(100),
  },
  required: [...trackedRequired, 'name', 'kind', 'notes', 'tags'],
  indexes: ['name'],
  additionalProperties: false,
} as const satisfies RxJsonSchema<Community>;
