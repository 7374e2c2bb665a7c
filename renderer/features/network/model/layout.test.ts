import { describe, expect, it } from 'vitest';
import { encounter, on, OWNER, person } from '../../../../shared/network/testing';
import { clusterGroups, ForceLayout, packGroups, SPACING, type LayoutInput } from './layout';
import { driveCore } from './testing';

/** Two groups of four people, tied inside each group, and one bridge between them. */
function twoGroups(): LayoutInput {
  const ids = [OWNER, 'a1', 'a2', 'a3', 'a4', 'b1', 'b2', 'b3', 'b4'];
  const links = [];
  for (const g of [1, 5])
    for (let i = g; i < g + 4; i++)
      for (let j = i + 1; j < g + 4; j++) links.push({ source: i, target: j, strength: 0.8 });
  links.push({ source: 4, target: 5, strength: 0.1 });
  return {
    ids,
    ownerStrength: Float32Array.from(ids, (_, i) => (i === 0 ? 1 : 0.4)),
    links,
    groups: Int32Array.from(ids, (_, i) => (i === 0 ? -1 : i < 5 ? 0 : 1)),
  };
}

const distance = (p: Float32Array, i: number, j: number) =>
  Math.hypot(
    (p[i * 2] as number) - (p[j * 2] as number),
    (p[i * 2 + 1] as number) - (p[j * 2 + 1] as number),
  );

describe('the force layout', () => {
  it('is deterministic: the same journal gives the same picture', () => {
    const first = new ForceLayout(twoGroups()).run();
    const second = new ForceLayout(twoGroups()).run();
    expect(Array.from(second)).toEqual(Array.from(first));
  });

  it('keeps the owner at the centre and each group together', () => {
    const p = new ForceLayout(twoGroups()).run();
    expect([p[0], p[1]]).toEqual([0, 0]);
    const inside = (distance(p, 1, 2) + distance(p, 6, 7)) / 2;
    const across = (distance(p, 1, 6) + distance(p, 2, 7)) / 2;
    expect(inside).toBeLessThan(across / 2);
  });

  it('leaves everyone laid out before where they were and places a newcomer beside their ties', () => {
    const before = twoGroups();
    const p = new ForceLayout(before).run();
    const previous = new Map(
      before.ids.map((id, i) => [id, { x: p[i * 2] as number, y: p[i * 2 + 1] as number }]),
    );
    const after: LayoutInput = {
      ids: [...before.ids, 'b5'],
      ownerStrength: Float32Array.from([...before.ownerStrength, 0.3]),
      links: [
        ...before.links,
        { source: 9, target: 6, strength: 0.8 },
        { source: 9, target: 7, strength: 0.8 },
      ],
      groups: Int32Array.from([...before.groups, 1]),
      previous,
    };
    const layout = new ForceLayout(after);
    expect(layout.incremental).toBe(true);
    const q = layout.run();
    for (let i = 0; i < before.ids.length; i++) {
      expect([q[i * 2], q[i * 2 + 1]]).toEqual([p[i * 2], p[i * 2 + 1]]);
    }
    expect(distance(q, 9, 6)).toBeLessThan(distance(q, 9, 2));
  });
});

describe('the map over time', () => {
  const people = ['ana', 'ben', 'cy', 'dee'].map((id) => person(id, { name: id }));
  const journal = {
    people: [person(OWNER), ...people],
    encounters: [
      encounter(0, ['ana', 'ben']),
      encounter(30, ['ana', 'ben', 'cy']),
      encounter(60, ['cy']),
      encounter(300, ['dee', 'cy']),
    ],
  };

  it('lays out once for the whole journal: the chosen date does not move anyone', async () => {
    const early = await driveCore().load(journal, on(400), on(10));
    const late = await driveCore().load(journal, on(400), on(400));
    expect(Array.from(late.layout.positions)).toEqual(Array.from(early.layout.positions));
  });

  it('keeps everyone in place when a person met later is added to the journal', async () => {
    const core = driveCore();
    const first = await core.load(journal, on(400));
    const withNewcomer = {
      people: [...journal.people, person('eve', { name: 'eve' })],
      encounters: [...journal.encounters, encounter(350, ['eve', 'dee'])],
    };
    const second = await core.load(withNewcomer, on(400));
    const at = (m: typeof first, id: string) => {
      const i = m.built.nodes.findIndex((n) => n.id === id);
      return [m.layout.positions[i * 2], m.layout.positions[i * 2 + 1]];
    };
    for (const id of [OWNER, 'ana', 'ben', 'cy', 'dee']) expect(at(second, id)).toEqual(at(first, id));
    expect(at(second, 'eve').every((v) => Number.isFinite(v))).toBe(true);
  });
});

describe('the layout of a large map, by community', () => {
  it('numbers the communities by how close the owner is to them, leaving out the small ones', () => {
    // Community 5: two people at 0.9 (too few); 7: three at 0.2; 3: three at 0.6.
    const communityIndex = Int32Array.from([-1, 7, 7, 7, 3, 3, 3, 5, 5, -1]);
    const strength = Float32Array.from([1, 0.2, 0.2, 0.2, 0.6, 0.6, 0.6, 0.9, 0.9, 0.5]);
    expect([...clusterGroups(communityIndex, strength, 3)]).toEqual([-1, 1, 1, 1, 0, 0, 0, -1, -1, -1]);
  });

  it('packs the groups around the owner without overlap, each a disc sized by its members', () => {
    const sizes = [400, 250, 250, 90, 60, 30, 12, 5];
    const groups = Int32Array.from([-1, ...sizes.flatMap((n, g) => Array<number>(n).fill(g))]);
    const centres = packGroups(groups);
    expect(centres.size).toBe(sizes.length);
    const discs = [...centres.entries()];
    for (const [g, c] of discs) {
      expect(c.r).toBeCloseTo(SPACING * Math.sqrt(sizes[g]!));
      // Clear of the owner at the centre.
      expect(Math.hypot(c.x, c.y)).toBeGreaterThan(c.r);
      for (const [h, d] of discs)
        if (h > g) expect(Math.hypot(c.x - d.x, c.y - d.y)).toBeGreaterThan(c.r + d.r);
    }
    // The closest group (numbered first) takes the nearest place its disc fits beside the owner.
    const first = centres.get(0)!;
    expect(Math.hypot(first.x, first.y)).toBeLessThan(30 + first.r + 14 + 2 * SPACING);
  });

  it('keeps each group as its own region once laid out', () => {
    const input = twoGroups();
    const positions = new ForceLayout({ ...input, cluster: true }).run();
    const centre = (from: number) => {
      let x = 0;
      let y = 0;
      for (let i = from; i < from + 4; i++) {
        x += positions[i * 2] as number;
        y += positions[i * 2 + 1] as number;
      }
      return [x / 4, y / 4] as const;
    };
    const [ax, ay] = centre(1);
    const [bx, by] = centre(5);
    const apart = Math.hypot(ax - bx, ay - by);
    // Everyone is nearer their own group's centre than the other's.
    for (let i = 1; i < 9; i++) {
      const x = positions[i * 2] as number;
      const y = positions[i * 2 + 1] as number;
      const own = i < 5 ? Math.hypot(x - ax, y - ay) : Math.hypot(x - bx, y - by);
      const other = i < 5 ? Math.hypot(x - bx, y - by) : Math.hypot(x - ax, y - ay);
      expect(own).toBeLessThan(other);
    }
    expect(apart).toBeGreaterThan(SPACING * 2);
  });
});
