import type { Tracked } from '../domain/entities';
import { trackedDocument } from '../db/documents';
import { makeStamp } from '../db/fieldTimes';
import { DAY_MS } from './calendar';
import type { Random } from './random';

/** The device every sample document was "written" on; sync treats it like any other device. */
export const SAMPLE_DEVICE = 'sample';

/** A UUID-shaped id drawn from the seeded source, so ids are stable per seed yet look like the app's. */
export function createIds(random: Random): () => string {
  const hex = (n: number) =>
    Math.floor(random.next() * 16 ** n)
      .toString(16)
      .padStart(n, '0');
  return () =>
    `${hex(8)}-${hex(4)}-4${hex(3)}-${(8 + random.int(0, 3)).toString(16)}${hex(3)}-${hex(6)}${hex(6)}`;
}

/** When the owner wrote something down about `day`: that evening, never after the reference day. */
export function journaledAt(random: Random, day: number, lastMs: number): number {
  const evening = day * DAY_MS + 17 * 3_600_000 + Math.floor(random.next() * 6 * 3_600) * 1_000;
  return Math.min(lastMs, evening);
}

export interface Edit<C> {
  at: number;
  fields: readonly (keyof C & string)[];
}

/** Sometimes a document was edited later (a note added, a tag fixed): those fields carry the later stamp. */
export function maybeEdit<C>(
  random: Random,
  probability: number,
  createdAt: number,
  lastMs: number,
  fields: readonly (keyof C & string)[],
): Edit<C> | undefined {
  if (!random.chance(probability) || fields.length === 0) return undefined;
  const at = Math.min(lastMs, createdAt + Math.round(random.exponential(30 * DAY_MS)));
  return at > createdAt ? { at, fields: [random.pick(fields)] } : undefined;
}

/** Adds the bookkeeping every stored document carries: timestamps and a stamp per content field. */
export function tracked<C extends object>(
  id: string,
  content: C,
  createdAt: number,
  edit?: Edit<C>,
): C & Tracked {
  const doc = trackedDocument(id, content, { ms: createdAt, stamp: makeStamp(createdAt, SAMPLE_DEVICE) });
  if (!edit) return doc;
  for (const field of edit.fields) doc.fieldTimes[field] = makeStamp(edit.at, SAMPLE_DEVICE);
  return { ...doc, updatedAt: edit.at };
}
