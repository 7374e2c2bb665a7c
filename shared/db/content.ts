import type { Tracked } from '../domain/entities';

/** A document without its bookkeeping: what forms edit and inputs validate. */
export type Content<T extends Tracked> = Omit<T, keyof Tracked>;

export function contentOf<T extends Tracked>(doc: T): Content<T> {
  const { id: _id, createdAt: _c, updatedAt: _u, fieldTimes: _f, ...content } = doc;
  return content;
}

/** Drops keys set to undefined, so `{ name: undefined }` in a patch means "unchanged", not "cleared". */
export function definedOnly<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export function union(...lists: readonly string[][]): string[] {
  return [...new Set(lists.flat())];
}
