import { describe, expect, it } from 'vitest';
import { createClock, MAX_OBSERVED_AHEAD_MS } from './clock';
import { changedFields, compareStamps, makeStamp, parseStamp, stampChanges } from './fieldTimes';

describe('field stamps', () => {
  it('pad the time so string order is time order, then device order', () => {
    expect(makeStamp(1_700_000_000_000, 'laptop')).toBe('001700000000000@laptop');
    expect(parseStamp('001700000000000@laptop')).toEqual({ ms: 1_700_000_000_000, deviceId: 'laptop' });
    expect(compareStamps(makeStamp(999, 'z'), makeStamp(1000, 'a'))).toBeLessThan(0);
    expect(compareStamps(makeStamp(1000, 'b'), makeStamp(1000, 'a'))).toBeGreaterThan(0);
    expect(compareStamps(undefined, makeStamp(0, 'a'))).toBeLessThan(0);
  });

  it('the clock never repeats or goes back, even when the wall clock does', () => {
    const wall = [5, 5, 3, 10];
    const clock = createClock(() => wall.shift() ?? 0);
    expect([clock(), clock(), clock(), clock()]).toEqual([5, 6, 7, 10]);
  });

  it('the clock moves past stamps seen from other devices, but not to a far future', () => {
    const clock = createClock(() => 1_000);
    clock.observe(5_000);
    expect(clock()).toBe(5_001);
    clock.observe(1_000 + MAX_OBSERVED_AHEAD_MS + 1);
    expect(clock()).toBe(5_002);
  });

  it('stamps only the content fields that changed', () => {
    const before = {
      id: 'x',
      updatedAt: 1,
      name: 'Ada',
      tags: ['a'],
      fieldTimes: { name: 'old', tags: 'old' },
    };
    const after = { ...before, updatedAt: 2, tags: ['a', 'b'] };
    expect(changedFields(before, after)).toEqual(['tags']);
    expect(stampChanges(before, after, 'new')).toEqual({ name: 'old', tags: 'new' });
    expect(stampChanges(null, { id: 'x', name: 'Ada' }, 'new')).toEqual({ name: 'new' });
  });
});
