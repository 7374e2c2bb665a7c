/** A stored document as the probe reads it back: its JSON without RxDB's own bookkeeping. */
export type StoredDoc = Record<string, unknown> & { id: string };

/** Every document of the journal, by collection. */
export type StoredJournal = Record<string, StoredDoc[]>;

/**
 * What the probe page (served at /faults/ on the app's own origin) exposes on `window.kithFaults`.
 * It opens the app's database while the app is not open in that profile, so what it reads is exactly
 * what the device holds on disk.
 */
export interface ProbeApi {
  /** Inserts these documents into the app's database (a fresh profile: set-up, not the behaviour under test). */
  insert(collections: Record<string, object[]>): Promise<Record<string, number>>;
  /** Every stored document of every collection. */
  read(): Promise<StoredJournal>;
  /**
   * The device's own records of a bulk write, for the report: the write-ahead header's state (none when
   * no write is recorded), the interrupted-write notice's outcome, and the safety copy's files in the
   * origin private file system.
   */
  records(): Promise<DeviceRecords>;
}

export interface DeviceRecords {
  intent: string | null;
  notice: string | null;
  copyFiles: string[];
}

declare global {
  interface Window {
    kithFaults?: ProbeApi;
  }
}
