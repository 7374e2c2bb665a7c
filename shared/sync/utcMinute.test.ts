import { describe, expect, it } from 'vitest';
import { changeInProgress } from './unlock';
import { utcMinute } from './utcMinute';

describe('times in sync messages', () => {
  it('say the UTC minute', () => {
    expect(utcMinute(Date.UTC(2026, 11, 7, 14, 3, 59))).toBe('2026-12-07 14:03 UTC');
  });

  it('say an impossible time from the server as unknown instead of throwing', () => {
    for (const bad of [Number.NaN, 9e15, -9e15, Infinity])
      expect(changeInProgress(bad)).toContain('started at an unknown time');
  });
});
