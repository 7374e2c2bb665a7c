/** Test support only (never imported by the app): candidates as importers produce them. */
import type { CollectionName, Doc, KithDatabase } from '../db/collections';
import { COLLECTION_NAMES } from '../db/collections';
import type { EncounterCandidate, ParsedImport, PersonCandidate } from './candidates';

export function contact(record: number, fields: Partial<Omit<PersonCandidate, 'ref'>> = {}): PersonCandidate {
  return {
    ref: { file: 'contacts.vcf', record },
    name: `Contact ${record}`,
    aliases: [],
    organisation: '',
    role: '',
    emails: [],
    phones: [],
    links: [],
    addresses: [],
    birthday: '',
    photo: '',
    notes: '',
    tags: [],
    ...fields,
  };
}

export function event(
  record: number,
  fields: Partial<Omit<EncounterCandidate, 'ref'>> = {},
): EncounterCandidate {
  return {
    ref: { file: 'calendar.ics', record },
    uid: `uid-${record}`,
    title: `Event ${record}`,
    day: '2026-03-10',
    time: '10:00',
    durationMinutes: 60,
    place: '',
    notes: '',
    attendees: [],
    ...fields,
  };
}

export function parsedContacts(people: PersonCandidate[]): ParsedImport {
  return { format: 'vcard', people, encounters: [], problems: [] };
}

/**
 * Every stored document, bookkeeping included, sorted by id: "exactly as before" means this is equal
 * (RxDB's own _rev and _meta are not part of a document as the journal sees it).
 */
export async function fullSnapshot(db: KithDatabase): Promise<Record<CollectionName, Doc[]>> {
  const out = {} as Record<CollectionName, Doc[]>;
  for (const name of COLLECTION_NAMES) {
    const docs = await (db[name] as unknown as { find(): { exec(): Promise<{ toMutableJSON(): Doc }[]> } })
      .find()
      .exec();
    out[name] = docs.map((d) => d.toMutableJSON()).sort((a, b) => (a.id < b.id ? -1 : 1));
  }
  return out;
}
