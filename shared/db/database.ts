import { addRxPlugin, createRxDatabase, type RxStorage } from 'rxdb';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { RxDBLocalDocumentsPlugin } from 'rxdb/plugins/local-documents';
import { wrappedValidateKithStorage } from './validator';
import type { Person } from '../domain/entities';
import { collectionCreators, type KithDatabase } from './collections';
import { ownerDocument } from './documents';
import { createClock, setDeviceContext, type DeviceContext } from './clock';
import { newId, OWNER_ID } from './ids';
import { setFlushToDisk, setStorageRoom, type FlushToDisk, type StorageRoom } from './bulkWrite';
import { recoverInterruptedWrite } from './recovery';
import { setSafetyCopy, type SafetyCopy } from './safetyCopy';
import { setWriteLock, type WriteLockFactory } from './writeLock';

export interface OpenDatabaseOptions {
  /** The app passes getRxStorageDexie(); tests pass it a fake-indexeddb. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  storage: RxStorage<any, any>;
  /** IndexedDB database name prefix; default 'kith'. */
  name?: string;
  /** Fixes this device's id (tests, or sync set-up); default: a random id kept in a local document. */
  deviceId?: string;
  /** Several tabs/windows on one database; default true. */
  multiInstance?: boolean;
  /** Close an already open instance of the same name instead of failing (React StrictMode, reloads). */
  closeDuplicates?: boolean;
  /**
   * The lock that keeps bulk writes (imports, restores) one at a time across every window of this
   * journal; default: a lock inside this process (enough for node and tests). The renderer passes
   * one built on the Web Locks API.
   */
  writeLock?: WriteLockFactory;
  /** The room left in this origin's storage (navigator.storage.estimate), so a write that cannot fit is refused early. */
  storageRoom?: StorageRoom;
  /** Makes a bulk write's commit durable before sync may push it (./bulkWrite); default: none. */
  flushToDisk?: FlushToDisk;
  /**
   * Where a copy of the journal is kept during imports and restores, outside its own storage, and
   * how a journal the browser lost is put back at open (./safetyCopy); default: none.
   */
  safetyCopy?: SafetyCopy;
}

let pluginsAdded = false;
function addPlugins(): void {
  if (pluginsAdded) return;
  addRxPlugin(RxDBMigrationSchemaPlugin);
  addRxPlugin(RxDBLocalDocumentsPlugin);
  pluginsAdded = true;
}

const DEVICE_DOC = 'device';

/** Local documents are never replicated, which is exactly what a per-device id needs. */
async function loadDeviceId(db: KithDatabase, fixed: string | undefined): Promise<string> {
  const existing = await db.getLocal<{ deviceId: string }>(DEVICE_DOC);
  if (existing && !fixed) return existing.get('deviceId') as string;
  const deviceId = fixed ?? newId();
  if (fixed) {
    await db.upsertLocal(DEVICE_DOC, { deviceId });
    return deviceId;
  }
  try {
    await db.insertLocal(DEVICE_DOC, { deviceId });
    return deviceId;
  } catch {
    // Another window created it first: use theirs so both windows stamp as one device.
    const theirs = await db.getLocal<{ deviceId: string }>(DEVICE_DOC);
    return theirs ? (theirs.get('deviceId') as string) : deviceId;
  }
}

async function ensureOwner(db: KithDatabase, ctx: DeviceContext): Promise<void> {
  const owner = await db.people.findOne(OWNER_ID).exec();
  if (owner) return;
  try {
    await db.people.insert(ownerDocument(ctx.clock(), ctx.deviceId));
  } catch (err) {
    // A second window inserting at the same moment is fine; anything else is not.
    if (!(await db.people.findOne(OWNER_ID).exec())) throw err;
  }
}

export async function openDatabase(options: OpenDatabaseOptions): Promise<KithDatabase> {
  addPlugins();
  const db: KithDatabase = await createRxDatabase({
    name: options.name ?? 'kith',
    storage: wrappedValidateKithStorage({ storage: options.storage }),
    multiInstance: options.multiInstance ?? true,
    localDocuments: true,
    eventReduce: true,
    // The journal counts by filters no index covers (e.g. archived people); at our sizes that is cheap.
    allowSlowCount: true,
    closeDuplicates: options.closeDuplicates ?? false,
  });
  try {
    await db.addCollections(collectionCreators);
    const deviceId = await loadDeviceId(db, options.deviceId);
    const ctx: DeviceContext = { deviceId, clock: createClock() };
    setDeviceContext(db, ctx);
    if (options.writeLock) setWriteLock(db, options.writeLock(options.name ?? 'kith'));
    setStorageRoom(db, options.storageRoom);
    setFlushToDisk(db, options.flushToDisk);
    // Before anything reads the journal: an import or restore a crash interrupted is taken back.
    await recoverInterruptedWrite(db);
    if (options.safetyCopy) {
      // Before the owner is created: a journal put back from its copy brings its own owner.
      await options.safetyCopy.recover(db);
      setSafetyCopy(db, options.safetyCopy);
    }
    await ensureOwner(db, ctx);
    return db;
  } catch (err) {
    await db.close();
    throw err;
  }
}

export async function getOwner(db: KithDatabase): Promise<Person> {
  const doc = await db.people.findOne(OWNER_ID).exec();
  if (!doc) throw new Error('The owner ("me") is missing from the database.');
  return doc.toMutableJSON();
}
