import type { RxConflictHandler, RxConflictHandlerInput, WithDeleted } from 'rxdb';
import type { CollectionName } from '../db/collections';
import { BOOKKEEPING_FIELDS, compareStamps, parseStamp, sameValue, type FieldStamp } from '../db/fieldTimes';
import { portable } from './envelope';
import { utcMinute } from './utcMinute';

/**
 * Free text where two devices' concurrent edits are both kept: the newer edit stays in the field and
 * the other is appended below it as a visible section. Other fields take the newer edit (per-field
 * stamp: time, then device id). Limits are the schemas' maxLength.
 */
export const FREE_TEXT_FIELDS: Record<CollectionName, Record<string, number>> = {
  people: { notes: 20000, howWeMet: 2000 },
  encounters: { notes: 20000 },
  communities: { notes: 20000 },
  ties: { notes: 20000 },
  followups: { text: 2000 },
  settings: {},
};

type Tracked = WithDeleted<{
  id: string;
  createdAt: number;
  updatedAt: number;
  fieldTimes: Record<string, FieldStamp>;
}>;
type AnyDoc = Tracked & Record<string, unknown>;

const CUT_MARK = '\n[… shortened to fit]';

/**
 * A device's name as the person gave it ("Laptop"), from the journal's device directory
 * (shared/db/devices.ts), or undefined when the directory does not know the device.
 */
export type DeviceNameLookup = (deviceId: string) => string | undefined;

export function conflictSection(
  loserText: string,
  loserStamp: FieldStamp | undefined,
  deviceName?: DeviceNameLookup,
): string {
  const parsed = loserStamp ? parseStamp(loserStamp) : null;
  const id = parsed?.deviceId ?? '';
  // A raw device id means nothing to a person; its start still tells two unnamed devices apart.
  const who = (id && deviceName?.(id)) || (id ? `another device (${id.slice(0, 6)})` : 'another device');
  const when = parsed ? utcMinute(parsed.ms) : 'an unknown time';
  return `\n\n---\nConflicting edit from ${who} at ${when}:\n${loserText}`;
}

function appendLosing(
  winner: string,
  loser: string,
  loserStamp: FieldStamp | undefined,
  max: number,
  deviceName: DeviceNameLookup | undefined,
): string {
  // Idempotent: merging the same pair again (or a result with a side it already holds) adds nothing.
  if (loser === '' || winner.includes(loser)) return winner;
  const merged = winner + conflictSection(loser, loserStamp, deviceName);
  if (merged.length <= max) return merged;
  // The schema's limit would reject the whole document: keep as much of the losing text as fits.
  // A winning text already at the limit leaves no room (the one case a losing text is not kept).
  const room = max - CUT_MARK.length;
  return room > winner.length ? merged.slice(0, room) + CUT_MARK : winner;
}

/** Deterministic order of two differing values with equal stamps, so both devices pick the same. */
function tieBreak(a: unknown, b: unknown): number {
  const x = JSON.stringify(a);
  const y = JSON.stringify(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** True when either side stamps parts of `path` on their own (`value.theme` under `value`). */
function stampedInside(path: string, a: AnyDoc, b: AnyDoc): boolean {
  const prefix = `${path}.`;
  return [a.fieldTimes, b.fieldTimes].some((t) => Object.keys(t ?? {}).some((k) => k.startsWith(prefix)));
}

/** The newest stamp on `path` or on anything enclosing it: undo restores a whole field at once. */
function stampOf(times: Record<string, FieldStamp> | undefined, path: string): FieldStamp | undefined {
  let best: FieldStamp | undefined;
  const parts = path.split('.');
  for (let i = 1; i <= parts.length; i++) {
    const stamp = times?.[parts.slice(0, i).join('.')];
    if (compareStamps(stamp, best) > 0) best = stamp;
  }
  return best;
}

/** The newest stamp on `path`, anything enclosing it, or anything inside it. */
function newestWithin(times: Record<string, FieldStamp> | undefined, path: string): FieldStamp | undefined {
  let best = stampOf(times, path);
  for (const [key, stamp] of Object.entries(times ?? {})) {
    if (key.startsWith(`${path}.`) && compareStamps(stamp, best) > 0) best = stamp;
  }
  return best;
}

/**
 * Settings keep one stamp per setting inside their `value` object (`value.theme`,
 * `value.channelWeights.video`): merge those paths one by one, so two devices changing different
 * settings both keep their change. A key one side removed (back to its default) is absent there with
 * a newer stamp, and stays absent.
 */
function mergeInside(
  path: string,
  va: unknown,
  vb: unknown,
  a: AnyDoc,
  b: AnyDoc,
  times: Record<string, FieldStamp>,
): unknown {
  // A stamp covering this whole path that is newer than anything the other side did inside it wins
  // outright (an undo on one device after a setting changed on the other).
  const covering = [stampOf(a.fieldTimes, path), stampOf(b.fieldTimes, path)] as const;
  for (const [side, value, other] of [
    [0, va, b],
    [1, vb, a],
  ] as const) {
    const stamp = covering[side];
    if (stamp !== undefined && compareStamps(stamp, newestWithin(other.fieldTimes, path)) > 0) {
      times[path] = stamp;
      return value;
    }
  }
  if (stampedInside(path, a, b) && isPlainObject(va ?? {}) && isPlainObject(vb ?? {})) {
    const x = (va ?? {}) as Record<string, unknown>;
    const y = (vb ?? {}) as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const key of [...new Set([...Object.keys(x), ...Object.keys(y)])].sort()) {
      const value = mergeInside(`${path}.${key}`, x[key], y[key], a, b, times);
      if (value !== undefined) out[key] = value;
    }
    return out;
  }
  const sa = stampOf(a.fieldTimes, path);
  const sb = stampOf(b.fieldTimes, path);
  const aWins = (compareStamps(sa, sb) || tieBreak(va, vb)) >= 0;
  const stamp = aWins ? sa : sb;
  if (stamp !== undefined) times[path] = stamp;
  return aWins ? va : vb;
}

/** True when `edit` holds a field edit the version `deleted` was removed at had not seen. */
function hasUnseenEdit(edit: AnyDoc, deleted: AnyDoc): boolean {
  return Object.entries(edit.fieldTimes ?? {}).some(
    ([field, stamp]) => compareStamps(stamp, deleted.fieldTimes?.[field]) > 0,
  );
}

/**
 * Merges two versions of one document. Symmetric in `a` and `b`, so it does not matter which device
 * resolves. `base` (the version this device last saw on the server) tells which sides changed a
 * free-text field; without it both are assumed changed and the losing text is kept.
 *
 * Delete against edit: a removal removes the version the deleting device saw. If the other side
 * holds an edit that version did not have (a newer stamp on any field), the edit wins and the
 * document comes back with it; otherwise the document stays deleted. Both deleted: deleted.
 *
 * `deviceName` names the device of a kept losing text; without it (or for a device it does not
 * know) the section says "another device (<start of its id>)".
 */
export function mergeVersions(
  collection: CollectionName,
  a: AnyDoc,
  b: AnyDoc,
  base?: AnyDoc,
  deviceName?: DeviceNameLookup,
): AnyDoc {
  const texts = FREE_TEXT_FIELDS[collection];
  const merged: Record<string, unknown> = {};
  const times: Record<string, FieldStamp> = {};
  const skip = new Set<string>([...BOOKKEEPING_FIELDS, '_deleted']);
  const fields = new Set([...Object.keys(a), ...Object.keys(b)].filter((f) => !skip.has(f)));
  for (const field of [...fields].sort()) {
    if (stampedInside(field, a, b)) {
      const value = mergeInside(field, a[field], b[field], a, b, times);
      // The whole-field stamp (from an undo) still covers keys neither side holds any more.
      const whole = [a.fieldTimes?.[field], b.fieldTimes?.[field]].sort(compareStamps)[1];
      if (whole !== undefined) times[field] = whole;
      if (value !== undefined) merged[field] = value;
      continue;
    }
    const sa = a.fieldTimes?.[field];
    const sb = b.fieldTimes?.[field];
    const va = a[field];
    const vb = b[field];
    const order = compareStamps(sa, sb) || tieBreak(va, vb);
    const [winner, loser, ws, ls] = order >= 0 ? [va, vb, sa, sb] : [vb, va, sb, sa];
    let value = winner;
    let stamp = ws;
    const max = texts[field];
    const loserChanged = !base || !sameValue(loser, base[field]);
    if (max !== undefined && typeof winner === 'string' && typeof loser === 'string' && loserChanged) {
      value = appendLosing(winner, loser, ls, max, deviceName);
      // A merged text is newer than both sides, so it wins over either one arriving later.
      if (value !== winner) stamp = `${ws ?? ''}+`;
    }
    if (value !== undefined) merged[field] = value;
    if (stamp !== undefined) times[field] = stamp;
  }
  let deleted = a._deleted && b._deleted;
  if (a._deleted !== b._deleted) {
    const [gone, kept] = a._deleted ? [a, b] : [b, a];
    deleted = !hasUnseenEdit(kept, gone);
  }
  return {
    ...merged,
    id: a.id,
    createdAt: Math.min(a.createdAt, b.createdAt),
    updatedAt: Math.max(a.updatedAt, b.updatedAt),
    fieldTimes: times,
    _deleted: deleted,
  } as AnyDoc;
}

export function sameDocument(a: object, b: object): boolean {
  return sameValue(portable(a as Record<string, unknown>), portable(b as Record<string, unknown>));
}

/**
 * The RxDB conflict handler of one collection: used when a push finds the server moved on.
 * `deviceName` is read at each merge, so a directory that changes while syncing is followed.
 */
export function conflictHandlerFor<T>(
  collection: CollectionName,
  deviceName?: DeviceNameLookup,
): RxConflictHandler<T> {
  return {
    isEqual: (a, b) => sameDocument(a as object, b as object),
    resolve: async (input: RxConflictHandlerInput<T>) => {
      const mine = portable(input.newDocumentState as Record<string, unknown>) as unknown as AnyDoc;
      const theirs = portable(input.realMasterState as Record<string, unknown>) as unknown as AnyDoc;
      const base = input.assumedMasterState
        ? (portable(input.assumedMasterState as Record<string, unknown>) as unknown as AnyDoc)
        : undefined;
      return mergeVersions(collection, mine, theirs, base, deviceName) as unknown as WithDeleted<T>;
    },
  };
}
