import type { Encounter } from '../domain/entities';
import { CONTEXT_KINDS, type ContextKind } from '../domain/kinds';
import { dayNumber, type DayNumber } from './days';
import type { StrengthSettings } from './settings';
import { groupShare, settingWeight } from './weights';

/** What one encounter tells about the owner's tie with one of the people met. */
export interface Contact {
  day: DayNumber;
  /** channel x context x group-size weight: how much it adds to intensity. */
  weight: number;
  /** The group-size weight alone: how much of the encounter's rating and initiative is about this person. */
  share: number;
  /** How much of the encounter's rating is about this person (model.groupRatings: 1/n, else `share`). */
  ratingShare: number;
  /** 1..5, 0 = not rated. */
  rating: number;
  initiative: 'owner' | 'them' | 'unknown';
  context: ContextKind;
}

export const CONTEXT_BIT: Record<ContextKind, number> = Object.fromEntries(
  CONTEXT_KINDS.map((kind, i) => [kind, 1 << i]),
) as Record<ContextKind, number>;

/**
 * Every person's contacts with the owner, in date order. Participants that are not among `known`
 * (a person deleted on another device whose encounters have not synced yet) are left out and
 * reported in `unknown`, so one stale reference does not take the whole map down.
 */
export function contactsByPerson(
  encounters: readonly Encounter[],
  ownerId: string,
  known: ReadonlySet<string>,
  settings: StrengthSettings,
): { contacts: Map<string, Contact[]>; unknown: Set<string> } {
  const contacts = new Map<string, Contact[]>();
  const unknown = new Set<string>();
  for (const e of encounters) {
    const people = e.participantIds.filter((id) => id !== ownerId);
    if (people.length === 0) continue;
    const day = dayNumber(e.date);
    const share = groupShare(people.length, settings);
    const weight = settingWeight(e, settings) * share;
    // A group's rating says something about each person in it; how much is a model choice.
    const ratingShare = settings.model.groupRatings ? 1 / people.length : share;
    for (const id of people) {
      if (!known.has(id)) {
        unknown.add(id);
        continue;
      }
      const initiative = e.initiatorId === ownerId ? 'owner' : e.initiatorId === id ? 'them' : 'unknown';
      const list = contacts.get(id) ?? [];
      list.push({ day, weight, share, ratingShare, rating: e.rating, initiative, context: e.context });
      contacts.set(id, list);
    }
  }
  for (const list of contacts.values()) list.sort((a, b) => a.day - b.day);
  return { contacts, unknown };
}
