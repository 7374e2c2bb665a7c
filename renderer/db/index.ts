export { DbProvider } from './DbProvider';
export { useDb } from './DbContext';
export { openBrowserDatabase } from './openBrowserDatabase';
export { usePeople, useEncounters, useCommunities, useTies, useFollowUps } from './collections';
export { usePerson, useEncounter, useCommunity, useOwner } from './documents';
export { usePeopleById, useCommunitiesById } from './lookups';
export { usePreferences } from './preferences';
export { useObservable, toPlain, toPlainList } from './liveQuery';
export { useCollectionFeed, watchCollection } from './collectionFeed';
