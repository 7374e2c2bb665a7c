import type { KithDatabase, SettingDoc } from './collections';
import { nextStamp } from './clock';
import { sameValue } from './fieldTimes';

/**
 * The settings document `id` holding `value`. Each setting keeps its own stamp (`value.<path>`),
 * renewed for every path whose value differs from the stored one, so sync merges settings one by
 * one and a change on one device never undoes another setting changed elsewhere.
 */
export function settingDocWith(
  db: KithDatabase,
  id: string,
  stored: SettingDoc | null,
  value: Record<string, unknown>,
  paths: Iterable<string>,
  read: (table: Record<string, unknown>, path: string) => unknown,
): SettingDoc {
  const { ms, stamp } = nextStamp(db, [stored]);
  const fieldTimes = { ...(stored?.fieldTimes ?? {}) };
  const before = stored?.value ?? {};
  for (const path of paths) {
    if (!sameValue(read(before, path), read(value, path))) fieldTimes[`value.${path}`] = stamp;
  }
  return { id, createdAt: stored?.createdAt ?? ms, updatedAt: ms, fieldTimes, value };
}
