/**
 * Per-field modification stamps, `"<ms, 15 digits>@<deviceId>"`. Zero-padding makes plain string
 * comparison order stamps by time first and device id second, so every device picks the same winner
 * when sync merges two edits of one field.
 */

export type FieldStamp = string;

/** The fields that are bookkeeping, not content: never stamped, never compared as edits. */
export const BOOKKEEPING_FIELDS = ['id', 'createdAt', 'updatedAt', 'fieldTimes'] as const;

const STAMP_PATTERN = /^(\d{15})@(.*)$/;

export function makeStamp(ms: number, deviceId: string): FieldStamp {
  return `${String(Math.max(0, Math.floor(ms))).padStart(15, '0')}@${deviceId}`;
}

export function parseStamp(stamp: FieldStamp): { ms: number; deviceId: string } | null {
  const m = STAMP_PATTERN.exec(stamp);
  return m ? { ms: Number(m[1]), deviceId: m[2] ?? '' } : null;
}

/** Negative when `a` is older, positive when newer; a missing stamp is older than any stamp. */
export function compareStamps(a: FieldStamp | undefined, b: FieldStamp | undefined): number {
  const x = a ?? '';
  const y = b ?? '';
  return x < y ? -1 : x > y ? 1 : 0;
}

function isBookkeeping(field: string): boolean {
  return (BOOKKEEPING_FIELDS as readonly string[]).includes(field);
}

/** Structural equality for JSON values (documents hold only JSON). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((v, i) => sameValue(v, b[i]));
  }
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    return (
      ka.length === kb.length &&
      ka.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
    );
  }
  return false;
}

/** Content fields whose values differ between two versions of a document (all of them if `before` is null). */
export function changedFields(before: object | null, after: object): string[] {
  const b = (before ?? {}) as Record<string, unknown>;
  const a = after as Record<string, unknown>;
  return Object.keys(a).filter((k) => !isBookkeeping(k) && (before === null || !sameValue(a[k], b[k])));
}

/** Content equality, ignoring bookkeeping: what the user would see as "the same". */
export function sameContent(a: object | null, b: object | null): boolean {
  if (a === null || b === null) return a === b;
  return changedFields(a, b).length === 0 && changedFields(b, a).length === 0;
}

/** fieldTimes for `after`, stamping only the fields that changed since `before`. */
export function stampChanges(
  before: { fieldTimes?: Record<string, FieldStamp> } | null,
  after: object,
  stamp: FieldStamp,
): Record<string, FieldStamp> {
  const times: Record<string, FieldStamp> = { ...(before?.fieldTimes ?? {}) };
  for (const field of changedFields(before, after)) times[field] = stamp;
  return times;
}
