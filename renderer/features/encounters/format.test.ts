import { describe, expect, it } from 'vitest';
import { formatDayLong, formatDayShort } from './format';

describe('day formatters on stored values', () => {
  it('format real days', () => {
    expect(formatDayLong('2026-11-26')).toBe('Thursday 26 November 2026');
    expect(formatDayShort('2026-11-26')).toBe('26 Nov 2026');
  });

  it('show a day that does not exist as stored, never throwing', () => {
    for (const bad of ['2026-02-30', 'not-a-date', '2026-13-01', '26/11/2026']) {
      expect(formatDayShort(bad)).toBe(`unknown date (${bad})`);
      expect(formatDayLong(bad)).toBe(`Unknown date (${bad})`);
    }
    expect(formatDayShort('')).toBe('unknown date');
  });

  it('cut a long damaged value short', () => {
    expect(formatDayShort('x'.repeat(500))).toBe(`unknown date (${'x'.repeat(40)}…)`);
  });
});
