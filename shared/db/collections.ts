import type { RxCollection, RxDatabase } from 'rxdb';
import type { Community, Encounter, FollowUp, Person, Tie } from '../domain/entities';
import type { SettingDoc } from './schemas/settings';
import { peopleSchema } from './schemas/people';
import { encountersSchema } from './schemas/encounters';
import { communitiesSchema } from './schemas/communities';
import { tiesSchema } from './schemas/ties';
import { followupsSchema } from './schemas/followups';
import { settingsSchema } from './schemas/settings';
import { peopleMigrations } from './migrations';

export type { SettingDoc };

/** Stored document type per collection. Six of the thirteen collections the open RxDB core allows. */
export interface DocByCollection {
  people: Person;
  encounters: Encounter;
  communities: Community;
  ties: Tie;
  followups: FollowUp;
  settings: SettingDoc;
}

export type CollectionName = keyof DocByCollection;
export type Doc = DocByCollection[CollectionName];

export type KithCollections = { [K in CollectionName]: RxCollection<DocByCollection[K]> };
export type KithDatabase = RxDatabase<KithCollections>;

export const COLLECTION_NAMES: readonly CollectionName[] = [
  'people',
  'encounters',
  'communities',
  'ties',
  'followups',
  'settings',
];

/** Each collection's document in words, one and many: 'person', 'people'. */
export const COLLECTION_NOUNS: Record<CollectionName, { one: string; many: string }> = {
  people: { one: 'person', many: 'people' },
  encounters: { one: 'encounter', many: 'encounters' },
  communities: { one: 'community', many: 'communities' },
  ties: { one: 'tie', many: 'ties' },
  followups: { one: 'follow-up', many: 'follow-ups' },
  settings: { one: 'setting', many: 'settings' },
};

export const collectionCreators = {
  people: { schema: peopleSchema, migrationStrategies: peopleMigrations },
  encounters: { schema: encountersSchema },
  communities: { schema: communitiesSchema },
  ties: { schema: tiesSchema },
  followups: { schema: followupsSchema },
  settings: { schema: settingsSchema },
};
