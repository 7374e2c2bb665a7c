import type { CollectionName, SetAside } from '../../shared/db';
import type { DatasetName } from '../../shared/sample';

/** Document counts per collection, as written. */
export type Counts = Record<string, number>;

/** Diagnostic variants of the RxDB insert; the defaults are what the app does. */
export interface RxdbVariant {
  /** Schema validation (z-schema), as openDatabase() sets it up; default true. */
  validate?: boolean;
  /** Documents per bulkInsert call; default IMPORT_BATCH. */
  batch?: number;
}

/** One keep-and-release of the safety copy (page/safetyCopy.ts). */
export interface SafetyCopyRun {
  /** Building the backup of the journal and writing it to the origin private file system. */
  keepMs: number;
  /** Removing the copy's files after the write. */
  releaseMs: number;
  /** The copy's length in UTF-16 characters (what is held in memory and written). */
  chars: number;
}

export interface RawVariant {
  /** Also create the secondary indexes the RxDB schemas declare; default false. */
  indexes?: boolean;
}

/**
 * What the bench page (out/bench) exposes on `window.kithBench` for the node driver. Each call does
 * one measured run and returns milliseconds, so the driver decides order, repeats and interleaving.
 */
export interface BenchApi {
  /** Generates a dataset in the page (kept for later calls) and says how long that took. */
  generate(dataset: DatasetName, seed: number): Promise<{ ms: number; counts: Counts }>;
  /** openDatabase on Dexie, then bulkInsert of every collection (timed), then removes the database. */
  rxdbInsert(dataset: DatasetName, dbName: string, variant?: RxdbVariant): Promise<number>;
  /** The same documents with plain IndexedDB, one readwrite transaction per store; then deletes it. */
  rawInsert(dataset: DatasetName, dbName: string, variant?: RawVariant): Promise<number>;
  /** Writes a dataset into the app's own database (same origin), for the app-level figures. */
  seedApp(dataset: DatasetName, dbName: string): Promise<{ ms: number; counts: Counts }>;
  /** Seeds a fresh database with the dataset, then times keeping and releasing the safety copy. */
  safetyCopy(dataset: DatasetName, dbName: string): Promise<SafetyCopyRun>;
  /** End-to-end set-up: writes documents into the app's database past every check (see testSetup.ts). */
  writePastValidation(
    dbName: string,
    docs: Partial<Record<CollectionName, Record<string, unknown>[]>>,
  ): Promise<void>;
  /** End-to-end set-up: sets documents aside in the app's database, as sync or a restore would. */
  setAsideInApp(dbName: string, items: SetAside[]): Promise<void>;
}

declare global {
  interface Window {
    kithBench?: BenchApi;
  }
}
