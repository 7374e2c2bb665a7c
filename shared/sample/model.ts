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
  /**
   * How close the tie can become, 0..1: true closeness grows towards it with contact and fades
   * without (closeness.ts). Ratings, initiative and contact follow the true closeness at the date.
   */
  potential: number;
  /** Family or partner: closeness that barely fades with silence (Roberts & Dunbar 2015). */
  lasting: boolean;
  /** How much contact this tie gets for its closeness (log-normal around 1): some people just write more. */
  chattiness: number;
  /** Heavy-tailed sociability (1 = ordinary); hubs have many ties and go to many gatherings. */
  hub: number;
  /** Community indices; the first is where the owner met them. Empty for unaffiliated contacts. */
  communities: number[];
  /** The day the owner first met them (their first encounter). */
  start: number;
  /** The last day contact is possible: Window.until, or the day the tie ended (maybe after Window.last). */
  end: number;
  /** Ended on or before the reference day (Window.last). */
  ended: boolean;
  /** Periods of active contact: encounters cluster inside these. */
  phases: Interval[];
  /** Index of the person who introduced them, or -1. */
  introducedBy: number;
  /** True when their first encounter is a community gathering (else a one-to-one is made for it). */
  metAtGathering: boolean;
}

export interface Window {
  /** The journal covers first..last (the reference day); documents never go past last. */
  first: number;
  last: number;
  /** Contact is simulated up to here, after the reference day, so later silence is known to the truth. */
  until: number;
}
