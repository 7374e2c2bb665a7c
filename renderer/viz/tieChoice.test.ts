import { describe, expect, it } from 'vitest';
import type { NetworkScene } from './drawNetwork';
import { chooseTies, chooseTiesOnce } from './tieChoice';

/** Five people in a row at x = 0, 10, 20, 30, 40; ties given as [source, target, strength, owner]. */
function scene(ties: [number, number, number, boolean][]): NetworkScene {
  const people = 5;
  return {
    positions: Float32Array.from({ length: people * 2 }, (_, i) => (i % 2 === 0 ? i * 5 : 0)),
    appears: new Float64Array(people),
    day: 100,
    tieSource: Uint32Array.from(ties.map((t) => t[0])),
    tieTarget: Uint32Array.from(ties.map((t) => t[1])),
    tieIsOwner: Uint8Array.from(ties.map((t) => (t[3] ? 1 : 0))),
    nodeStrength: new Float32Array(people).fill(0.5),
    tieStrength: Float32Array.from(ties.map((t) => t[2])),
    colourSlot: new Int32Array(people),
    colours: ['#000'],
    hidden: null,
    minStrength: 0,
    names: [],
    focus: -1,
    hover: -1,
    path: [],
    theme: {} as NetworkScene['theme'],
  };
}

const everyone = () => true;
/** The chosen ties, in drawing order. */
const drawn = (choice: { ties: Int32Array }) => [...choice.ties];

describe('choosing the ties to draw', () => {
  const ties: [number, number, number, boolean][] = [
    [1, 2, 0.9, false], // 0: strong, between people
    [0, 1, 0.95, true], // 1: the owner's, strongest of all
    [2, 3, 0.3, false], // 2: weaker
    [3, 4, 0.01, false], // 3: too weak to draw
    [1, 4, 0.6, false], // 4
  ];

  it('draws the weakest first, so the strong ones end on top, and leaves out ties too weak to see', () => {
    expect(drawn(chooseTies(scene(ties), 100, null, everyone))).toEqual([1, 2, 4, 0]);
  });

  it('keeps the strongest person-to-person ties within the budget, before the owner’s', () => {
    expect(drawn(chooseTies(scene(ties), 2, null, everyone))).toEqual([4, 0]);
    expect(drawn(chooseTies(scene(ties), 4, null, everyone))).toEqual([1, 2, 4, 0]);
  });

  it('leaves out ties to people who cannot be drawn, and ties wholly off screen', () => {
    expect(drawn(chooseTies(scene(ties), 100, null, (i) => i !== 2))).toEqual([1, 4]);
    const leftEnd = { x0: -5, y0: -5, x1: 15, y1: 5 };
    expect(drawn(chooseTies(scene(ties), 100, leftEnd, everyone))).toEqual([1, 4, 0]);
  });

  it('groups the ties by owner and strength, each group with its own drawing strength', () => {
    const { groups } = chooseTies(scene(ties), 100, null, everyone);
    expect(groups.map((g) => g.owner)).toEqual([true, false, false, false]);
    expect(groups.map((g) => g.to - g.from)).toEqual([1, 1, 1, 1]);
    const strengths = groups.slice(1).map((g) => g.strength);
    expect([...strengths].sort()).toEqual(strengths);
  });

  it('keeps a sketch’s choice while only positions move, and chooses again when strengths change', () => {
    const first = scene(ties);
    const choice = chooseTiesOnce(first, 2, everyone);
    const moved = { ...first, positions: first.positions.map((x) => x + 1) };
    expect(chooseTiesOnce(moved, 2, everyone)).toBe(choice);
    const stronger = { ...first, tieStrength: Float32Array.from([0.1, 0.95, 0.9, 0.01, 0.6]) };
    expect(drawn(chooseTiesOnce(stronger, 2, everyone))).toEqual([4, 2]);
  });
});
