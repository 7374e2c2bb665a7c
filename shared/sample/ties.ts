import type { Tie } from '../domain/entities';
import type { TieKind } from '../domain/kinds';
import { dayString } from './calendar';
import type { CommunityPlan, PersonPlan, Window } from './model';
import { WeightedPicker, type Random } from './random';
import { journaledAt, tracked } from './tracked';
import type { PersonTieTruth } from './truth';

/** Typical strength per kind; each tie varies around it. */
const BASE_STRENGTH: Record<TieKind, number> = {
  partner: 0.9,
  family: 0.7,
  friend: 0.5,
  introduced: 0.35,
  colleague: 0.35,
  neighbour: 0.3,
  other: 0.25,
};

const WITHIN_COMMUNITY_SHARE = 0.8;

/**
 * Explicit person-to-person ties: every introduction the owner knows of, then mostly pairs from the
 * same community (colleagues, neighbours, club friends) and some across communities. Ends are drawn
 * in proportion to sociability, which gives a heavy-tailed degree distribution: a few hubs.
 */
export function planTies(
  random: Random,
  count: number,
  people: readonly PersonPlan[],
  communities: readonly CommunityPlan[],
  window: Window,
  newId: () => string,
  lastMs: number,
): { ties: Tie[]; truth: PersonTieTruth[] } {
  const ties: Tie[] = [];
  const truth: PersonTieTruth[] = [];
  const seen = new Set<number>();
  const add = (a: PersonPlan, b: PersonPlan, kind: TieKind): boolean => {
    if (a === b || ties.length >= count) return false;
    const key = Math.min(a.index, b.index) * people.length + Math.max(a.index, b.index);
    if (seen.has(key)) return false;
    seen.add(key);
    const [lo, hi] = a.id < b.id ? [a, b] : [b, a];
    const met = Math.max(a.start, b.start);
    const since = random.chance(0.5)
      ? ''
      : dayString(met - Math.floor(random.next() * Math.max(1, met - window.first + 730)));
    const tie = tracked(
      newId(),
      { aId: lo.id, bId: hi.id, kind, notes: '', since },
      journaledAt(random, met, lastMs),
    );
    const strength = Math.max(0.02, Math.min(0.99, BASE_STRENGTH[kind] + random.normal(0, 0.12)));
    ties.push(tie);
    truth.push({ tieId: tie.id, aId: lo.id, bId: hi.id, strength: Math.round(strength * 1e4) / 1e4 });
    return true;
  };

  for (const person of people) {
    const introducer = people[person.introducedBy];
    if (introducer) add(introducer, person, 'introduced');
  }

  const anyone = people.length > 0 ? new WeightedPicker(people.map((p) => p.hub)) : null;
  const withMembers = communities.filter((c) => c.members.length >= 2);
  const byCommunity = new WeightedPicker(withMembers.map((c) => c.members.length ** 1.3));
  const memberPickers = new Map<number, WeightedPicker>();
  const member = (c: CommunityPlan) => {
    let picker = memberPickers.get(c.index);
    if (!picker)
      memberPickers.set(
        c.index,
        (picker = new WeightedPicker(c.members.map((i) => (people[i] as PersonPlan).hub))),
      );
    return people[c.members[picker.pick(random)] as number] as PersonPlan;
  };

  const maxAttempts = 50 * count + 1_000;
  for (let attempt = 0; ties.length < count && attempt < maxAttempts; attempt++) {
    if (withMembers.length > 0 && random.chance(WITHIN_COMMUNITY_SHARE)) {
      const c = withMembers[byCommunity.pick(random)] as CommunityPlan;
      add(member(c), member(c), kindWithin(random, c));
    } else if (anyone) {
      add(
        people[anyone.pick(random)] as PersonPlan,
        people[anyone.pick(random)] as PersonPlan,
        kindAcross(random),
      );
    }
  }
  if (ties.length < count) {
    throw new RangeError(`Could place only ${ties.length} of ${count} ties among ${people.length} people.`);
  }
  return { ties, truth };
}

function kindWithin(random: Random, c: CommunityPlan): TieKind {
  switch (c.profile.kind) {
    case 'workplace':
      return random.chance(0.9) ? 'colleague' : 'friend';
    case 'neighbourhood':
      return random.chance(0.8) ? 'neighbour' : 'friend';
    case 'other':
      return random.chance(0.4) ? 'family' : random.chance(0.05) ? 'partner' : 'friend';
    default:
      return random.chance(0.7) ? 'friend' : 'other';
  }
}

function kindAcross(random: Random): TieKind {
  const r = random.next();
  return r < 0.05 ? 'family' : r < 0.07 ? 'partner' : r < 0.6 ? 'friend' : r < 0.8 ? 'colleague' : 'other';
}
