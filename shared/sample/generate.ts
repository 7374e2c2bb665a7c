import type { Community, Encounter, FollowUp, Person, Tie } from '../domain/entities';
import { ownerDocument } from '../db/documents';
import { DAY_MS, dayNumber, dayString, REFERENCE_DAY } from './calendar';
import { communityDocument } from './communityDocs';
import { checkSpec, type DatasetSpec } from './datasets';
import { encounterDocument } from './encounterDocs';
import { planFollowUps } from './followUps';
import type { PersonPlan, Window } from './model';
import { personDocument } from './personDocs';
import { communityCount, planCommunities } from './planCommunities';
import { fillGatherings, planOneToOnes } from './planEncounters';
import { planPeople } from './planPeople';
import { createRandom } from './random';
import { planTies } from './ties';
import type { GroundTruth } from './truth';
import { createIds, SAMPLE_DEVICE } from './tracked';

export type { GroundTruth, OwnerTieTruth, PersonTieTruth } from './truth';

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
  const contactDays = personPlans.map(() => [] as number[]);
  for (const plan of encounterPlans)
    for (const i of plan.participants) {
      const days = contactDays[i] as number[];
      if (days[days.length - 1] !== plan.day) days.push(plan.day);
    }
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
      simulatedUntil: REFERENCE_DAY,
      ownerTies: personPlans.map((p) => ({
        personId: p.id,
        closeness: Math.round(p.closeness * 1e4) / 1e4,
        hub: Math.round(p.hub * 1e3) / 1e3,
        start: dayString(p.start),
        ended: p.ended,
        end: p.ended ? dayString(p.end) : '',
        communityIds: p.communities.map((c) => (communityPlans[c] as { id: string }).id),
        lasting: false,
        contactDays: contactDays[p.index] as number[],
      })),
      personTies,
      closeness: staticCloseness(personPlans, window),
    },
  };
}

/** Closeness that never changes: each tie's latent closeness from the day they met. */
function staticCloseness(people: readonly PersonPlan[], window: Window): GroundTruth['closeness'] {
  const stepDays = 7;
  const steps = Math.floor((window.last - window.first) / stepDays) + 1;
  const values = new Float32Array(people.length * steps);
  for (const p of people)
    for (let k = 0; k < steps; k++)
      values[p.index * steps + k] = window.first + k * stepDays >= p.start ? p.closeness : 0;
  return { first: window.first, stepDays, steps, values };
}
