import type { SyncKey } from './cipher';
import type { CryptoLike } from './cryptoLike';
import { encodeEnvelope, openEnvelope, type Envelope, type EnvelopeKeys } from './envelope';
import { SyncPassphraseError } from './errors';
import { send } from './http';
import {
  changeIsGenuine,
  changeProof,
  createKeyRecord,
  DAMAGED_KEY_DOC,
  isKeyDoc,
  isLegacyKeyDoc,
  KEY_DOC_ID,
  legacyRecord,
  retire,
  retiredKeys,
  unlockRecord,
  type KeyDoc,
  type KeyRecord,
  type UnlockedKey,
} from './keyDoc';
import type { SyncTransport } from './transport';
import { FORGED_CHANGE, getDoc, journalKinds, KEY_DOC_MISSING, serverEnvelopes } from './unlock';
import { utcMinute } from './utcMinute';

export interface PassphraseProgress {
  done: number;
  total: number;
}

export interface ChangeResult {
  /** Documents re-sealed with the new key (or written in plain text when encryption was turned off). */
  resealed: number;
  /**
   * Documents left as they were because they could not be opened: damaged, forged (plain text in an
   * encrypted journal) or sealed with a key nobody has. Devices set them aside; they were never
   * readable journal documents.
   */
  leftAsTheyWere: number;
}

/** After this many passes that still found documents under the old key, other devices are still writing. */
const MAX_PASSES = 12;

/** The change in progress on the server, resumed or started; everything the passes need. */
interface Plan {
  doc: KeyDoc;
  /** Opens what is on the server now: the current key and the keys of earlier passphrases. */
  from: EnvelopeKeys;
  current: UnlockedKey | null;
  to: { record: KeyRecord; key: SyncKey } | null;
}

async function put(transport: SyncTransport, doc: KeyDoc, what: string): Promise<boolean> {
  const res = await send(transport, { method: 'PUT', path: KEY_DOC_ID, body: doc }, what, [201, 202, 409]);
  return res.status !== 409;
}

async function readKeys(current: UnlockedKey | null, doc: KeyDoc): Promise<EnvelopeKeys> {
  if (!current) return { read: new Map(), encrypted: false };
  const retired = await retiredKeys(doc, current.key);
  return { read: new Map([current.key, ...retired].map((k) => [k.kid, k])), encrypted: true, legacy: true };
}

/**
 * Reads the key document and either resumes the change it records (checking that `newPassphrase`
 * is the one it was started with) or records a new one, before any document is touched: the new
 * key's salt and check are on the server first, so an interruption at any point can be resumed with
 * the two passphrases the person knows. Null: nothing to do (the change was already finished).
 */
async function startOrResume(
  transport: SyncTransport,
  crypto: CryptoLike,
  oldPassphrase: string,
  newPassphrase: string,
  now: number,
): Promise<Plan | null> {
  for (;;) {
    const stored = await getDoc(transport, KEY_DOC_ID);
    let doc: KeyDoc;
    let current: UnlockedKey | null = null;
    if (stored === null) {
      if (oldPassphrase !== '')
        throw new SyncPassphraseError(
          'The journal on the server is not encrypted (it has no passphrase yet).',
        );
      if ((await journalKinds(transport)).encrypted)
        throw new SyncPassphraseError(KEY_DOC_MISSING, 'restore-key');
      if (newPassphrase === '') return null;
      doc = { _id: KEY_DOC_ID, kith: 2, kdf: 'PBKDF2-SHA-256', current: null };
    } else if (isLegacyKeyDoc(stored)) {
      // The first format: its key becomes the current one of a format-2 document, and every
      // document is re-sealed in format 2 (with the same passphrase when upgrading).
      const { _rev, ...legacy } = stored;
      doc = {
        _id: KEY_DOC_ID,
        _rev,
        kith: 2,
        kdf: 'PBKDF2-SHA-256',
        current: legacyRecord(legacy as typeof stored),
      };
    } else if (isKeyDoc(stored)) {
      doc = stored;
    } else {
      throw new SyncPassphraseError(DAMAGED_KEY_DOC);
    }

    if (doc.current) {
      try {
        current = await unlockRecord(
          crypto,
          doc.current,
          oldPassphrase,
          'The current sync passphrase does not match the one the journal on the server is encrypted with.',
        );
      } catch (error) {
        // Finished before, but this device had not saved the new passphrase yet.
        const done =
          !doc.change &&
          newPassphrase !== '' &&
          (await unlockRecord(crypto, doc.current, newPassphrase).then(
            () => true,
            () => false,
          ));
        if (done) return null;
        throw error;
      }
    } else if (oldPassphrase !== '' && !doc.change) {
      throw new SyncPassphraseError(DAMAGED_KEY_DOC);
    }
    if (!(await changeIsGenuine(doc, current?.key ?? null))) throw new SyncPassphraseError(FORGED_CHANGE);

    if (doc.change) {
      const change = doc.change;
      if (change.to === null) {
        if (newPassphrase !== '')
          throw new SyncPassphraseError(
            `A change that turns encryption off was started at ${utcMinute(change.startedAt)} and has not finished: turn encryption off to finish it.`,
          );
        return { doc, current, from: await readKeys(current, doc), to: null };
      }
      const to = await unlockRecord(
        crypto,
        change.to,
        newPassphrase,
        `A change to a different new passphrase was started at ${utcMinute(change.startedAt)} and has not finished. Enter that passphrase as the new one to finish it.`,
      );
      return { doc, current, from: await readKeys(current, doc), to: { record: change.to, key: to.key } };
    }

    if (!current && newPassphrase === '') return null;
    const created = newPassphrase ? await createKeyRecord(crypto, newPassphrase) : null;
    const next: KeyDoc = {
      ...doc,
      change: {
        to: created?.record ?? null,
        startedAt: now,
        ...(current ? { proof: await changeProof(current.key, created?.record ?? null, now) } : {}),
      },
    };
    // Someone else changed the key document meanwhile: read it again and decide again.
    if (!(await put(transport, next, 'record the passphrase change'))) continue;
    const saved = (await getDoc(transport, KEY_DOC_ID)) as KeyDoc;
    return {
      doc: saved,
      current,
      from: await readKeys(current, saved),
      to: created ? { record: created.record, key: created.key } : null,
    };
  }
}

/** Already as the change wants it: under the new key, or plain when encryption is being turned off. */
function isDone(envelope: Envelope, to: Plan['to']): boolean {
  if (envelope.kith !== 2) return false;
  return to ? envelope.enc && envelope.kid === to.record.kid : !envelope.enc;
}

type Stored = Record<string, unknown> & { _rev: string };

/**
 * Saves that keep meeting a newer version: other devices write (each round re-reads and re-seals the
 * newer one), but a server that answers "conflict" to everything would keep the change going forever.
 */
const MAX_CONFLICT_ROUNDS = 20;

function conflictsWithoutEnd(count: number): string {
  return `The sync server answered “conflict” ${MAX_CONFLICT_ROUNDS} times in a row for ${count} ${count === 1 ? 'document' : 'documents'}: the passphrase change stopped here and can be finished later (Settings › Sync).`;
}

/** One pass over the server: re-seals what is under an old key; the counts of what it did. */
async function pass(
  transport: SyncTransport,
  plan: Plan,
  onDocs: (count: number) => void,
): Promise<ChangeResult> {
  let resealed = 0;
  let leftAsTheyWere = 0;
  const reseal = async (doc: Stored): Promise<object | null> => {
    const envelope = doc as unknown as Envelope;
    if (isDone(envelope, plan.to)) return null;
    const opened = await openEnvelope(doc, plan.from);
    if (opened.kind !== 'doc') {
      leftAsTheyWere += 1;
      return null;
    }
    // The writer's schema version stays: re-encrypting is not an upgrade.
    const next = await encodeEnvelope(opened.collection, opened.version, opened.doc, plan.to?.key ?? null);
    return { ...next, _rev: doc._rev };
  };
  for await (const page of serverEnvelopes(transport)) {
    let pending: Stored[] = page.map((e) => e.doc);
    for (let round = 1; pending.length > 0; round++) {
      if (round > MAX_CONFLICT_ROUNDS) throw new Error(conflictsWithoutEnd(pending.length));
      const docs = (await Promise.all(pending.map(reseal))).filter((d): d is object => d !== null);
      if (docs.length === 0) break;
      const saved = await send(
        transport,
        { method: 'POST', path: '_bulk_docs', body: { docs } },
        'save documents',
      );
      const results = saved.body as { id: string; ok?: boolean; error?: string; reason?: string }[];
      if (!Array.isArray(results)) throw new Error('The sync server sent a malformed answer to a save.');
      const failed = results.find((r) => r.error && r.error !== 'conflict');
      if (failed)
        throw new Error(`The sync server refused “${failed.id}”: ${failed.reason ?? failed.error}.`);
      resealed += results.filter((r) => !r.error).length;
      // Saved by another device in between: read those again and re-seal the newer version.
      pending = [];
      for (const r of results.filter((x) => x.error === 'conflict')) {
        const doc = (await getDoc(transport, r.id)) as Stored | null;
        if (doc) pending.push(doc);
      }
    }
    onDocs(page.length);
  }
  return { resealed, leftAsTheyWere };
}

/** Makes the new key current (or removes the key document when encryption was turned off). */
async function finish(transport: SyncTransport, plan: Plan): Promise<void> {
  for (let round = 1; ; round++) {
    if (round > MAX_CONFLICT_ROUNDS) throw new Error(conflictsWithoutEnd(1));
    const stored = await getDoc(transport, KEY_DOC_ID);
    if (!isKeyDoc(stored) || stored.change?.to?.kid !== plan.to?.record.kid)
      throw new Error('The key document changed on the server while the passphrase was being changed.');
    if (!plan.to) {
      const res = await send(
        transport,
        { method: 'DELETE', path: `${KEY_DOC_ID}?rev=${encodeURIComponent(stored._rev ?? '')}` },
        'turn encryption off',
        [200, 202, 409],
      );
      if (res.status !== 409) return;
      continue;
    }
    const done: KeyDoc = {
      _id: KEY_DOC_ID,
      ...(stored._rev ? { _rev: stored._rev } : {}),
      kith: 2,
      kdf: 'PBKDF2-SHA-256',
      current: plan.to.record,
      // A device that wrote under the old key just before it learnt of the change is read, not lost.
      ...(plan.current ? { retired: [await retire(plan.to.key, plan.current)] } : {}),
    };
    if (await put(transport, done, 'store the new encryption key')) return;
  }
}

/**
 * Re-encrypts every document on the server with a key from `newPassphrase`. `oldPassphrase` is ''
 * when the journal is synced without encryption; `newPassphrase` '' turns encryption off; the same
 * passphrase twice upgrades a journal of the first sync format (or just rotates the key).
 *
 * Crash-safe and race-safe: the change is recorded in the key document (with the new key's salt and
 * check) before any document is re-sealed, so it can be resumed after any interruption by calling
 * this again with the same two passphrases; devices that see the change stop writing; it passes over
 * the server until a pass finds nothing left under the old key (a device that wrote in between is
 * caught by the next pass), and only then makes the new key current. Stop this device's sync
 * session first and start a new one afterwards.
 */
export async function changePassphrase(
  transport: SyncTransport,
  crypto: CryptoLike,
  oldPassphrase: string,
  newPassphrase: string,
  onProgress?: (progress: PassphraseProgress) => void,
  now: () => number = Date.now,
): Promise<ChangeResult> {
  const plan = await startOrResume(transport, crypto, oldPassphrase, newPassphrase, now());
  if (!plan) return { resealed: 0, leftAsTheyWere: 0 };
  const info = await send(transport, { method: 'GET', path: '' }, 'read the database');
  const total = Number((info.body as { doc_count?: unknown })?.doc_count ?? 0);
  let resealed = 0;
  let last: ChangeResult;
  for (let n = 1; ; n++) {
    if (n > MAX_PASSES)
      throw new Error(
        'Another device keeps writing with the old passphrase. Close Kith on your other devices and try again: the change resumes where it stopped.',
      );
    let done = 0;
    const result = await pass(transport, plan, (count) => {
      done += count;
      onProgress?.({ done: Math.min(done, total), total });
    });
    resealed += result.resealed;
    last = result;
    if (result.resealed === 0) break;
  }
  await finish(transport, plan);
  // The last pass saw every document that could not be re-sealed.
  return { resealed, leftAsTheyWere: last.leftAsTheyWere };
}
