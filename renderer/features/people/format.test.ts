import { describe, expect, it } from 'vitest';
import { birthdayLabel } from './format';

describe('birthdayLabel', () => {
  it('names real birthdays, with or without the year', () => {
    // The browser's own language orders the parts.
    expect(birthdayLabel('1990-04-12')).toMatch(/^(12 April 1990|April 12, 1990)$/);
    expect(birthdayLabel('--02-29')).toMatch(/^(29 February|February 29)$/);
  });

  it('shows a birthday no calendar has as stored, not as another day', () => {
    expect(birthdayLabel('1990-02-30')).toBe('unknown date (1990-02-30)');
    expect(birthdayLabel('--13-01')).toBe('unknown date (--13-01)');
    expect(birthdayLabel('someday')).toBe('unknown date (someday)');
  });
});
