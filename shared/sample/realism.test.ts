import { describe, expect, it } from 'vitest';
import { dayNumber } from './calendar';
import { DATASETS, gapVariation, generateNetwork } from './index';

const network = generateNetwork(DATASETS.typical, 20261101);
const truthById = new Map(network.truth.ownerTies.map((t) => [t.personId, t]));

/** Encounter days per person, in order. */
const daysByPerson = new Map<string, number[]>();
for (const e of network.encounters) {
  for (const id of e.participantIds) {
    const days = daysByPerson.get(id) ?? [];
    days.push(dayNumber(e.date));
    daysByPerson.set(id, days);
  }
}
for (const days of daysByPerson.values()) days.sort((a, b) => a - b);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

function correlation(xs: number[], ys: number[]): number {
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < xs.length; i++) {
    const dx = (xs[i] as number) - mx;
    const dy = (ys[i] as number) - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxy / Math.sqrt(sxx * syy);
}

/** Spearman's rank correlation: robust to the few very short ties whose rates are extreme. */
function rankCorrelation(xs: number[], ys: number[]): number {
  const ranks = (v: number[]) => {
    const order = v.map((x, i) => [x, i] as const).sort((a, b) => a[0] - b[0]);
    const r = new Array<number>(v.length);
    order.forEach(([, i], k) => (r[i] = k));
    return r;
  };
  return correlation(ranks(xs), ranks(ys));
}

describe('the sample network looks like a real one', () => {
  it('meets everyone at least once, first on the day the tie started', () => {
    for (const person of network.people) {
      const days = daysByPerson.get(person.id);
      expect(days?.[0]).toBe(dayNumber(truthById.get(person.id)?.start ?? ''));
    }
  });

  it('has no encounters after a tie ended', () => {
    const ended = network.truth.ownerTies.filter((t) => t.ended);
    expect(ended.length).toBeGreaterThan(network.people.length * 0.1);
    for (const tie of ended) {
      expect(tie.end < network.truth.referenceDay).toBe(true);
      const last = (daysByPerson.get(tie.personId) ?? []).at(-1) ?? 0;
      expect(last).toBeLessThanOrEqual(dayNumber(tie.end));
    }
  });

  it('has bursty contact: gaps between encounters vary more than a Poisson process would', () => {
    const variations = [...daysByPerson.values()]
      .filter((days) => days.length >= 5)
      .map(gapVariation)
      .filter((cv) => !Number.isNaN(cv));
    expect(variations.length).toBeGreaterThan(100);
    expect(variations.filter((cv) => cv > 1).length / variations.length).toBeGreaterThan(0.7);
  });

  it('has a few hubs: the busiest person has many times the median number of ties', () => {
    const degree = new Map<string, number>();
    for (const t of network.ties) {
      degree.set(t.aId, (degree.get(t.aId) ?? 0) + 1);
      degree.set(t.bId, (degree.get(t.bId) ?? 0) + 1);
    }
    const degrees = network.people.map((p) => degree.get(p.id) ?? 0);
    expect(Math.max(...degrees)).toBeGreaterThan(5 * median(degrees));
  });

  it('is clustered: people belong to one or two communities, and gatherings happen inside them', () => {
    const memberships = network.truth.ownerTies.map((t) => t.communityIds.length);
    expect(Math.max(...memberships)).toBeLessThanOrEqual(2);
    expect(memberships.filter((m) => m >= 1).length / memberships.length).toBeGreaterThan(0.85);
    const inCommunity = network.encounters.filter((e) => e.communityId !== '');
    expect(inCommunity.length / network.encounters.length).toBeGreaterThan(0.6);
    for (const e of inCommunity) {
      expect(e.participantIds.every((id) => truthById.get(id)?.communityIds.includes(e.communityId))).toBe(
        true,
      );
    }
    const sizes = network.encounters.map((e) => e.participantIds.length);
    expect(sizes.filter((s) => s === 1).length).toBeGreaterThan(network.encounters.length / 4);
    expect(Math.max(...sizes)).toBeGreaterThanOrEqual(20);
  });

  it('matches contexts to communities: a school meets at children\u2019s events, a workplace in meetings', () => {
    const kindById = new Map(network.communities.map((c) => [c.id, c.kind]));
    for (const e of network.encounters) {
      const kind = kindById.get(e.communityId);
      if (kind === 'school') expect(e.context).toBe('childrens-event');
      if (kind === 'workplace') expect(['meeting', 'office-chat']).toContain(e.context);
      if (kind === 'club') expect(e.context).toBe('club');
    }
  });

  it("follows latent closeness in the owner's ratings, contact frequency and who gets in touch", () => {
    const rated = new Map<string, number[]>();
    const theirs = new Map<string, [number, number]>();
    for (const e of network.encounters) {
      if (e.participantIds.length !== 1) continue;
      const id = e.participantIds[0] as string;
      if (e.rating > 0) rated.set(id, [...(rated.get(id) ?? []), e.rating]);
      if (e.initiatorId !== '' && e.context !== 'sales-recruiter') {
        const [mine, other] = theirs.get(id) ?? [0, 0];
        theirs.set(id, e.initiatorId === id ? [mine, other + 1] : [mine + 1, other]);
      }
    }
    const ids = [...rated.keys()];
    const closeness = ids.map((id) => truthById.get(id)?.closeness ?? 0);
    const meanRating = ids.map(
      (id) => (rated.get(id) as number[]).reduce((a, b) => a + b, 0) / rated.get(id)!.length,
    );
    expect(correlation(closeness, meanRating)).toBeGreaterThan(0.6);

    // Encounters per year of ties that lasted a year or more: raw counts would mostly measure how
    // long ago they met, and the rate of a tie a few weeks old says little.
    const reference = dayNumber(network.truth.referenceDay);
    const lasting = network.truth.ownerTies
      .map((t) => ({ t, years: ((t.ended ? dayNumber(t.end) : reference) - dayNumber(t.start)) / 365 }))
      .filter(({ years }) => years >= 1);
    const closenessOf = lasting.map(({ t }) => t.closeness);
    const rate = lasting.map(({ t, years }) => (daysByPerson.get(t.personId)?.length ?? 0) / years);
    expect(rankCorrelation(closenessOf, rate)).toBeGreaterThan(0.3);

    const share = (pick: (c: number) => boolean) => {
      let mine = 0;
      let other = 0;
      for (const [id, [m, o]] of theirs) {
        if (!pick(truthById.get(id)?.closeness ?? 0)) continue;
        mine += m;
        other += o;
      }
      return other / (mine + other);
    };
    expect(share((c) => c >= 0.4)).toBeGreaterThan(share((c) => c < 0.15) + 0.15);
  });

  it('records a latent strength for every explicit tie', () => {
    expect(network.truth.personTies.map((t) => t.tieId)).toEqual(network.ties.map((t) => t.id));
    const strengths = network.truth.personTies.map((t) => t.strength);
    expect(strengths.every((s) => s > 0 && s < 1)).toBe(true);
    const byKind = (kind: string) =>
      median(
        network.truth.personTies.filter((_, i) => network.ties[i]?.kind === kind).map((t) => t.strength),
      );
    expect(byKind('family')).toBeGreaterThan(byKind('colleague'));
  });
});
