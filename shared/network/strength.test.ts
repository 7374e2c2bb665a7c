import { describe, expect, it } from 'vitest';
import type { Encounter } from '../domain/entities';
import { dayNumber } from './days';
import { DEFAULT_STRENGTH_SETTINGS } from './settings';
import { OWNER, encounter, on, person } from './testing';
import { buildTimeIndex } from './timeIndex';

/** Strength of the owner's tie with 'a' on the given day after START. */
function strength(encounters: Encounter[], day: number, settings = DEFAULT_STRENGTH_SETTINGS): number {
  const index = buildTimeIndex([person(OWNER), person('a')], encounters, [], settings);
  return index.strengthsAt(dayNumber(on(day)))[0] as number;
}

const every = (step: number, until: number, extra: Partial<Encounter> = {}, who = ['a']) =>
  Array.from({ length: Math.floor(until / step) + 1 }, (_, k) => encounter(k * step, who, extra));

describe('the strength of an owner tie', () => {
  it('only weakens while the two are out of touch, at every day for five years', () => {
    for (const history of [
      every(30, 720),
      every(7, 70),
      [encounter(0, ['a'])],
      every(90, 2000, { rating: 4 }),
    ]) {
      const last = dayNumber(history.at(-1)?.date ?? '') - dayNumber(on(0));
      const index = buildTimeIndex([person(OWNER), person('a')], history, []);
      let before = Infinity;
      for (let day = last; day <= last + 5 * 365; day++) {
        const s = index.strengthsAt(dayNumber(on(day)))[0] as number;
        expect(s).toBeLessThanOrEqual(before);
        before = s;
      }
      expect(before).toBeLessThan(strength(history, last) - 0.05);
    }
  });

  it('is 0 before the first encounter and stays within 0..1', () => {
    const history = every(1, 400, { rating: 5, initiatorId: 'a' });
    expect(strength(history, -1)).toBe(0);
    for (const day of [0, 10, 400, 4000]) {
      expect(strength(history, day)).toBeGreaterThan(0);
      expect(strength(history, day)).toBeLessThanOrEqual(1);
    }
  });

  it('is stronger with more encounters over the same years', () => {
    const monthly = every(30, 720);
    const quarterly = every(90, 720);
    expect(strength(monthly, 750)).toBeGreaterThan(strength(quarterly, 750));
  });

  it('is stronger right after another encounter', () => {
    const history = every(30, 720);
    expect(strength([...history, encounter(900, ['a'])], 900)).toBeGreaterThan(strength(history, 900));
  });

  it('is stronger when the encounters were closer: rated higher, one-to-one, in person', () => {
    expect(strength(every(30, 720, { rating: 5 }), 750)).toBeGreaterThan(
      strength(every(30, 720, { rating: 2 }), 750),
    );
    expect(strength(every(30, 720), 750)).toBeGreaterThan(
      strength(every(30, 720, {}, ['a', 'b', 'c', 'd']), 750),
    );
    expect(strength(every(30, 720), 750)).toBeGreaterThan(
      strength(every(30, 720, { channel: 'email' }), 750),
    );
  });

  it('counts chosen get-togethers over settings shared anyway (Marsden & Campbell)', () => {
    expect(strength(every(30, 720, { context: 'other' }), 750)).toBeGreaterThan(
      strength(every(30, 720, { context: 'office-chat' }), 750),
    );
  });
});
