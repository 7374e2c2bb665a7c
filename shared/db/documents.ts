import type { Encounter, Person, Tracked } from '../domain/entities';
import type { Content } from './content';
import { makeStamp, type FieldStamp } from './fieldTimes';
import { OWNER_ID } from './ids';

/** When a new document was written and the stamp its fields carry (what nextStamp(db) returns). */
export interface Written {
  ms: number;
  stamp: FieldStamp;
}

/**
 * A new document with the bookkeeping every stored document carries: created and updated at `ms`,
 * and every content field stamped, so sync can merge it field by field from the start.
 */
export function trackedDocument<C extends object>(
  id: string,
  content: C,
  { ms, stamp }: Written,
): C & Tracked {
  const fieldTimes = Object.fromEntries(Object.keys(content).map((field) => [field, stamp]));
  return { id, createdAt: ms, updatedAt: ms, fieldTimes, ...content };
}

/**
 * A person with nothing known about them yet: the stored value of every field left blank. A fresh
 * object each time, so no two documents share a list.
 */
export const blankPerson = (): Content<Person> => ({
  name: '',
  aliases: [],
  organisation: '',
  role: '',
  emails: [],
  phones: [],
  links: [],
  addresses: [],
  birthday: '',
  photo: '',
  tags: [],
  introducedById: '',
  howWeMet: '',
  notes: '',
  cadenceDays: 0,
  wantToReach: false,
  isOwner: false,
  archived: false,
  communityIds: [],
});

export function personDocument(id: string, fields: Partial<Content<Person>>, written: Written): Person {
  return trackedDocument(id, { ...blankPerson(), ...fields }, written);
}

/** The owner ("me") as every device creates it on first start. */
export function ownerDocument(ms: number, deviceId: string): Person {
  // Stamped at time 0: the owner every device creates on first start must lose to any real edit.
  return personDocument(OWNER_ID, { name: 'Me', isOwner: true }, { ms, stamp: makeStamp(0, deviceId) });
}

/** The fields an encounter cannot do without; everything else has a blank default. */
type EncounterEssentials = Pick<Encounter, 'date' | 'participantIds'>;

/** The stored value of every optional encounter field left blank; a fresh object each time. */
const blankEncounter = (): Omit<Content<Encounter>, keyof EncounterEssentials> => ({
  time: '',
  durationMinutes: 0,
  context: 'meeting',
  channel: 'in-person',
  place: '',
  title: '',
  initiatorId: '',
  rating: 0,
  notes: '',
  communityId: '',
  tags: [],
});

export function encounterDocument(
  id: string,
  fields: EncounterEssentials & Partial<Content<Encounter>>,
  written: Written,
): Encounter {
  return trackedDocument(id, { ...blankEncounter(), ...fields }, written);
}
