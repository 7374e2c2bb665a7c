import { describe, expect, it } from 'vitest';
import { encounter, on, OWNER, person, tie } from '../../../../shared/network/testing';
import type { Community } from '../../../../shared/domain/entities';
import type { IntroductionPath } from '../../../../shared/network';
import { driveCore, isAnalysis, isBuilt, isFrame, isResponse } from './testing';
import type { PersonExplanation, StrengthSeries } from './types';

// A small journal: a club (ana, ben, cy), a workplace (dee, eli) and ana's sister fay, met later.
const people = [
  person(OWNER, { name: 'Me' }),
  person('ana', { name: 'Ana' }),
  person('ben', { name: 'Ben' }),
  person('cy', { name: 'Cy' }),
  person('dee', { name: 'Dee' }),
  person('eli', { name: 'Eli' }),
  person('fay', { name: 'Fay' }),
];
const encounters = [
  ...[0, 30, 60, 90, 120].map((d) => encounter(d, ['ana', 'ben', 'cy'], { context: 'club' })),
  ...[10, 40, 70].map((d) => encounter(d, ['dee', 'eli'], { context: 'office-chat' })),
  encounter(5, ['ana'], { rating: 5 }),
  encounter(400, ['fay'], { context: 'other' }),
];
const journal = { people, encounters, ties: [tie('ana', 'fay', 'family')] };
const TODAY = on(500);

describe('the network worker core', () => {
  it('builds the map of a journal: the owner first, everyone met, the slider range', async () => {
    const core = driveCore();
    const { built } = await core.load(journal, TODAY);
    expect(built.nodes[0]).toMatchObject({ id: OWNER, isOwner: true });
    expect(built.nodes.map((n) => n.name).sort()).toEqual(['Ana', 'Ben', 'Cy', 'Dee', 'Eli', 'Fay', 'Me']);
    expect(built.range).toEqual({ first: on(0), last: TODAY });
    expect(built.empty).toBe(false);
    const ana = built.nodes.find((n) => n.id === 'ana');
    expect(ana).toMatchObject({
      firstMet: on(0),
      lastMet: on(120),
      encounterCount: 6,
      contexts: ['club', 'other'],
    });
  });

  it('answers a frame with every strength on that date: nobody is tied before they are met', async () => {
    const core = driveCore();
    const { built } = await core.load(journal, TODAY);
    const fay = built.nodes.findIndex((n) => n.id === 'fay');
    const from = core.messages.length;
    core.send({ type: 'frame', day: on(200) });
    const before = await core.next(isFrame, from);
    core.send({ type: 'frame', day: on(401) });
    const after = await core.next((m): m is typeof before => isFrame(m) && m.day === on(401), from);
    expect(before.nodeStrength[fay]).toBe(0);
    expect(after.nodeStrength[fay]).toBeGreaterThan(0);
    expect(before.tieStrength).toHaveLength(built.tieSource.length);
  });

  it('analyses a date: clusters of the club and the office, layers, the fading list', async () => {
    const core = driveCore();
    const { built } = await core.load(journal, TODAY);
    const from = core.messages.length;
    core.send({ type: 'analyse', day: on(130) });
    const analysis = await core.next(isAnalysis, from);
    const group = (id: string) => analysis.clusterIndex[built.nodes.findIndex((n) => n.id === id)];
    expect(group('ana')).toBe(group('ben'));
    expect(group('dee')).toBe(group('eli'));
    expect(group('ana')).not.toBe(group('dee'));
    expect(analysis.layers[0]?.people.length).toBeGreaterThan(0);
    // On day 130 Fay is not met yet: she is not on the map and has no strength.
    expect(analysis.strength[built.nodes.findIndex((n) => n.id === 'fay')]).toBe(0);
  });

  it('gives each person only communities they belong to, whatever cluster they fall in', async () => {
    const community = (id: string, name: string, kind: Community['kind']): Community => ({
      id,
      name,
      kind,
      notes: '',
      tags: [],
      createdAt: 0,
      updatedAt: 0,
      fieldTimes: {},
    });
    const parishioners = ['p1', 'p2', 'p3', 'p4', 'p5'];
    const core = driveCore();
    const { built } = await core.load(
      {
        people: [
          person(OWNER),
          ...parishioners.map((id) => person(id, { name: id.toUpperCase(), communityIds: ['parish'] })),
          person('vic', { name: 'Vic' }),
          person('lou', { name: 'Lou' }),
        ],
        encounters: [
          ...[0, 7, 14, 21, 28, 35].map((d) => encounter(d, parishioners, { communityId: 'parish' })),
          // Vic volunteers at the food bank with two parishioners, and was never at the parish.
          ...[100, 107, 114].map((d) => encounter(d, ['p1', 'p2', 'vic'], { communityId: 'food' })),
          // Lou is met only on a mailing list, with nobody else: tied to the owner alone.
          encounter(50, ['lou'], { communityId: 'list', channel: 'list', context: 'mailing-list' }),
        ],
        communities: [
          community('parish', "St Mary's parish", 'congregation'),
          community('food', 'Food Bank', 'volunteer-organisation'),
          community('list', 'Users list', 'mailing-list'),
        ],
      },
      TODAY,
    );
    const from = core.messages.length;
    core.send({ type: 'analyse', day: on(120) });
    const analysis = await core.next(isAnalysis, from);
    const node = (id: string) => built.nodes.findIndex((n) => n.id === id);
    const communitiesOf = (id: string) =>
      Array.from(
        analysis.membership.subarray(
          analysis.membershipStart[node(id)],
          analysis.membershipStart[node(id) + 1],
        ),
        (c) => built.communities[c]?.name,
      );
    // Vic falls in the parishioners' cluster, which is named after the parish…
    const vicCluster = analysis.clusterIndex[node('vic')] as number;
    expect(vicCluster).toBe(analysis.clusterIndex[node('p1')]);
    expect(analysis.clusters[vicCluster]?.label).toContain("St Mary's parish");
    // …but is not a parishioner: Vic's community is the food bank, and only that.
    expect(communitiesOf('vic')).toEqual(['Food Bank']);
    // P1 belongs to both, the parish first (met there most).
    expect(communitiesOf('p1')).toEqual(["St Mary's parish", 'Food Bank']);
    // A mailing list counts like any other community, cluster or none.
    expect(analysis.clusterIndex[node('lou')]).toBe(-1);
    expect(communitiesOf('lou')).toEqual(['Users list']);
    for (const c of analysis.clusters) expect(c.label).not.toMatch(/^Group \d/);
  });

  it('answers requests, and says what is wrong with a bad one', async () => {
    const core = driveCore();
    await core.load(journal, TODAY);
    const from = core.messages.length;
    core.send({ type: 'request', id: 1, request: { kind: 'path', personId: 'fay', day: on(401) } });
    core.send({ type: 'request', id: 2, request: { kind: 'explain', personId: 'ana', day: on(130) } });
    core.send({
      type: 'request',
      id: 3,
      request: { kind: 'series', personId: 'ana', options: { points: 10 } },
    });
    core.send({ type: 'request', id: 4, request: { kind: 'explain', personId: 'nobody', day: on(130) } });
    core.send({
      type: 'request',
      id: 5,
      request: { kind: 'series', personId: 'ana', options: { from: 'soon' } },
    });
    const response = (id: number) =>
      core.next((m): m is Extract<typeof m, { type: 'response' }> => isResponse(m) && m.id === id, from);
    const path = (await response(1)) as { ok: true; result: IntroductionPath };
    expect(path.result.people[0]).toBe(OWNER);
    expect(path.result.people.at(-1)).toBe('fay');
    const why = (await response(2)) as { ok: true; result: PersonExplanation };
    expect(why.result).toMatchObject({ name: 'Ana', firstContact: on(0), lastContact: on(120) });
    expect(why.result.factors.length).toBeGreaterThan(0);
    const series = (await response(3)) as { ok: true; result: StrengthSeries };
    expect(series.result.points).toHaveLength(10);
    expect(series.result.points[0]?.day).toBe(on(0));
    expect(series.result.contactDays).toContain(on(5));
    expect(await response(4)).toMatchObject({ ok: false, error: expect.stringContaining('"nobody"') });
    expect(await response(5)).toMatchObject({ ok: false, error: expect.stringContaining('"soon"') });
  });

  it('builds from ties read from storage as many as the stress journal’s (250,000)', async () => {
    const ties = Array.from({ length: 250_000 }, (_, i) => ({ ...tie('ana', 'fay', 'family'), id: `t${i}` }));
    const where = { database: 'rxdb-dexie-kith--0--ties', booleans: ['_deleted'] };
    const core = driveCore({
      storage: {
        readPersonIds: () => Promise.resolve(new Set<string>()),
        readJournal: () => Promise.resolve({ ties }),
        loadSnapshot: () => Promise.resolve(null),
        saveSnapshot: () => Promise.resolve(),
      },
    });
    const source = { people: where, encounters: where, ties: where, communities: where };
    core.send({ type: 'journal-begin', generation: 1 });
    core.send({ type: 'journal-read', generation: 1, source, collections: ['ties'] });
    core.send({
      type: 'journal-chunk',
      generation: 1,
      chunk: { people, encounters, ties: [], communities: [] },
    });
    core.send({ type: 'journal-end', generation: 1, today: TODAY, day: TODAY });
    const built = await core.next(isBuilt);
    expect(built.nodes).toHaveLength(people.length);
    expect(core.messages.filter((m) => m.type === 'error' || m.type === 'read-failed')).toEqual([]);
  });

  it('reports an empty journal as empty, without failing', async () => {
    const core = driveCore();
    const { built } = await core.load({ people: [person(OWNER)], encounters: [] }, TODAY);
    expect(built.empty).toBe(true);
    expect(built.range).toBeNull();
  });

  it('reports a journal it cannot map as an error that says why', async () => {
    const core = driveCore();
    core.send({ type: 'journal-begin', generation: 1 });
    core.send({ type: 'journal-chunk', generation: 1, chunk: { people: [person('ana')] } });
    core.send({ type: 'journal-end', generation: 1, today: TODAY, day: TODAY });
    const error = await core.next((m): m is Extract<typeof m, { type: 'error' }> => m.type === 'error');
    expect(error.message).toMatch(/exactly one owner/);
  });
});
