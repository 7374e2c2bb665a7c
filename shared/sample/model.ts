import type { CommunityProfile } from './communities';
import type { Interval } from './bursts';

/**
 * The latent world the documents are generated from. It never reaches the database; the parts a
 * strength model should recover are copied into GroundTruth.
 */

export interface CommunityPlan {
  index: number;
  id: string;
  name: string;
  /** The employer, for workplaces ('' otherwise). */
  organisation: string;
  profile: CommunityProfile;
  /** The days the owner is part of it, inside the journal's window. */
  active: Interval;
  /** Person indices, primary members first. */
  members: number[];
  gatherings: Gathering[];
}

export interface Gathering {
  community: number;
  day: number;
  /** How many people the owner would meet there. */
  target: number;
  /** Person indices, in the order they were placed. */
  participants: number[];
}

export interface PersonPlan {
  index: number;
  id: string;
  first: string;
  last: string;
  /** Latent closeness to the owner, 0..1; ratings, initiative and contact frequency follow it. */
  closeness: number;
  /** Heavy-tailed sociability (1 = ordinary); hubs have many ties and go to many gatherings. */
  hub: number;
  /** Community indices; the first is where the owner met them. Empty for unaffiliated contacts. */
  communities: number[];
  /** The day the owner first met them (their first encounter). */
  start: number;
  /** The last day contact is possible: the reference day, or the day the tie ended. */
  end: number;
  ended: boolean;
  /** Periods of active contact: encounters cluster inside these. */
  phases: Interval[];
  /** Index of the person who introduced them, or -1. */
  introducedBy: number;
  /** True when their first encounter is a community gathering (else a one-to-one is made for it). */
  metAtGathering: boolean;
}

export interface Window {
  first: number;
  last: number;
}
