import type { DayString } from '../../../../shared/domain/entities';
import { transact, type OwnStore } from './ownStore';
import type { AnalysisMessage, BuiltMessage } from './protocol';

/**
 * The last map the worker built, kept so that opening the Network page again (or the app) shows it
 * at once, marked as refreshing, while the model is built afresh from the journal: the build of a
 * heavy journal takes seconds, its picture changes little from one day to the next. It is the
 * settled picture of the default view (today): the static facts, that day's analysis and strengths,
 * and everyone's place.
 */
export interface MapSnapshot {
  /** Which journal it shows (the people collection's storage name). */
  journal: string;
  /** When it was taken (ms since the epoch). */
  savedAt: number;
  day: DayString;
  built: BuiltMessage;
  analysis: AnalysisMessage;
  nodeStrength: Float32Array;
  tieStrength: Float32Array;
  positions: Float32Array;
}

/** Bumped when the snapshot's shape changes: an older one is then ignored. */
export const SNAPSHOT_FORMAT = 1;
const OWN: OwnStore = {
  database: 'kith-map-snapshot',
  format: SNAPSHOT_FORMAT,
  store: 'snapshots',
  what: 'The map snapshot',
};

/**
 * The snapshot if it may be shown for the journal as it is now, else null: never one of another
 * journal, nor one that shows someone deleted since (`people`: the ids of everyone in the journal
 * now). Whatever else changed since (encounters, newcomers, names) the page says it is refreshing.
 */
export function snapshotForJournal(
  snapshot: MapSnapshot | null,
  journal: string,
  people: ReadonlySet<string>,
): MapSnapshot | null {
  if (!snapshot || snapshot.journal !== journal) return null;
  return snapshot.built.nodes.every((n) => people.has(n.id)) ? snapshot : null;
}

/** The journal's last snapshot, or null (none, or unreadable: the map is then built as if new). */
export async function loadSnapshot(
  journal: string,
  indexedDB: IDBFactory = globalThis.indexedDB,
): Promise<MapSnapshot | null> {
  try {
    const found = await transact<MapSnapshot>(indexedDB, OWN, 'readonly', (store) => store.get(journal));
    return found ?? null;
  } catch {
    return null;
  }
}

/** Keeps the snapshot (one per journal, the newest). */
export function saveSnapshot(
  snapshot: MapSnapshot,
  indexedDB: IDBFactory = globalThis.indexedDB,
): Promise<void> {
  return transact(indexedDB, OWN, 'readwrite', (store) => store.put(snapshot, snapshot.journal)).then(
    () => undefined,
  );
}

/** Forgets every snapshot (tests, and the bench's cold opens). */
export function clearSnapshots(indexedDB: IDBFactory = globalThis.indexedDB): Promise<void> {
  return transact(indexedDB, OWN, 'readwrite', (store) => store.clear()).then(() => undefined);
}
