import type { Community, Encounter, FollowUp, Person, Tie } from '../domain/entities';
import { ownerDocument } from '../db/documents';
import { DAY_MS, dayNumber, dayString, REFERENCE_DAY } from './calendar';
import { communityDocument } from './communityDocs';
import { checkSpec, type DatasetSpec } from './datasets';
import { encounterDocument } from './encounterDocs';
import { planFollowUps } from './followUps';
import type { Window } from './model';
import { personDocument } from './personDocs';
import { communityCount, planCommunities } from './planCommunities';
import { planPeople } from './planPeople';
import { createRandom } from './random';
import { planTies } from './ties';
import { planOwnerTies } from './ownerTies';
import { ratingHabits, type RatingHabits } from './ratings';
import { simulateContact } from './contact';
import { closenessSeries } from './closeness';
import { seriesAt, type GroundTruth } from './truth';
import { createIds, SAMPLE_DEVICE } from './tracked';

export type { GroundTruth, OwnerTieTruth, PersonTieTruth } from './truth';
export type { RatingHabits } from './ratings';

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
/** Contact is simulated this far past the reference day, so a year of silence after it is observable. */
const FUTURE_DAYS = 400;

export interface SampleOptions {
  /** How often and how noisily the owner rates encounters (ratings.ts has the defaults and why). */
  ratings?: Partial<RatingHabits>;
}

/**
 * A synthetic journal in the exact stored shapes: clustered communities, bursty contact, a few
 * hubs, ties that end, closeness that grows with contact and fades without. The same spec, seed and
 * options always give the same documents, ids included.
 */
export function generateNetwork(spec: DatasetSpec, seed: number, options: SampleOptions = {}): SampleNetwork {
  checkSpec(spec);
  const habits = ratingHabits(options.ratings);
  const random = createRandom(seed);
  // Ids come from their own stream, so a change to the model does not reshuffle every id.
  const newId = createIds(createRandom((Math.imul(seed | 0, 0x9e3779b1) ^ 0x5bd1e995) >>> 0));
  const last = dayNumber(REFERENCE_DAY);
  const window: Window = {
    first: last - Math.round(spec.years * 365.25) + 1,
    last,
    until: last + FUTURE_DAYS,
  };
  const lastMs = (last + 1) * DAY_MS - 1;

  const gatheringBudget = Math.max(
    0,
    Math.min(Math.round(spec.encounters * GATHERING_SHARE), spec.encounters - spec.people),
  );
  const communityPlans = planCommunities(random, communityCount(spec.people), gatheringBudget, window, newId);
  const personPlans = planPeople(random, spec.people, communityPlans, window, newId);
  const contact = simulateContact(random, personPlans, communityPlans, window, spec.encounters);
  const closeness = closenessSeries(personPlans, contact.oneToOneDays, contact.groupDays, window);
  const closenessOn = (index: number, day: number) => seriesAt(closeness, index, day);

  const encounters = contact.plans.map((plan) =>
    encounterDocument(random, plan, personPlans, communityPlans, newId(), lastMs, closenessOn, habits),
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
  const people = personPlans.map((plan) =>
    personDocument(random, plan, personPlans, communityPlans, lastMs, closenessOn, last),
  );
  const communities = communityPlans.map((plan) => communityDocument(random, plan, lastMs));
  // Drawn last, so the person-to-person ties keep their place (and ties[i] matches personTies[i]).
  const ownerTies = planOwnerTies(random, personPlans, window, newId, lastMs);

  return {
    // The owner exactly as openDatabase() creates it (fixed id, stamps at time 0), so a sample can be
    // written into a database that already has its owner without a second "me".
    owner: ownerDocument(window.first * DAY_MS, SAMPLE_DEVICE),
    people,
    communities,
    encounters,
    ties: [...ties, ...ownerTies],
    followUps,
    truth: {
      seed,
      spec: { people: spec.people, ties: spec.ties, encounters: spec.encounters, years: spec.years },
      firstDay: dayString(window.first),
      referenceDay: REFERENCE_DAY,
      simulatedUntil: dayString(window.until),
      ownerTies: personPlans.map((p) => ({
        personId: p.id,
        closeness: Math.round(closenessOn(p.index, last) * 1e4) / 1e4,
        potential: Math.round(p.potential * 1e4) / 1e4,
        hub: Math.round(p.hub * 1e3) / 1e3,
        start: dayString(p.start),
        ended: p.ended,
        end: p.ended ? dayString(p.end) : '',
        endsLater: !p.ended && p.end < window.until ? dayString(p.end) : '',
        communityIds: p.communities.map((c) => (communityPlans[c] as { id: string }).id),
        lasting: p.lasting,
        contactDays: contactDays(
          contact.oneToOneDays[p.index] as number[],
          contact.groupDays[p.index] as number[],
        ),
      })),
      personTies,
      closeness,
    },
  };
}

/** Every day with any contact, ascending, each once. */
function contactDays(a: readonly number[], b: readonly number[]): number[] {
  const days = [...a, ...b].sort((x, y) => x - y);
  return days.filter((d, i) => i === 0 || d !== days[i - 1]);
}
