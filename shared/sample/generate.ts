import type { Community, DayString, Encounter, FollowUp, Person, Tie } from '../domain/entities';
import { ownerDocument } from '../db/documents';
import { DAY_MS, dayNumber, dayString, REFERENCE_DAY } from './calendar';
import { communityDocument } from './communityDocs';
import { checkSpec, type DatasetSpec } from './datasets';
import { encounterDocument } from './encounterDocs';
import { planFollowUps } from './followUps';
import type { Window } from './model';
import { personDocument } from './personDocs';
import { communityCount, planCommunities } from './planCommunities';
import { fillGatherings, planOneToOnes } from './planEncounters';
import { planPeople } from './planPeople';
import { createRandom } from './random';
import { planTies, type PersonTieTruth } from './ties';
import { createIds, SAMPLE_DEVICE } from './tracked';

export type { PersonTieTruth };

/** What the strength model should recover for the owner's tie with one person. */
export interface OwnerTieTruth {
  personId: string;
  /** Latent closeness, 0..1. */
  closeness: number;
  /** Latent sociability (1 = ordinary; hubs are far above). */
  hub: number;
  /** Day of the first encounter. */
  start: DayString;
  ended: boolean;
  /** Last day contact was possible; '' when the tie is alive on the reference day. */
  end: DayString | '';
  /** The communities they belong to, where the owner met them first. */
  communityIds: string[];
}

/** Kept apart from the documents: it is never stored, only compared against. */
export interface GroundTruth {
  seed: number;
  spec: DatasetSpec;
  /** The journal covers firstDay..referenceDay. */
  firstDay: DayString;
  referenceDay: DayString;
  /** One per person, in the order of `people`. */
  ownerTies: OwnerTieTruth[];
  /** One per explicit tie, in the order of `ties`. */
  personTies: PersonTieTruth[];
}

export interface SampleNetwork {
  /** Exactly the owner openDatabase() creates: insert it only into an empty database. */
  owner: Person;
  people: Person[];
  communities: Community[];
  encounters: Encounter[];
  ties: Tie[];
  followUps: FollowUp[];
  truth: GroundTruth;
}

/** Share of encounters that are community gatherings; the rest are one-to-ones. */
const GATHERING_SHARE = 0.55;

/**
 * A synthetic journal in the exact stored shapes: clustered communities, bursty contact, a few
 * hubs, ties that end. The same spec and seed always give the same documents, ids included.
 */
export function generateNetwork(spec: DatasetSpec, seed: number): SampleNetwork {
  checkSpec(spec);
  const random = createRandom(seed);
  // Ids come from their own stream, so a change to the model does not reshuffle every id.
  const newId = createIds(createRandom((Math.imul(seed | 0, 0x9e3779b1) ^ 0x5bd1e995) >>> 0));
  const last = dayNumber(REFERENCE_DAY);
  const window: Window = { first: last - Math.round(spec.years * 365.25) + 1, last };
  const lastMs = (last + 1) * DAY_MS - 1;

  const gatheringBudget = Math.max(
    0,
    Math.min(Math.round(spec.encounters * GATHERING_SHARE), spec.encounters - spec.people),
  );
  const communityPlans = planCommunities(random, communityCount(spec.people), gatheringBudget, window, newId);
  const personPlans = planPeople(random, spec.people, communityPlans, window, newId);
  const gatherings = fillGatherings(random, communityPlans, personPlans);
  const oneToOnes = planOneToOnes(random, personPlans, communityPlans, spec.encounters - gatherings.length);
  const encounterPlans = [...gatherings, ...oneToOnes].sort((a, b) => a.day - b.day);

  const encounters = encounterPlans.map((plan) =>
    encounterDocument(random, plan, personPlans, communityPlans, newId(), lastMs),
  );
  const { ties, truth: personTies } = planTies(
    random,
    spec.ties,
    personPlans,
    communityPlans,
    window,
    newId,
    lastMs,
  );
  const followUps = planFollowUps(random, encounters, last, newId, lastMs);
  const people = personPlans.map((plan) => personDocument(random, plan, personPlans, communityPlans, lastMs));
  const communities = communityPlans.map((plan) => communityDocument(random, plan, lastMs));

  return {
    // The owner exactly as openDatabase() creates it (fixed id, stamps at time 0), so a sample can be
    // written into a database that already has its owner without a second "me".
    owner: ownerDocument(window.first * DAY_MS, SAMPLE_DEVICE),
    people,
    communities,
    encounters,
    ties,
    followUps,
    truth: {
      seed,
      spec: { people: spec.people, ties: spec.ties, encounters: spec.encounters, years: spec.years },
      firstDay: dayString(window.first),
      referenceDay: REFERENCE_DAY,
      ownerTies: personPlans.map((p) => ({
        personId: p.id,
        closeness: Math.round(p.closeness * 1e4) / 1e4,
        hub: Math.round(p.hub * 1e3) / 1e3,
        start: dayString(p.start),
        ended: p.ended,
        end: p.ended ? dayString(p.end) : '',
        communityIds: p.communities.map((c) => (communityPlans[c] as { id: string }).id),
      })),
      personTies,
    },
  };
}
