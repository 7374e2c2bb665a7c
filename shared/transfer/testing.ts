/** Test support only (never imported by the app): candidates as importers produce them. */
import {
  personCandidate,
  type EncounterCandidate,
  type ParsedImport,
  type PersonCandidate,
} from './candidates';

export function contact(record: number, fields: Partial<Omit<PersonCandidate, 'ref'>> = {}): PersonCandidate {
  return personCandidate({ file: 'contacts.vcf', record }, { name: `Contact ${record}`, ...fields });
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
