/**
 * The people schema at version 1, frozen: lists of emails and phones and aliases, but no addresses,
 * birthday or photo. Kept verbatim (no shared building blocks) so later edits elsewhere cannot change
 * it; the v1 → v2 migration test creates a database with it and reopens it with the current code.
 */

export interface PersonV1 {
  id: string;
  createdAt: number;
  updatedAt: number;
  fieldTimes: Record<string, string>;
  name: string;
  aliases: string[];
  organisation: string;
  role: string;
  emails: string[];
  phones: string[];
  links: string[];
  tags: string[];
  introducedById: string;
  howWeMet: string;
  notes: string;
  cadenceDays: number;
  wantToReach: boolean;
  isOwner: boolean;
  archived: boolean;
  communityIds: string[];
}

const list = (maxLength: number) => ({ type: 'array', items: { type: 'string', maxLength } }) as const;

export const peopleSchemaV1 = {
  title: 'people',
  version: 1,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 64 },
    createdAt: { type: 'number', minimum: 0, maximum: 1e15, multipleOf: 1 },
    updatedAt: { type: 'number', minimum: 0, maximum: 1e15, multipleOf: 1 },
    fieldTimes: { type: 'object', additionalProperties: { type: 'string', maxLength: 128 } },
    name: { type: 'string', maxLength: 200 },
    aliases: list(200),
    organisation: { type: 'string', maxLength: 200 },
    role: { type: 'string', maxLength: 200 },
    emails: list(320),
    phones: list(50),
    links: list(2000),
    tags: list(100),
    introducedById: { type: 'string', maxLength: 64 },
    howWeMet: { type: 'string', maxLength: 2000 },
    notes: { type: 'string', maxLength: 20000 },
    cadenceDays: { type: 'integer', minimum: 0, maximum: 3650 },
    wantToReach: { type: 'boolean' },
    isOwner: { type: 'boolean' },
    archived: { type: 'boolean' },
    communityIds: { type: 'array', items: { type: 'string', maxLength: 64 } },
  },
  required: [
    'id',
    'createdAt',
    'updatedAt',
    'fieldTimes',
    'name',
    'aliases',
    'organisation',
    'role',
    'emails',
    'phones',
    'links',
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
} as const;
