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
}

declare global {
  interface Window {
    kithFaults?: ProbeApi;
  }
}
