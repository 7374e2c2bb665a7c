import { describe, expect, it } from 'vitest';
import { buildTimeIndex } from './timeIndex';
import { fadingTies } from './keepInTouch';
import { networkAt } from './graph';
import { encounter, on, OWNER, person, tie } from './testing';

// Sync or a backup can bring an encounter whose day does not exist; the model must leave it out,
// not throw (the whole map would fail) nor roll it over into another day.
describe('the model with days that do not exist', () => {
  const people = [person(OWNER), person('ana'), person('ben'), person('cy')];
  const good = [encounter(10, ['ana', 'ben']), encounter(40, ['ana'])];
  const bad = [
    encounter('not-a-date', ['ana', 'cy']),
    encounter('2026-02-30', ['ben', 'cy']),
    encounter('', ['cy']),
  ];

  it('leaves such encounters out and gives every other tie the strength it has without them', () => {
    const clean = buildTimeIndex(people, good, []);
    const index = buildTimeIndex(people, [...good, ...bad], []);
    expect(index.ties).toEqual(clean.ties);
    expect(index.firstDay).toBe(clean.firstDay);
    expect(index.lastDay).toBe(clean.lastDay);
    expect([...index.strengthsAt(on(60))]).toEqual([...clean.strengthsAt(on(60))]);
    // Cy was met only on days that do not exist: on the map from the day they were added, never met.
    expect(index.people.find((p) => p.id === 'cy')?.ownerTie).toBe(-1);
  });

  it('leaves out an explicit tie whose "since" is not a real day', () => {
    const index = buildTimeIndex(people, good, [tie('ben', 'cy', 'family', '2026-02-30')]);
    expect(index.ties.some((t) => t.a === 'ben' && t.b === 'cy')).toBe(false);
  });

  it('answers the views built on the index (network at a date, keep in touch) without throwing', () => {
    const index = buildTimeIndex(people, [...good, ...bad], [tie('ana', 'cy', 'friend', 'someday')]);
    expect(networkAt(index, on(60)).order).toBeGreaterThan(0);
    expect(() => fadingTies(index, on(900))).not.toThrow();
  });
});
