import { describe, expect, it } from 'vitest';
import { isOlder, type LocalDoc } from './handlers';

const doc = (times: Record<string, string>, deleted = false): LocalDoc =>
  ({ id: 'p1', fieldTimes: times, _deleted: deleted }) as LocalDoc;

describe('isOlder (a pulled version that would move this device back)', () => {
  it('is older when it lacks an edit the device has and holds none the device lacks', () => {
    expect(isOlder(doc({ name: '1@a', notes: '1@a' }), doc({ name: '1@a', notes: '2@a' }))).toBe(true);
    expect(isOlder(doc({ name: '1@a' }), doc({ name: '1@a', notes: '2@a' }))).toBe(true);
  });

  it('is not older when it holds any newer edit (a concurrent edit merges instead) or is the same', () => {
    expect(isOlder(doc({ name: '3@b', notes: '1@a' }), doc({ name: '1@a', notes: '2@a' }))).toBe(false);
    expect(isOlder(doc({ name: '1@a' }), doc({ name: '1@a' }))).toBe(false);
    // A removal does not stamp fields: the same edits, removed, are the newer state.
    expect(isOlder(doc({ name: '1@a' }, true), doc({ name: '1@a' }))).toBe(false);
  });

  it('is older when a removed document comes back with no newer edit (a replayed version)', () => {
    expect(isOlder(doc({ name: '1@a' }), doc({ name: '1@a' }, true))).toBe(true);
  });
});
