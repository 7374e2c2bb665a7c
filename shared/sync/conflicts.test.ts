import { describe, expect, it } from 'vitest';
import { checkedConflictHandler, guardedConflictHandler, isOlder, type LocalDoc } from './conflicts';
import { conflictHandlerFor } from './merge';
import type { SyncDoc } from './envelope';

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

describe('guardedConflictHandler', () => {
  const base = {
    isEqual: (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b),
    resolve: async () => doc({}) as never,
  };

  it('tells RxDB the device copy differs from the acknowledged state when what it is about to write is older', () => {
    const mine = doc({ name: '1@a', role: '2@a' });
    const handedOver = new Map([['p1', doc({ name: '1@a' })]]);
    const guarded = guardedConflictHandler(base, handedOver);
    expect(guarded.isEqual(mine, mine, 'downstream-check-if-equal-0')).toBe(false);
    // Elsewhere, and for a state that is not older, it answers as the merge rules do.
    expect(guarded.isEqual(mine, mine, 'kith-push')).toBe(true);
    handedOver.set('p1', doc({ name: '3@b', role: '2@a' }));
    expect(guarded.isEqual(mine, mine, 'downstream-check-if-equal-0')).toBe(true);
  });
});

describe('checkedConflictHandler', () => {
  const stamp = (ms: number, device: string) => `${String(ms).padStart(15, '0')}@${device}`;
  const tie = (aId: string, bId: string, times: Record<string, string>): SyncDoc => ({
    id: 't1',
    createdAt: 1,
    updatedAt: 1,
    aId,
    bId,
    kind: 'friend',
    notes: '',
    since: '',
    fieldTimes: { kind: stamp(1, 'a'), notes: stamp(1, 'a'), since: stamp(1, 'a'), ...times },
    _deleted: false,
  });

  it('never stores a merge that breaks a rule spanning fields: the version edited last wins whole', async () => {
    // One device moved the tie's first end to Carol, the other its second end to Carol.
    const mine = tie('carol', 'bob', { aId: stamp(5, 'laptop'), bId: stamp(1, 'a') });
    const theirs = tie('ada', 'carol', { aId: stamp(1, 'a'), bId: stamp(7, 'desktop') });
    const handler = checkedConflictHandler('ties', conflictHandlerFor<SyncDoc>('ties'));
    const resolved = await handler.resolve(
      { newDocumentState: mine, realMasterState: theirs, assumedMasterState: tie('ada', 'bob', {}) },
      'test',
    );
    expect([resolved.aId, resolved.bId]).toEqual(['ada', 'carol']);
    // A merge that keeps the rules is the merge.
    const other = tie('ada', 'dora', { aId: stamp(1, 'a'), bId: stamp(7, 'desktop') });
    const merged = await handler.resolve(
      { newDocumentState: mine, realMasterState: other, assumedMasterState: tie('ada', 'bob', {}) },
      'test',
    );
    expect([merged.aId, merged.bId]).toEqual(['carol', 'dora']);
  });
});
