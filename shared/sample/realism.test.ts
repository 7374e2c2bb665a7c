import { describe, expect, it } from 'vitest';
import { checkStoredDocument } from '../db/checkDocument';
import { OWNER_ID } from '../db/ids';
import { dayNumber } from './calendar';
import { closenessSeries } from './closeness';
import { closenessAt, DATASETS, gapVariation, generateNetwork } from './index';
import type { PersonPlan } from './model';

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

  it("follows true closeness in the owner's ratings, contact frequency and who gets in touch", () => {
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

  it('records a latent strength for every explicit person-to-person tie', () => {
    expect(network.truth.personTies.map((t) => t.tieId)).toEqual(
      network.ties.slice(0, network.truth.spec.ties).map((t) => t.id),
    );
    const strengths = network.truth.personTies.map((t) => t.strength);
    expect(strengths.every((s) => s > 0 && s < 1)).toBe(true);
    const byKind = (kind: string) =>
      median(
        network.truth.personTies.filter((_, i) => network.ties[i]?.kind === kind).map((t) => t.strength),
      );
    expect(byKind('family')).toBeGreaterThan(byKind('colleague'));
  });
});

const reference = dayNumber(network.truth.referenceDay);

/** A title with the names of the people present and any year taken out: what kind of title it is. */
function titleStyle(title: string, firstNames: readonly string[]): string {
  let style = title.replace(/\b\d{4}\b/g, '{year}');
  for (const name of firstNames) style = style.replaceAll(name, '{name}');
  return style;
}

describe('closeness changes over time', () => {
  const window = { first: 0, last: 2000, until: 2400 };
  const person = (lasting: boolean): PersonPlan => ({
    index: 0,
    id: 'x',
    first: 'X',
    last: 'Y',
    potential: 0.8,
    lasting,
    chattiness: 1,
    hub: 1,
    communities: [],
    start: 0,
    end: 2400,
    ended: false,
    phases: [],
    introducedBy: -1,
    metAtGathering: false,
  });
  // Weekly one-to-ones for two years, then silence.
  const weekly = Array.from({ length: 104 }, (_, k) => 7 * k);
  const after = (p: PersonPlan, day: number) =>
    closenessAt(
      { closeness: closenessSeries([p], [weekly], [[]], window) } as Parameters<typeof closenessAt>[0],
      0,
      day,
    );

  it('grows with regular contact; a silent friendship fades within 18 months, a family tie barely', () => {
    const friend = person(false);
    const family = person(true);
    expect(after(friend, 7)).toBeLessThan(0.4);
    expect(after(friend, 700)).toBeGreaterThan(0.75);
    const silentFrom = 728;
    expect(after(friend, silentFrom + 548)).toBeLessThan(0.3 * after(friend, silentFrom));
    expect(after(family, silentFrom + 548)).toBeGreaterThan(0.8 * after(family, silentFrom));
  });

  it('on the sample, friendships silent for 18 months have lost most of their closeness', () => {
    let silent = 0;
    for (const [i, tie] of network.truth.ownerTies.entries()) {
      if (tie.lasting) continue;
      const days = tie.contactDays;
      for (let k = 0; k < days.length; k++) {
        const from = days[k] as number;
        const next = days[k + 1] ?? Number.POSITIVE_INFINITY;
        if (next - from < 548 || from + 548 > dayNumber(network.truth.simulatedUntil)) continue;
        silent++;
        const before = closenessAt(network.truth, i, from + 7);
        expect(closenessAt(network.truth, i, from + 548)).toBeLessThan(0.35 * before + 1e-6);
      }
    }
    expect(silent).toBeGreaterThan(50);
  });

  it('keeps close ties in steady contact: few live close ties are silent for a year', () => {
    const lastDay = new Map<string, number>();
    for (const [id, days] of daysByPerson) lastDay.set(id, days.at(-1) as number);
    const close = network.truth.ownerTies.filter((t) => !t.ended && t.closeness > 0.5);
    expect(close.length).toBeGreaterThan(10);
    const silent = close.filter((t) => reference - (lastDay.get(t.personId) as number) > 365);
    expect(silent.length / close.length).toBeLessThan(0.1);
  });

  it('marks a few family ties as lasting, mostly close ones', () => {
    const lasting = network.truth.ownerTies.filter((t) => t.lasting);
    expect(lasting.length / network.people.length).toBeGreaterThan(0.02);
    expect(lasting.length / network.people.length).toBeLessThan(0.08);
    const others = network.truth.ownerTies.filter((t) => !t.lasting);
    expect(median(lasting.map((t) => t.potential))).toBeGreaterThan(
      median(others.map((t) => t.potential)) + 0.3,
    );
  });
});

describe('contact after the reference day', () => {
  it('goes on in the truth, but the journal stops at the reference day', () => {
    const until = dayNumber(network.truth.simulatedUntil);
    expect(until - reference).toBeGreaterThanOrEqual(400);
    expect(network.encounters.every((e) => dayNumber(e.date) <= reference)).toBe(true);
    const later = network.truth.ownerTies.filter((t) => t.contactDays.some((d) => d > reference));
    expect(later.length).toBeGreaterThan(network.people.length / 4);
    // Up to the reference day, the truth's contact days are exactly the journal's.
    for (const t of network.truth.ownerTies) {
      const journal = [...new Set(daysByPerson.get(t.personId))];
      expect(t.contactDays.filter((d) => d <= reference)).toEqual(journal);
      expect(t.contactDays.every((d) => d <= until)).toBe(true);
    }
  });

  it('has ties that end after the reference day, with no contact after their end', () => {
    const ending = network.truth.ownerTies.filter((t) => t.endsLater !== '');
    expect(ending.length).toBeGreaterThan(10);
    for (const t of ending) {
      expect(t.ended).toBe(false);
      expect(t.endsLater > network.truth.referenceDay).toBe(true);
      expect((t.contactDays.at(-1) as number) <= dayNumber(t.endsLater)).toBe(true);
    }
  });
});

describe('the data does not leak the truth', () => {
  it('titles do not tell one-to-ones apart better than the channel does', () => {
    // Guess "one person or a group" from what is written: from the channel alone (calls are mostly one
    // to one in any journal), then from the channel and the title's style. The title must add little.
    // ("Coffee with …" only on one-to-ones added 0.19 before issue 10.)
    const firstById = new Map(network.people.map((p) => [p.id, p.name.split(' ')[0] as string]));
    const accuracy = (key: (e: (typeof network.encounters)[number]) => string) => {
      const counts = new Map<string, [number, number]>();
      for (const e of network.encounters) {
        const k = key(e);
        const c = counts.get(k) ?? [0, 0];
        c[e.participantIds.length === 1 ? 0 : 1]++;
        counts.set(k, c);
      }
      let right = 0;
      for (const [alone, group] of counts.values()) right += Math.max(alone, group);
      return right / network.encounters.length;
    };
    const byChannel = accuracy((e) => e.channel);
    const byTitle = accuracy(
      (e) =>
        `${e.channel}: ${titleStyle(
          e.title,
          e.participantIds.map((id) => firstById.get(id) as string),
        )}`,
    );
    expect(byTitle - byChannel).toBeLessThan(0.08);
    // Naming someone present is no sign of a one-to-one either.
    const named = (alone: boolean) => {
      const titled = network.encounters.filter(
        (e) => e.title !== '' && (e.participantIds.length === 1) === alone,
      );
      const names = titled.filter((e) =>
        e.participantIds.some((id) => e.title.includes(` with ${firstById.get(id) as string}`)),
      );
      return names.length / titled.length;
    };
    expect(named(false)).toBeGreaterThan(0.1);
    expect(Math.abs(named(true) - named(false))).toBeLessThan(0.15);
  });

  it('the keep-in-touch cadence is set for some people, loosely related to closeness', () => {
    const withCadence = network.people.filter((p) => p.cadenceDays > 0);
    expect(withCadence.length).toBeGreaterThan(10);
    expect(new Set(withCadence.map((p) => p.cadenceDays)).size).toBeGreaterThanOrEqual(4);
    const closenessOf = (id: string) => truthById.get(id)?.closeness ?? 0;
    // Weak ties with a cadence, close ties without one.
    expect(withCadence.filter((p) => closenessOf(p.id) < 0.2).length).toBeGreaterThan(0);
    const close = network.people.filter((p) => closenessOf(p.id) > 0.5);
    expect(close.filter((p) => p.cadenceDays === 0).length).toBeGreaterThan(close.length / 3);
    // Among people with a cadence, a closer tie does not always get a shorter one.
    const pairs = withCadence.map((p) => [closenessOf(p.id), p.cadenceDays] as const);
    let discordant = 0;
    for (const [c1, d1] of pairs) for (const [c2, d2] of pairs) if (c1 > c2 && d1 > d2) discordant++;
    expect(discordant).toBeGreaterThan(0);
  });

  it('archived people are neither all the ended ties nor only ended ties', () => {
    const archived = network.people.filter((p) => p.archived);
    const ended = new Set(network.truth.ownerTies.filter((t) => t.ended).map((t) => t.personId));
    expect(archived.filter((p) => !ended.has(p.id)).length).toBeGreaterThan(0);
    expect(archived.filter((p) => ended.has(p.id)).length).toBeGreaterThan(0);
    expect(archived.filter((p) => ended.has(p.id)).length).toBeLessThan(ended.size / 2);
  });
});

describe('ratings', () => {
  const oneToOnes = (n: typeof network) => n.encounters.filter((e) => e.participantIds.length === 1);

  it('are sparse by default: most one-to-ones and nearly all groups carry none', () => {
    const rated = oneToOnes(network).filter((e) => e.rating > 0).length / oneToOnes(network).length;
    expect(rated).toBeGreaterThan(0.1);
    expect(rated).toBeLessThan(0.3);
    const groups = network.encounters.filter((e) => e.participantIds.length > 1);
    expect(groups.filter((e) => e.rating > 0).length / groups.length).toBeLessThan(0.1);
    const ratedPeople = new Set(
      network.encounters.filter((e) => e.rating > 0).flatMap((e) => e.participantIds),
    );
    expect(ratedPeople.size).toBeLessThan(network.people.length * 0.8);
  });

  it('follow the rates and the noise the options set', () => {
    const spec = { people: 150, ties: 300, encounters: 2_000, years: 4 };
    const habit = { oneToOneRate: 0.8, groupRate: 0, noiseSd: 0, occasionSd: 0 };
    const n = generateNetwork(spec, 3, { ratings: habit });
    const index = new Map(n.truth.ownerTies.map((t, i) => [t.personId, i]));
    const rated = n.encounters.filter((e) => e.rating > 0);
    // With groups unrated, every rated encounter is a one-to-one, rated by the true closeness that day.
    expect(rated.every((e) => e.participantIds.length === 1)).toBe(true);
    const alone = n.encounters.filter((e) => e.participantIds.length === 1).length;
    expect(rated.length / alone).toBeGreaterThan(0.5);
    for (const e of rated) {
      const c = closenessAt(n.truth, index.get(e.participantIds[0] as string) as number, dayNumber(e.date));
      expect(e.rating).toBe(Math.max(1, Math.min(5, Math.round(1 + 4 * c))));
    }
    const none = generateNetwork(spec, 3, { ratings: { oneToOneRate: 0, groupRate: 0 } });
    expect(none.encounters.every((e) => e.rating === 0)).toBe(true);
    expect(() => generateNetwork(spec, 3, { ratings: { groupRate: 2 } })).toThrow(/groupRate/);
  });

  it('of one-to-ones follow the closeness at the date; of groups, the occasion more than who was there', () => {
    const n = generateNetwork(DATASETS.typical, 20261101, { ratings: { oneToOneRate: 1, groupRate: 1 } });
    const index = new Map(n.truth.ownerTies.map((t, i) => [t.personId, i]));
    const at = (id: string, day: string) => closenessAt(n.truth, index.get(id) as number, dayNumber(day));
    const alone = n.encounters.filter((e) => e.participantIds.length === 1);
    const groups = n.encounters.filter((e) => e.participantIds.length > 1);
    expect(groups.length).toBeGreaterThan(500);
    const one = correlation(
      alone.map((e) => e.rating),
      alone.map((e) => at(e.participantIds[0] as string, e.date)),
    );
    const meanPresent = groups.map(
      (e) => e.participantIds.reduce((sum, id) => sum + at(id, e.date), 0) / e.participantIds.length,
    );
    const group = correlation(
      groups.map((e) => e.rating),
      meanPresent,
    );
    expect(one).toBeGreaterThan(0.4);
    expect(group).toBeLessThan(0.3);
  });
});

describe("the owner's word on family", () => {
  const ownerTies = network.ties.filter((t) => t.aId === OWNER_ID || t.bId === OWNER_ID);

  it('holds an explicit family or partner tie with most lasting people, and only with them', () => {
    const lasting = network.truth.ownerTies.filter((t) => t.lasting);
    expect(ownerTies.length).toBeGreaterThan(lasting.length / 2);
    expect(ownerTies.length).toBeLessThan(lasting.length);
    expect(ownerTies.filter((t) => t.kind === 'partner').length).toBeLessThanOrEqual(1);
    for (const t of ownerTies) {
      expect(['family', 'partner']).toContain(t.kind);
      expect(t.aId < t.bId).toBe(true);
      const other = t.aId === OWNER_ID ? t.bId : t.aId;
      expect(truthById.get(other)?.lasting).toBe(true);
      expect(checkStoredDocument('ties', t)).toEqual([]);
    }
  });

  it('keeps the person-to-person truth aligned with the person-to-person ties', () => {
    const personTies = network.ties.filter((t) => t.aId !== OWNER_ID && t.bId !== OWNER_ID);
    expect(network.truth.personTies.map((t) => t.tieId)).toEqual(personTies.map((t) => t.id));
  });
});
