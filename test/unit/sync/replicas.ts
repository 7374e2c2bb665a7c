/**
 * Fuzz-test replicas: Kith's real schemas, storage and sync, but only the people and communities
 * collections, because the open RxDB core allows 13 open collections per process (three full Kith
 * databases would need 18).
 */
import { webcrypto } from 'node:crypto';
import { IDBFactory } from 'fake-indexeddb';
import { addRxPlugin, createRxDatabase, type RxCollection, type RxDatabase } from 'rxdb';
import { RxDBLocalDocumentsPlugin } from 'rxdb/plugins/local-documents';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { collectionCreators, type KithDatabase } from '../../../shared/db/collections';
import { createClock, setDeviceContext } from '../../../shared/db/clock';
import { makeStamp } from '../../../shared/db/fieldTimes';
import { fakeStorage, uniqueName } from '../../../shared/db/testing';
import { wrappedValidateKithStorage } from '../../../shared/db/validator';
import { startSync, type SyncSession, type SyncTransport } from '../../../shared/sync';

export const FUZZ_COLLECTIONS = ['people', 'communities'] as const;
export type FuzzCollection = (typeof FUZZ_COLLECTIONS)[number];
export type AnyDoc = Record<string, unknown> & { id: string; fieldTimes: Record<string, string> };

export class Replica {
  db: RxDatabase | null = null;
  session: SyncSession | null = null;
  private readonly idb = new IDBFactory();
  private readonly dbName = uniqueName('fuzz');
  private readonly clock;

  /** `skewMs`: how far this replica's wall clock is off (a laptop minutes behind the others). */
  constructor(
    readonly name: string,
    private readonly transport: SyncTransport,
    private readonly passphrase?: string,
    skewMs = 0,
  ) {
    this.clock = createClock(() => Date.now() + skewMs);
  }

  stamp(): { ms: number; stamp: string } {
    const ms = this.clock();
    return { ms, stamp: makeStamp(ms, this.name) };
  }

  collection(name: FuzzCollection): RxCollection<AnyDoc> {
    if (!this.db) throw new Error(`${this.name} is closed`);
    return this.db[name] as RxCollection<AnyDoc>;
  }

  async open(): Promise<void> {
    addRxPlugin(RxDBMigrationSchemaPlugin);
    addRxPlugin(RxDBLocalDocumentsPlugin);
    this.db = await createRxDatabase({
      name: this.dbName,
      storage: wrappedValidateKithStorage({ storage: fakeStorage(this.idb) }),
      multiInstance: false,
      // Sync sets refused documents aside in local documents, as the app's database allows.
      localDocuments: true,
    });
    // Sync moves this clock past the stamps it pulls, as it does the app's (shared/db/clock).
    setDeviceContext(this.db, { deviceId: this.name, clock: this.clock });
    await this.db.addCollections({
      people: collectionCreators.people,
      communities: collectionCreators.communities,
    });
  }

  startSync(): void {
    if (this.session || !this.db) return;
    this.session = startSync(this.db as unknown as KithDatabase, {
      transport: this.transport,
      crypto: webcrypto,
      passphrase: this.passphrase,
      waitForLeadership: false,
      retryMs: 50,
      batchSize: 50,
      collections: FUZZ_COLLECTIONS,
    });
  }

  async stopSync(): Promise<void> {
    const session = this.session;
    this.session = null;
    await session?.stop();
  }

  async close(): Promise<void> {
    await this.stopSync();
    await this.db?.close();
    this.db = null;
  }

  /** Every live document, sorted, without RxDB bookkeeping: what the person would see. */
  async state(): Promise<Record<FuzzCollection, AnyDoc[]>> {
    const out = {} as Record<FuzzCollection, AnyDoc[]>;
    for (const name of FUZZ_COLLECTIONS) {
      const docs = await this.collection(name).find().exec();
      out[name] = docs.map((d) => d.toMutableJSON() as AnyDoc).sort((a, b) => (a.id < b.id ? -1 : 1));
    }
    return out;
  }
}
