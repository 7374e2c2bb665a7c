/**
 * Import, export and backups (issue 5). The renderer imports only from here.
 *
 * IMPORT: preview first, then one all-or-nothing commit.
 *   const { text } = decodeText(bytes);                  // UTF-8 / UTF-16 / Latin-1, BOM or not
 *   const parsed = importVcard(file, text) / importLinkedInCsv / importGoogleCsv / importCsv / importIcs
 *     (./import: ParsedImport { format, people, encounters, problems }; ImportError for unreadable files);
 *   const preview = await previewImport(db, parsed);     // reads the journal, writes nothing
 *   preview.people: PersonRow[] — `key` ('p<n>', or 'attendee:<email or name>' for an event attendee
 *     not in the journal), `candidate`, `fields` (null when unusable), `matches` (likely duplicates,
 *     best first: { target: { kind: 'person', id } | { kind: 'row', key }, name, reasons:
 *     ('same-email' | 'same-phone' | 'similar-name')[] }), `choice` (the default), `problem` (why it
 *     cannot be imported; such rows default to skip), `warnings` (values left out, e.g. a bad email).
 *   Defaults: same email or phone as a journal person → merge into them (= update: blanks filled,
 *     lists joined, a different name kept as an alias, notes appended; nothing overwritten); same
 *     email/phone as an earlier row → merge into that row; a similar name alone → create (offered).
 *   preview.encounters: EncounterRow[] — `participants` (journal people and attendee rows; the owner
 *     never), `duplicateOf` (a journal encounter on the same day, time and title: default skip),
 *     `problem` (e.g. no attendee other than you: default skip). Choices: create or skip.
 *   RowChoice = { action: 'create' } | { action: 'merge', into: MatchTarget } | { action: 'skip' };
 *   ImportChoices = Record<rowKey, RowChoice> holding only the rows the user changed.
 *   summarisePreview(preview, choices) → { create, update, unchanged, merge, skip, encounters,
 *     encountersSkipped, problems } for the preview's header (linear: about 0.5 s for 50,000 rows).
 *   await commitImport(db, preview, choices, { onProgress, label }) → { change, created, updated,
 *     encounters, encountersWithoutPeople }. `change` is one undoable Change (undoChange).
 *     Throws ImportCommitError (`issues`: row, ref {file, record}, path, message) before writing
 *     anything when a row cannot be saved as chosen; a failed write rolls everything back and
 *     rethrows the storage's error. onProgress({ phase: 'validating' | 'writing', done, total }).
 *
 * BACKUP:
 *   createBackup(db, { app: 'Kith 0.1.0' }) → KithBackup { format: 'kith-backup', version: 1,
 *     exportedAt, app, schemaVersions, collections } (every collection, settings included);
 *   backupToJson(backup) → the file's text; backupFileName(date) → 'kith-backup-2026-11-26-2215.json'.
 *   parseBackup(text, { onProgress }) → ParsedBackup (a KithBackup of the valid documents, and
 *     `rejected`: each bad document's collection, index, id, issues and raw content — it fails the
 *     schema or the journal's rules (checkStoredDocument), cannot be migrated, or repeats an id).
 *     Throws BackupError (`issues` has up to 100) for a file refused whole: not JSON, not a Kith
 *     backup, a newer version, no valid owner, more than MAX_REJECTED bad documents. Older schema
 *     versions are migrated. Check the file's size first (checkFileSize(name, bytes, 'backup')).
 *   restoreBackup(db, backup, { mode: 'merge' | 'replace', onProgress, fileName }) → { created,
 *     updated, removed, unchanged, setAside, setAsideForReferences, keptFromJournal }. 'merge':
 *     field by field by fieldTimes (the newer edit wins; a journal text that loses is kept below the
 *     backup's). 'replace': the journal becomes the backup, every field it changes stamped anew (so
 *     sync keeps the restore). All or nothing either way, also across a crash, and read, planned and
 *     written under the write lock (shared/db/bulkWrite). The rejected documents, and every backup
 *     document that refers to a document the journal will not have, are set aside
 *     (shared/db/quarantine); replacing, the journal keeps its own copy of those (keptFromJournal).
 *     Not undoable.
 *
 * LIMITS (./limits): 50 MB per imported file and 100,000 records per import (checkFileSize,
 *   checkRecordCount before parsing, checkParsedCount after), 512 MB per backup; FileTooLargeError.
 *
 * EXPORT: pure functions of the documents; read them with `await readJournal(db)` (JournalData).
 *   exportVCards(journal.people) → vCard 4.0 text (the owner left out);
 *   exportEncountersCsv(journal) → CSV, one row per encounter, newest first, people by name;
 *   exportMarkdownJournal(journal, { exportedOn }) → Markdown, a section per day, newest first;
 *   exportNetworkGexf(journal, day, settings?) / exportNetworkGraphml(journal, day, settings?) → the
 *     network on `day` ('YYYY-MM-DD'; RangeError otherwise) with strengths as edge weights, for
 *     Gephi; pass the user's strength settings (getStrengthSettings) so it matches the map.
 *   EXPORT_FILES[kind] → { fileName(day), mimeType, label, extensions } for dialogs and downloads.
 */
export {
  ImportError,
  type AttendeeCandidate,
  type EncounterCandidate,
  type ImportFormat,
  type ImportProblem,
  type ParsedImport,
  type PersonCandidate,
  type SourceRef,
} from './candidates';
// The importers (bytes → text → candidates) are the importers' engineer's; re-exported whole.
export * from './import';
export { decodeText, type DecodedText, type TextEncodingName } from './decode';
export {
  previewImport,
  type DuplicateMatch,
  type EncounterRow,
  type ImportChoices,
  type ImportPreview,
  type MatchTarget,
  type PersonRow,
  type RowChoice,
} from './preview';
export type { MatchReason } from './match';
export { summarisePreview, type ImportSummary } from './resolve';
export {
  commitImport,
  ImportCommitError,
  type CommitOptions,
  type ImportIssue,
  type ImportResult,
} from './commit';
export type { ProgressCallback, TransferProgress } from './bulkWrite';
export {
  backupFileName,
  backupToJson,
  createBackup,
  restoreBackup,
  type RestoreMode,
  type RestoreOptions,
  type RestoreResult,
} from './backup';
export {
  BackupError,
  BACKUP_FORMAT,
  BACKUP_VERSION,
  MAX_REJECTED,
  parseBackup,
  rejectedPath,
  type BackupIssue,
  type KithBackup,
  type ParseBackupOptions,
  type ParsedBackup,
  type RejectedDocument,
} from './backupFormat';
export { fileSafetyCopy, type CopyFiles, type FileSafetyCopy, type SafetyCopyOptions } from './safetyCopy';
export {
  BACKUP_LIMITS,
  checkFileSize,
  checkParsedCount,
  checkRecordCount,
  fileByteLimit,
  fileSizeProblem,
  FileTooLargeError,
  formatBytes,
  IMPORT_LIMITS,
  type FilePurpose,
} from './limits';
export { readJournal, type JournalData } from './export/journal';
export { exportVCards } from './export/vcard';
export { exportEncountersCsv, ENCOUNTER_CSV_COLUMNS } from './export/csv';
export { exportMarkdownJournal } from './export/markdown';
export {
  exportNetworkGexf,
  exportNetworkGraphml,
  networkGraphAt,
  type ExportEdge,
  type ExportGraph,
  type ExportNode,
} from './export/network';
export { EXPORT_FILES, type ExportFile, type ExportKind } from './export/files';
