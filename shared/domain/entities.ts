import type { Channel, CommunityKind, ContextKind, TieKind } from './kinds';

/**
 * The stored shape of every journal document. These interfaces are what the database returns and
 * what the renderer reads; inputs from forms, imports and IPC are validated into them by the
 * zod schemas in ./validation.
 */

/** A calendar day in the owner's local time, 'YYYY-MM-DD'. Encounters are grouped by it. */
export type DayString = string;

/**
 * Bookkeeping carried by every document so that sync can merge concurrent edits field by field:
 * `fieldTimes[field]` is a stamp `"<ms, 15 digits>@<deviceId>"`, which sorts by time and then by
 * device id, so two devices always agree on which edit of a field wins.
 */
export interface Tracked {
  id: string;
  createdAt: number;
  updatedAt: number;
  fieldTimes: Record<string, string>;
}

export interface Person extends Tracked {
  name: string;
  aliases: string[];
  organisation: string;
  role: string;
  emails: string[];
  phones: string[];
  links: string[];
  /** Postal addresses, each one line of free text as the source wrote it. */
  addresses: string[];
  /** '' when unknown, 'YYYY-MM-DD', or '--MM-DD' when the year is not known (as vCard writes it). */
  birthday: string;
  /** '' or a data: URL of an image (PNG, JPEG, GIF or WebP), at most LIMITS.photo characters. */
  photo: string;
  tags: string[];
  /** Who introduced the owner to this person ('' if nobody / unknown). */
  introducedById: string;
  /** Free text on how the owner met them; the first encounter itself is derived from encounters. */
  howWeMet: string;
  /** Markdown. */
  notes: string;
  /** Keep-in-touch cadence in days; 0 = no cadence. */
  cadenceDays: number;
  /** The owner wants to reach this person (six degrees). */
  wantToReach: boolean;
  /** Exactly one person is the owner ("me"). */
  isOwner: boolean;
  archived: boolean;
  /** Explicit community membership; membership is also derived from encounters in a community. */
  communityIds: string[];
}

export interface Encounter extends Tracked {
  date: DayString;
  /** 'HH:MM' local time, or '' when only the day is known. */
  time: string;
  /** Minutes; 0 = unknown. */
  durationMinutes: number;
  context: ContextKind;
  channel: Channel;
  place: string;
  title: string;
  /** People met, never including the owner. At least one. */
  participantIds: string[];
  /** Who initiated: the owner's person id, a participant's id, or '' when unknown. */
  initiatorId: string;
  /** 1..5, 0 = not rated. */
  rating: number;
  /** Markdown, rendered sanitised. */
  notes: string;
  /** '' when the encounter was not part of a community. */
  communityId: string;
  tags: string[];
}

export interface Community extends Tracked {
  name: string;
  kind: CommunityKind;
  notes: string;
  tags: string[];
}

/** An explicit relationship between two people (not the owner's own ties, which come from encounters). */
export interface Tie extends Tracked {
  /** The two ends, stored with aId < bId so a pair has one identity. */
  aId: string;
  bId: string;
  kind: TieKind;
  notes: string;
  /** When the relationship began, if known ('' otherwise). */
  since: DayString | '';
}

export interface FollowUp extends Tracked {
  text: string;
  /** The person it concerns ('' if none). */
  personId: string;
  /** The encounter it came from ('' if none). */
  encounterId: string;
  due: DayString | '';
  done: boolean;
}

export type Theme = 'system' | 'light' | 'dark';

export interface Preferences {
  theme: Theme;
}
