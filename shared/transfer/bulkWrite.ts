/**
 * The bulk write behind every import and restore lives in the database layer (shared/db/bulkWrite),
 * beside the write-ahead record and the recovery at open that make it all or nothing across a crash.
 */
export {
  writeAllOrNothing,
  WRITE_CHUNK,
  type BulkWriteOptions,
  type ProgressCallback,
  type TransferProgress,
} from '../db/bulkWrite';
