import { describe, expect, it } from 'vitest';
import { dayLabel, monthLabel, monthShortLabel, quarterLabel } from './calendar';

describe('calendar labels on stored days', () => {
  it('name real days, months and quarters', () => {
    expect(dayLabel('2026-03-12')).toBe('12 March 2026');
    expect(monthLabel('2026-03-12')).toBe('Mar 2026');
    expect(quarterLabel('2026-03-12')).toBe('Q1 2026');
    expect(monthShortLabel('2026-03-12')).toBe('Mar');
  });

  it('name a day that does not exist as stored instead of throwing', () => {
    for (const label of [dayLabel, monthLabel, quarterLabel, monthShortLabel]) {
      expect(label('2026-02-30')).toBe('unknown date (2026-02-30)');
      expect(label('not-a-date')).toBe('unknown date (not-a-date)');
    }
  });
});
