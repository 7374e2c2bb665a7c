import type { DayString } from '../../../../shared/domain/entities';
import type { ContextKind } from '../../../../shared/domain/kinds';
import {
  buildChangeIndex,
  buildTimeIndex,
  datedEncounters,
  dayNumber,
  dayString,
  type ChangeIndex,
  membershipFacts,
  type MembershipFacts,
  type StrengthSettings,
  type TimeIndex,
} from '../../../../shared/network';
import type { LayoutInput, LayoutLink } from './layout';
import type { BuiltMessage, JournalChunk, NodeFacts } from './protocol';
import type { JournalCommunityView } from './types';

/** Everything the worker keeps about one version of the journal. */
export interface BuiltNetwork {
  index: TimeIndex;
  /** Node order: the owner, then the index's people. */
  facts: NodeFacts[];
  /** Node index per person id. */
  nodeOf: Map<string, number>;
  /** Node index of each tie's ends. */
  tieSource: Uint32Array;
  tieTarget: Uint32Array;
  /** Day number each node appears (the owner: -Infinity). */
  appears: Float64Array;
  /** Encounter days per node, sorted (for strength timelines). */
  contactDays: DayString[][];
  /** Main context per node. */
  mainContext: ContextKind[];
  /**
   * The clusters of the first analysis (-1 for none): the reference that keeps their colours stable
   * as the date moves. Null until that analysis.
   */
  referenceGroups: Int32Array | null;
  /** Per node: their explicit memberships and the days they were met in each community. */
  memberships: MembershipFacts[];
  /** The journal communities someone on the map belongs to, largest first (the index is the colour slot). */
  journalCommunities: JournalCommunityView[];
  /** Index into journalCommunities by community id. */
  communityIndexOf: Map<string, number>;
  range: { first: DayString; last: DayString } | null;
  layoutInput: LayoutInput;
  /**
   * What "what changed" needs besides the index (first meetings' communities, community visits),
   * gathered on the first request: a few hundred ms on a heavy journal that opening the map
   * should not wait for.
   */
  changes(): ChangeIndex;
}

/** Sample days used to find each tie's peak strength (for the layout). */
const PEAK_SAMPLES = 12;

/** Builds the time index and the map's static facts from the journal the main thread sent. */
export function buildNetwork(
  journal: Required<JournalChunk>,
  today: DayString,
  settings?: StrengthSettings,
): BuiltNetwork {
  const index = buildTimeIndex(journal.people, journal.encounters, journal.ties, settings);
  const byId = new Map(journal.people.map((p) => [p.id, p]));
  const owner = byId.get(index.ownerId);
  const nodeIds = [index.ownerId, ...index.people.map((p) => p.id)];
  const nodeOf = new Map(nodeIds.map((id, i) => [id, i]));
  const n = nodeIds.length;

  const contexts = nodeIds.map(() => new Map<ContextKind, number>());
  const days = nodeIds.map(() => [] as DayString[]);
  const communities = nodeIds.map((id) => new Set(byId.get(id)?.communityIds ?? []));
  // The same encounters the index counts: one on a day that does not exist has no place in time.
  for (const e of datedEncounters(journal.encounters)) {
    for (const id of new Set(e.participantIds)) {
      const i = nodeOf.get(id);
      if (i === undefined || i === 0) continue;
      const counts = contexts[i] as Map<ContextKind, number>;
      counts.set(e.context, (counts.get(e.context) ?? 0) + 1);
      (days[i] as DayString[]).push(e.date);
      if (e.communityId) (communities[i] as Set<string>).add(e.communityId);
    }
  }
  for (const list of days) list.sort();

  const facts: NodeFacts[] = nodeIds.map((id, i) => {
    const person = byId.get(id);
    const contactDays = days[i] as DayString[];
    const ranked = [...(contexts[i] as Map<ContextKind, number>)]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .map(([kind]) => kind);
    const entry = i === 0 ? null : index.people[i - 1];
    return {
      id,
      name: i === 0 ? (owner?.name ?? 'Me') : (entry?.name ?? id),
      isOwner: i === 0,
      archived: person?.archived ?? false,
      wantToReach: person?.wantToReach ?? false,
      tags: person?.tags ?? [],
      communityIds: [...(communities[i] as Set<string>)],
      contexts: ranked,
      encounterCount: contactDays.length,
      firstMet: contactDays[0] ?? '',
      lastMet: contactDays[contactDays.length - 1] ?? '',
      appears: entry ? dayString(entry.appears) : (contactDays[0] ?? today),
    };
  });

  const appears = new Float64Array(n);
  appears[0] = -Infinity;
  index.people.forEach((p, k) => (appears[k + 1] = p.appears));
  const tieSource = new Uint32Array(index.ties.length);
  const tieTarget = new Uint32Array(index.ties.length);
  index.ties.forEach((t, i) => {
    tieSource[i] = nodeOf.get(t.a) as number;
    tieTarget[i] = nodeOf.get(t.b) as number;
  });

  const byPerson = membershipFacts(journal.people, journal.encounters);
  const noMemberships: MembershipFacts = { explicit: [], days: new Map() };
  // The owner belongs to communities too, but the map shows the owner as "you", never by community.
  const memberships = nodeIds.map((id, i) => (i === 0 ? noMemberships : (byPerson.get(id) ?? noMemberships)));
  const journalCommunities = communitiesOnMap(journal.communities, communities.slice(1));

  const empty = !Number.isFinite(index.firstDay);
  const last = empty ? dayNumber(today) : Math.max(index.lastDay, dayNumber(today));
  const range = empty ? null : { first: dayString(index.firstDay), last: dayString(last) };

  const peak = peakStrengths(index, empty ? last : index.firstDay, last);
  const ownerStrength = new Float32Array(n);
  ownerStrength[0] = 1;
  const links: LayoutLink[] = [];
  const min = index.settings.minEdgeStrength;
  for (let t = 0; t < index.ties.length; t++) {
    const s = peak[t] as number;
    if (t < index.ownerTieCount) ownerStrength[tieTarget[t] as number] = s;
    else if (s >= min)
      links.push({ source: tieSource[t] as number, target: tieTarget[t] as number, strength: s });
  }

  // Only what the change index reads is kept until it is made (not the ties: 250,000 on stress).
  const changeJournal = {
    people: journal.people,
    encounters: journal.encounters,
    communities: journal.communities,
  };
  return {
    index,
    facts,
    nodeOf,
    tieSource,
    tieTarget,
    appears,
    contactDays: days,
    mainContext: facts.map((f) => f.contexts[0] ?? 'other'),
    referenceGroups: null,
    memberships,
    journalCommunities,
    communityIndexOf: new Map(journalCommunities.map((c) => [c.id, c.index])),
    range,
    layoutInput: { ids: nodeIds, ownerStrength, links, groups: journalGroups(communities) },
    changes: once(() => buildChangeIndex(index, changeJournal)),
  };
}

/** `make()` on the first call, its answer ever after; what it needed is let go once made. */
function once<T>(make: () => T): () => T {
  let pending: (() => T) | null = make;
  let made: T | undefined;
  return () => {
    if (pending) {
      made = pending();
      pending = null;
    }
    return made as T;
  };
}

/**
 * The journal communities with a member on the map, most members first (whole journal, so the
 * order, and with it each community's colour, stays put as the date moves); ties by name.
 */
function communitiesOnMap(
  all: readonly { id: string; name: string }[],
  memberOf: readonly Set<string>[],
): JournalCommunityView[] {
  const members = new Map<string, number>();
  for (const set of memberOf) for (const id of set) members.set(id, (members.get(id) ?? 0) + 1);
  return all
    .filter((c) => members.has(c.id))
    .map((c) => ({ id: c.id, name: c.name, members: members.get(c.id) ?? 0 }))
    .sort((a, b) => b.members - a.members || a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1))
    .map((c, index) => ({ index, ...c }));
}

/**
 * Where each person starts in the layout: with the journal community they share with the most
 * people (clubs, workplaces…), numbered largest first. Cheap, and close to where the forces will
 * take them, so the layout settles in few ticks.
 */
function journalGroups(communities: readonly Set<string>[]): Int32Array {
  const sizes = new Map<string, number>();
  for (const set of communities) for (const id of set) sizes.set(id, (sizes.get(id) ?? 0) + 1);
  const order = new Map(
    [...sizes].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([id], rank) => [id, rank]),
  );
  return Int32Array.from(communities, (set) => {
    let best = -1;
    for (const id of set) {
      const rank = order.get(id) as number;
      if (best < 0 || rank < best) best = rank;
    }
    return best;
  });
}

/** Each tie at its strongest over a dozen days spread across the journal. */
function peakStrengths(index: TimeIndex, first: number, last: number): Float64Array {
  const peak = new Float64Array(index.ties.length);
  const buffer = new Float64Array(index.ties.length);
  for (let k = 0; k < PEAK_SAMPLES; k++) {
    const day = Math.round(first + ((last - first) * (k + 1)) / PEAK_SAMPLES);
    index.strengthsAt(day, buffer);
    for (let i = 0; i < peak.length; i++)
      if ((buffer[i] as number) > (peak[i] as number)) peak[i] = buffer[i] as number;
  }
  return peak;
}

/** The 'built' message (typed arrays are copies: the worker keeps its own). */
export function builtMessage(built: BuiltNetwork, generation: number, ms: number): BuiltMessage {
  const tieIsOwner = new Uint8Array(built.index.ties.length);
  tieIsOwner.fill(1, 0, built.index.ownerTieCount);
  return {
    type: 'built',
    generation,
    ownerId: built.index.ownerId,
    empty: built.range === null,
    range: built.range,
    nodes: built.facts,
    appears: built.appears.slice(),
    tieSource: built.tieSource.slice(),
    tieTarget: built.tieTarget.slice(),
    tieIsOwner,
    communities: built.journalCommunities,
    learned: built.index.learned,
    ms,
  };
}
