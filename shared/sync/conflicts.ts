/**
 * How this device settles two versions of one document, beyond the field-by-field merge of ./merge:
 * which version is older, a merge that would break the journal's rules, and one race of RxDB's.
 */
import type { RxConflictHandler } from 'rxdb';
import { checkStoredDocument } from '../db/checkDocument';
import type { CollectionName } from '../db/collections';
import { compareStamps } from '../db/fieldTimes';
import type { SyncDoc } from './envelope';

/** A document as stored on this device: its fields' edit stamps included. */
export type LocalDoc = SyncDoc & { fieldTimes?: Record<string, string> };

function content(doc: SyncDoc): Record<string, unknown> {
  const { _deleted: _d, ...rest } = doc;
  return rest;
}

/**
 * True when `pulled` holds no edit `local` lacks and is missing one it has: an older version. A
 * removal does not stamp fields, so a removed document coming back with no newer edit is one too.
 */
export function isOlder(pulled: LocalDoc, local: LocalDoc): boolean {
  const fields = new Set([...Object.keys(pulled.fieldTimes ?? {}), ...Object.keys(local.fieldTimes ?? {})]);
  let older = false;
  for (const field of fields) {
    const order = compareStamps(pulled.fieldTimes?.[field], local.fieldTimes?.[field]);
    if (order > 0) return false;
    if (order < 0) older = true;
  }
  return older || (local._deleted && !pulled._deleted);
}

/** The newest stamp of any field: which of two versions was edited last. */
function lastEdit(doc: SyncDoc): string {
  const times = Object.values((doc as LocalDoc).fieldTimes ?? {});
  return times.reduce((a, b) => (compareStamps(a, b) >= 0 ? a : b), '');
}

/**
 * Two valid versions can merge field by field into one that breaks a rule spanning fields (each side
 * changed one of them). Such a merge is never stored: the version edited last wins whole instead, and
 * the other side's edit stays in the version history of the device that made it.
 */
export function checkedConflictHandler(
  collection: CollectionName,
  base: RxConflictHandler<SyncDoc>,
): RxConflictHandler<SyncDoc> {
  return {
    isEqual: (a, b, context) => base.isEqual(a, b, context),
    resolve: async (input, context) => {
      const merged = await base.resolve(input, context);
      if (merged._deleted || checkStoredDocument(collection, content(merged)).length === 0) return merged;
      const sides = [input.newDocumentState, input.realMasterState].filter(
        (d) => d._deleted || checkStoredDocument(collection, content(d)).length === 0,
      );
      sides.sort((a, b) => compareStamps(lastEdit(b), lastEdit(a)));
      return sides[0] ?? input.realMasterState;
    },
  };
}

/**
 * The collection's conflict handler, guarded against one race: a pulled state is handed to RxDB,
 * then a local edit of the same document is pushed and acknowledged before RxDB writes the pulled
 * state; RxDB then sees the device's copy equal to the acknowledged server state and would write the
 * older pulled state over it, losing the edit on this device. RxDB asks `isEqual(assumed master,
 * device copy, 'downstream-check-if-equal-0')` just before that write: answering "not equal" when the
 * state about to be written is older than the device's copy makes RxDB keep the copy (as it does for
 * any unpushed local edit). Found by the convergence fuzz (1 seed in 1,000 under heavy load).
 */
export function guardedConflictHandler(
  base: RxConflictHandler<SyncDoc>,
  handedOver: ReadonlyMap<string, SyncDoc>,
): RxConflictHandler<SyncDoc> {
  return {
    resolve: (input, context) => base.resolve(input, context),
    isEqual: (a, b, context) => {
      if (context === 'downstream-check-if-equal-0') {
        const pulled = handedOver.get((b as SyncDoc).id);
        if (pulled && isOlder(pulled as LocalDoc, b as LocalDoc)) return false;
      }
      return base.isEqual(a, b, context);
    },
  };
}
