/** The data layer's public API: the renderer imports only from here. */
export { openDatabase, getOwner, type OpenDatabaseOptions } from './database';
export { holdSync, syncHolds$, syncHeld$, isSyncHeld } from './syncHold';
export { inProcessWriteLock, type WriteLock, type WriteLockFactory } from './writeLock';
export type { FlushToDisk, StorageRoom } from './bulkWrite';
export {
  dismissInterruptedWrite,
  interruptedWrite$,
  retryPendingRollback,
  tellRestoredFromCopy,
  type InterruptedWrite,
} from './recovery';
export type { SafetyCopy } from './safetyCopy';
export {
  BulkWriteBusyError,
  describeCounts,
  isStorageFull,
  NotEnoughRoomError,
  RollbackPendingError,
  SafetyCopyError,
  saysWhatHappened,
  StorageFullError,
  type WriteDescription,
} from './storageErrors';
export {
  COLLECTION_NAMES,
  type CollectionName,
  type Doc,
  type DocByCollection,
  type KithCollections,
  type KithDatabase,
  type SettingDoc,
} from './collections';
export { personDocument, encounterDocument, trackedDocument } from './documents';
export { undoChange, redoChange, type Change, type ChangeEntry } from './change';
export { createPerson, updatePerson, setArchived, deletePerson } from './people';
export { mergePeople } from './merge';
export { recordEncounter, updateEncounter, deleteEncounter } from './encounters';
export { createCommunity, updateCommunity, deleteCommunity } from './communities';
export { createTie, updateTie, deleteTie } from './ties';
export { createFollowUp, updateFollowUp, deleteFollowUp } from './followups';
export {
  matchesFilter,
  compareEncountersNewestFirst,
  communityMembers,
  type JournalFilter,
  type CommunityMember,
} from './queries';
export { getPreferences, setPreferences, preferences$, DEFAULT_PREFERENCES } from './preferences';
export {
  deviceNames$,
  getDeviceNames,
  recordThisDevice,
  renameThisDevice,
  thisDeviceId,
  MAX_DEVICE_NAME_LENGTH,
  type DeviceNames,
} from './devices';
export { loadSampleJournal } from './sample/load';
export { OWNER_ID } from './ids';
export { compareStamps, makeStamp, parseStamp } from './fieldTimes';
export {
  getStrengthSettings,
  setStrengthSettings,
  resetStrengthSettings,
  strengthSettings$,
  STRENGTH_SETTINGS_ID,
} from './strengthSettings';
export {
  STRENGTH_SETTING_PATHS,
  settingAt,
  strengthSettingProblem,
  type StrengthSettingPath,
  type StrengthSettingsPatch,
} from './strengthSettingPaths';
export { checkStoredDocument, describeIssues } from './checkDocument';
export {
  setAside,
  release,
  discardQuarantined,
  discardAllQuarantined,
  listQuarantined,
  quarantine$,
  quarantinedRaw,
  type QuarantineIndex,
  type QuarantinedDocument,
  type QuarantineSource,
  type SetAside,
} from './quarantine';
export {
  checkJournal,
  JournalCheck,
  type CheckProgress,
  type DanglingReference,
  type HealthProblem,
  type HealthReport,
  type InvalidDocument,
} from './health';
export { deleteStoredDocument, removeReference } from './healthFix';
