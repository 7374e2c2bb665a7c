/**
 * The people schema as first shipped (version 0), frozen: a single `email` and `phone`, no aliases.
 * Kept verbatim (no shared building blocks) so later edits elsewhere cannot change it; the migration
 * test creates a database with it and reopens that database with the current code.
 */

export interface PersonV0 {
  id: string;
  createdAt: number;
  updatedAt: number;
  fieldTimes: Record<string, string>;
  name: string;
  organisation: string;
  role: string;
  email: string;
  phone: string;
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

export const peopleSchemaV0 = {
  title: 'people',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 64 },
    createdAt: { type: 'number', minimum: 0, maximum: 1e15, multipleOf: 1 },
    updatedAt: { type: 'number', minimum: 0, maximum: 1e15, multipleOf: 1 },
    fieldTimes: { type: 'object', additionalProperties: { type: 'string', maxLength: 128 } },
    name: { type: 'string', maxLength: 200 },
    organisation: { type: 'string', maxLength: 200 },
    role: { type: 'string', maxLength: 200 },
    email: { type: 'string', maxLength: 320 },
    phone: { type: 'string', maxLength: 50 },
    links: { type: 'array', items: { type: 'string', maxLength: 2000 } },
    tags: { type: 'array', items: { type: 'string', maxLength: 100 } },
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
    'organisation',
    'role',
    'email',
    'phone',
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
