import { UndirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { brokersOf, bridgesOf } from './brokers';
import { communitiesOf } from './communities';
import { networkAt, type EdgeAttributes, type NetworkGraph, type NodeAttributes } from './graph';
import { introductionPath } from './introductions';
import { OWNER, encounter, on, person, tie } from './testing';
import { buildTimeIndex } from './timeIndex';

function graphOf(pairs: [string, string, number][], people: string[]): NetworkGraph {
  const g = new UndirectedGraph<NodeAttributes, EdgeAttributes>();
  g.addNode(OWNER, { kind: 'owner', name: 'Me', strength: 1, appears: '' });
  let tie = 0;
  for (const id of people) {
    g.addNode(id, { kind: 'person', name: id, strength: 0.5, appears: '' });
    g.addEdge(OWNER, id, { kind: 'owner', tie: tie++, strength: 0.5, cost: -Math.log(0.5) });
  }
  for (const [a, b, s] of pairs)
    g.addEdge(a, b, { kind: 'pair', tie: tie++, strength: s, cost: -Math.log(s) });
  return g;
}

const clique = (ids: string[], s: number) =>
  ids.flatMap((a, i) => ids.slice(i + 1).map((b) => [a, b, s] as [string, string, number]));

describe('introduction paths', () => {
  const people = [person(OWNER), person('x'), person('y'), person('w'), person('z'), person('far')];
  const encounters = [encounter(0, ['x']), encounter(0, ['y']), encounter(30, ['x'])];
  const index = buildTimeIndex(people, encounters, [
    tie('x', 'w', 'partner'),
    tie('w', 'z', 'partner'),
    tie('y', 'z', 'other'),
  ]);
  const day = on(40);
  const graph = networkAt(index, day);

  it('takes the chain whose strengths multiply to the most, even when it is longer', () => {
    const path = introductionPath(index, graph, 'z', day);
    expect(path?.people).toEqual([OWNER, 'x', 'w', 'z']);
    const [first, second, third] = path?.links ?? [];
    expect(first).toMatchObject({ from: OWNER, to: 'x', lastContact: on(30) });
    expect(second).toMatchObject({ from: 'x', to: 'w', lastContact: '' });
    expect(second?.strength).toBeCloseTo(index.settings.tieKindStrength.partner, 10);
    expect(third?.to).toBe('z');
    expect(path?.strength).toBeCloseTo((first?.strength ?? 0) * 0.9 * 0.9, 10);
  });

  it('finds nothing for someone unreachable or not on the map', () => {
    expect(introductionPath(index, graph, 'far', day)).toBeNull();
    expect(introductionPath(index, graph, 'nobody', day)).toBeNull();
  });
});

describe('communities, brokers and bridges', () => {
  const left = ['a1', 'a2', 'a3', 'a4'];
  const right = ['b1', 'b2', 'b3', 'b4'];
  const graph = graphOf(
    [...clique(left, 0.8), ...clique(right, 0.8), ['a1', 'b1', 0.05]],
    [...left, ...right, 'loner'],
  );

  it('finds the two groups, whatever the owner ties everyone to', () => {
    const c = communitiesOf(graph);
    expect(c.sizes).toEqual([4, 4]);
    const l = c.byPerson.get('a1');
    const r = c.byPerson.get('b1');
    expect(l).not.toBe(r);
    for (const id of left) expect(c.byPerson.get(id)).toBe(l);
    for (const id of right) expect(c.byPerson.get(id)).toBe(r);
    expect(c.byPerson.get('loner')).toBe(-1);
    expect(c.modularity).toBeGreaterThan(0.4);
  });

  it("ranks the centre of a star below a clique member by Burt's constraint (1/n for n unconnected ties)", () => {
    const leaves = ['s1', 's2', 's3', 's4'];
    const star = graphOf(
      [...clique(left, 0.5), ...leaves.map((s) => ['hub', s, 0.5] as [string, string, number])],
      [...left, 'hub', ...leaves],
    );
    const brokers = brokersOf(star, communitiesOf(star));
    const hub = brokers.find((b) => b.personId === 'hub');
    expect(hub?.constraint).toBeCloseTo(0.25, 10);
    const member = brokers.find((b) => b.personId === 'a2');
    expect(member?.constraint).toBeCloseTo(3 * (1 / 3 + 2 / 9) ** 2, 10);
    expect(brokers[0]?.personId).toBe('hub');
  });

  it('calls bridges those whose ties lie mostly outside their own group', () => {
    const g = graphOf(
      [...clique(left, 0.8), ...clique(right, 0.8), ['a1', 'b1', 0.05], ['go', 'a2', 0.8], ['go', 'b2', 0.8]],
      [...left, ...right, 'go'],
    );
    const brokers = brokersOf(g, communitiesOf(g));
    expect(brokers.find((b) => b.personId === 'go')).toMatchObject({ outside: 0.5, otherCommunities: 1 });
    expect([...bridgesOf(brokers, 0.5)]).toEqual(['go']);
    expect(bridgesOf(brokers, 0.6).size).toBe(0);
  });
});
