import { describe, expect, it } from 'vitest';
import { dayNumber } from './days';
import { networkAt } from './graph';
import { OWNER, encounter, on, person, tie } from './testing';
import { buildTimeIndex } from './timeIndex';

const journaled = (day: number) => Date.parse(`${on(day)}T12:00:00Z`);

describe('the network at a date', () => {
  const people = [person(OWNER), person('a'), person('b'), person('c', { createdAt: journaled(200) })];
  const encounters = [encounter(0, ['a']), encounter(100, ['a', 'b'])];
  const index = buildTimeIndex(people, encounters, [tie('b', 'c', 'family')]);

  it('holds only the people met by then (or journaled by then, if never met)', () => {
    expect(
      networkAt(index, dayNumber(on(50)))
        .nodes()
        .sort(),
    ).toEqual(['a', OWNER]);
    expect(networkAt(index, on(150)).nodes().sort()).toEqual(['a', 'b', OWNER]);
    expect(networkAt(index, on(250)).nodes().sort()).toEqual(['a', 'b', 'c', OWNER]);
  });

  it('ties people once both are on the map, with strength and -log strength as cost', () => {
    const before = networkAt(index, on(150));
    expect(before.hasEdge('b', 'c')).toBe(false);
    expect(before.hasEdge('a', 'b')).toBe(true);
    const after = networkAt(index, on(250));
    const family = after.getEdgeAttributes(after.edge('b', 'c') as string);
    expect(family.strength).toBeCloseTo(index.settings.tieKindStrength.family, 10);
    expect(family.cost).toBeCloseTo(-Math.log(family.strength), 12);
    expect(after.getNodeAttributes('a').strength).toBeGreaterThan(0);
    expect(after.getNodeAttributes('c').strength).toBe(0);
  });

  it('does not turn a 200-person exhibition into a clique, while a dinner for three ties its guests', () => {
    const crowd = Array.from({ length: 200 }, (_, i) => `x${i}`);
    const big = buildTimeIndex(
      [person(OWNER), ...crowd.map((id) => person(id))],
      [encounter(0, crowd, { context: 'exhibition' })],
      [],
    );
    const g = networkAt(big, on(1));
    expect(g.order).toBe(201);
    expect(g.filterEdges((_e, a) => a.kind === 'pair')).toHaveLength(0);

    const small = buildTimeIndex(
      [person(OWNER), ...['x0', 'x1', 'x2'].map((id) => person(id))],
      [encounter(0, ['x0', 'x1', 'x2'], { context: 'exhibition' })],
      [],
    );
    expect(networkAt(small, on(1)).filterEdges((_e, a) => a.kind === 'pair')).toHaveLength(3);
    const pairInCrowd = big.strengthsAt(on(1))[big.ownerTieCount] as number;
    const pairAtDinner = small.strengthsAt(on(1))[small.ownerTieCount] as number;
    expect(pairAtDinner).toBeGreaterThan(20 * pairInCrowd);
  });

  it('counts an explicit tie from the day it began, when that is known', () => {
    const later = buildTimeIndex(people, encounters, [tie('a', 'b', 'colleague', on(400))]);
    const pair = later.ownerTieCount;
    const before = later.tieAt(pair, on(300));
    const after = later.tieAt(pair, on(400));
    expect(before).toMatchObject({ kind: 'pair', explicitStrength: 0 });
    expect(after).toMatchObject({ kind: 'pair', explicitKind: 'colleague', lastTogether: on(100) });
    expect(after).toMatchObject({ explicitStrength: later.settings.tieKindStrength.colleague });
    expect(after.strength).toBeGreaterThan(before.strength + 0.1);
  });

  it('leaves out ties below minEdgeStrength', () => {
    const strict = buildTimeIndex(people, encounters, [tie('b', 'c', 'family')], {
      ...index.settings,
      minEdgeStrength: 0.8,
    });
    expect(networkAt(strict, on(250)).hasEdge('b', 'c')).toBe(false);
  });
});
