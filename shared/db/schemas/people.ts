import type { RxJsonSchema } from 'rxdb';
import type { Person } from '../../domain/entities';
import { idField, stringList, text, trackedProperties, trackedRequired } from './common';

/**
 * v1: emails/phones became lists and aliases were added (v0 had single `email`/`phone` strings,
 * kept in ./history/people-v0.ts for the migration test).
 * v2: addresses, birthday and photo, which imported contacts carry (v1 in ./history/people-v1.ts).
 */
export const peopleSchema = {
  title: 'people',
  version: 2,
  primaryKey: 'id',
  type: 'object',
  properties: {
    ...trackedProperties,
    name: text(200),
    aliases: stringList(200),
    organisation: text(200),
    role: text(200),
    emails: stringList(320),
    phones: stringList(50),
    links: stringList(2000),
    addresses: stringList(500),
    birthday: text(10),
    photo: text(150_000),
    tags: stringList(100),
    introducedById: text(64),
    howWeMet: text(2000),
    notes: text(20000),
    cadenceDays: { type: 'integer', minimum: 0, maximum: 3650 },
    wantToReach: { type: 'boolean' },
    isOwner: { type: 'boolean' },
    archived: { type: 'boolean' },
    communityIds: { type: 'array', items: idField },
  },
  required: [
    ...trackedRequired,
    'name',
    'aliases',
    'organisation',
    'role',
    'emails',
    'phones',
    'links',
    'addresses',
    'birthday',
    'photo',
    'tags',
    'introducedById',
    'howWeMet',
    'notes',
    'cadenceDays',
    'wantToReach',
    'isOwner',
    'archived',
    'communityIds',
  ],
  indexes: ['name'],
  additionalProperties: false,
} as const satisfies RxJsonSchema<Person>;
