import { describe, expect, it } from 'vitest';
import {
  bubblesOf,
  bundlesOf,
  closestPeople,
  labelOrder,
  LABEL_BUDGET,
  MAX_BUBBLES,
  MIN_BUBBLE_MEMBERS,
  OPEN_RADIUS_PX,
  openCommunities,
  prominentPeople,
  showsStructure,
  STRUCTURE_PEOPLE,
} from './legibility';

const everyone = () => true;

describe('the legibility budget', () => {
  it('draws the structure only above the named threshold of people', () => {
    expect(showsStructure(STRUCTURE_PEOPLE)).toBe(false);
    expect(showsStructure(STRUCTURE_PEOPLE + 1)).toBe(true);
    expect(showsStructure(500)).toBe(false);
    expect(showsStructure(5000)).toBe(true);
  });

  it('picks the strongest people, never the owner, equal strengths in node order', () => {
    const strength = Float32Array.from([1, 0.2, 0.9, 0.5, 0.9, 0.1]);
    expect([...closestPeople(strength, everyone, 3)]).toEqual([2, 4, 3]);
    // Someone not on the map is not among them, however strong.
    expect([...closestPeople(strength, (i) => i !== 2, 2)]).toEqual([4, 3]);
    expect([...closestPeople(strength, everyone, 99)]).toHaveLength(5);
  });

  it('matches a brute-force choice of the strongest on a large random map', () => {
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const strength = Float32Array.from({ length: 5000 }, (_, i) =>
      i === 0 ? 1 : Math.round(random() * 50) / 50,
    );
    const onMap = (i: number) => i % 7 !== 3;
    const chosen = closestPeople(strength, onMap, 150);
    const reference = [...strength.keys()]
      .filter((i) => i > 0 && onMap(i))
      .sort((a, b) => strength[b]! - strength[a]! || a - b)
      .slice(0, 150);
    expect([...chosen]).toEqual(reference);
  });

  it('names the people it must first, then the allowed ones by strength, each once', () => {
    const strength = Float32Array.from([1, 0.3, 0.8, 0.5, 0.6]);
    const order = labelOrder([4, 0, 4], [1, 2, 3, 4], strength, (i) => i !== 3);
    expect(order).toEqual([4, 0, 2, 1]);
    expect(LABEL_BUDGET).toBeLessThanOrEqual(300);
  });
});

describe('the structure of a large map', () => {
  // Nodes 1-4 in community 0 around (10, 0), 5-7 in community 1 around (0, 20), 8-9 in community 2.
  const communityOf = Int32Array.from([-1, 0, 0, 0, 0, 1, 1, 1, 2, 2]);
  const positions = Float32Array.from([
    0, 0, 9, -1, 11, 1, 9, 1, 11, -1, -1, 20, 1, 20, 0, 23, 50, 50, 52, 52,
  ]);

  it('draws a bubble per community at its members’ centre, area proportional to members', () => {
    const bubbles = bubblesOf(positions, communityOf, everyone);
    expect(bubbles.map((b) => b.community)).toEqual([0, 1]);
    const [a, b] = bubbles;
    expect(a).toMatchObject({ members: 4, x: 10, y: 0 });
    expect(b?.members).toBe(3);
    expect(b?.y).toBeCloseTo(21);
    // Area grows with members: radius with its square root.
    expect((a!.r / b!.r) ** 2).toBeCloseTo(4 / 3);
    // Community 2 has fewer than MIN_BUBBLE_MEMBERS people: no bubble.
    expect(MIN_BUBBLE_MEMBERS).toBe(3);
  });

  it('leaves out people not on the map or not laid out yet', () => {
    const unplaced = positions.slice();
    unplaced[2 * 2] = Number.NaN;
    const bubbles = bubblesOf(unplaced, communityOf, (i) => i !== 6);
    expect(bubbles.find((b) => b.community === 0)?.members).toBe(3);
    expect(bubbles.find((b) => b.community === 0)?.x).toBeCloseTo(29 / 3);
    // Community 1 keeps two people on the map: too few for a bubble.
    expect(bubbles.find((b) => b.community === 1)).toBeUndefined();
  });

  it('draws at most MAX_BUBBLES, the largest communities', () => {
    const n = 1 + 100 * 3 + 5;
    const many = Int32Array.from({ length: n }, (_, i) => (i === 0 ? -1 : i <= 300 ? (i - 1) % 100 : 100));
    const xy = new Float32Array(n * 2);
    const bubbles = bubblesOf(xy, many, everyone);
    expect(bubbles).toHaveLength(MAX_BUBBLES);
    expect(bubbles[0]).toMatchObject({ community: 100, members: 5 });
  });

  it('sums the ties between communities into bundles with their counts, the owner’s left out', () => {
    const ties = {
      //        same  0-1   0-1   1-0   0-2   owner  weak 0-1
      source: [1, 1, 2, 5, 1, 0, 3],
      target: [2, 5, 6, 3, 8, 1, 7],
      isOwner: [0, 0, 0, 0, 0, 1, 0],
      strength: [0.5, 0.4, 0.2, 0.6, 0.9, 1, 0.01],
    };
    const bundles = bundlesOf(ties, communityOf, new Set([0, 1, 2]), everyone, 0.02);
    expect(bundles).toHaveLength(2);
    expect(bundles[0]).toMatchObject({ a: 0, b: 1, ties: 3 });
    expect(bundles[0]?.strength).toBeCloseTo(1.2);
    expect(bundles[1]).toMatchObject({ a: 0, b: 2, ties: 1 });
    // An open community's ties are drawn one by one instead: it has no bundles.
    expect(bundlesOf(ties, communityOf, new Set([0, 2]), everyone, 0.02)).toEqual([
      expect.objectContaining({ a: 0, b: 2, ties: 1 }),
    ]);
  });

  it('opens the communities chosen, and those zoomed into far enough', () => {
    const bubbles = bubblesOf(positions, communityOf, everyone);
    const big = bubbles[0]!;
    expect([...openCommunities(bubbles, [], 1)]).toEqual([]);
    expect([...openCommunities(bubbles, [1], 1)]).toEqual([1]);
    const zoom = OPEN_RADIUS_PX / big.r;
    expect(openCommunities(bubbles, [], zoom).has(big.community)).toBe(true);
    expect(openCommunities(bubbles, [], zoom * 0.99).has(big.community)).toBe(false);
  });

  it('draws the owner, the closest people and open communities’ members on top; the rest as specks', () => {
    const prominent = prominentPeople(10, [8], communityOf, new Set([1]));
    expect([...prominent]).toEqual([1, 0, 0, 0, 0, 1, 1, 1, 1, 0]);
  });
});
