import type { Doc } from '../../../shared/db/collections';
import { personDocument } from '../../../shared/db/documents';
import { makeStamp } from '../../../shared/db/fieldTimes';
import { generateNetwork, type DatasetSpec } from '../../../shared/sample';
import { FIRST_NAMES, LAST_NAMES, ORGANISATIONS } from '../../../shared/sample/names';
import type { Random } from '../../../shared/sample/random';
import { backupToJson } from '../../../shared/transfer/backup';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  currentSchemaVersions,
  type BackupCollections,
} from '../../../shared/transfer/backupFormat';

/** A journal's documents by collection, the owner included, as the probe inserts and reads them. */
export type Journal = Record<string, Doc[]>;

/** A small, realistic journal (shared/sample's generator): about 1.2 documents per encounter. */
export function journalOf(spec: DatasetSpec, seed: number): Journal {
  const network = generateNetwork(spec, seed);
  return {
    people: [network.owner, ...network.people],
    communities: network.communities,
    encounters: network.encounters,
    ties: network.ties,
    followups: network.followUps,
  };
}

/** A few hundred documents: people, communities, encounters, ties and follow-ups. */
export const SMALL: DatasetSpec = { people: 60, ties: 80, encounters: 180, years: 2 };
/** About 1,500 documents. */
export const MEDIUM: DatasetSpec = { people: 250, ties: 400, encounters: 800, years: 4 };

/** Unique, plausible contacts: a name (with a number, so no two rows look like the same person) and an email. */
export function contacts(
  count: number,
  random: Random,
  tag: string,
): { first: string; last: string; email: string; org: string }[] {
  return Array.from({ length: count }, (_, i) => {
    const first = random.pick(FIRST_NAMES);
    const last = `${random.pick(LAST_NAMES)}-${tag}${i}`;
    return {
      first,
      last,
      email: `${first}.${last}@${tag}.example`.toLowerCase().replace(/[^a-z0-9.@-]/g, ''),
      org: random.pick(ORGANISATIONS),
    };
  });
}

/**
 * The same contacts as people already in the journal (ids from the seeded random source). Ids keep
 * to what the app writes and accepts (letters, digits, _ and -: shared/db/checkDocument.ts), so
 * "O'Brien" becomes "obrien": a device never pushes a document with another id (the sync request
 * check refuses it before it is sent).
 */
export function peopleOf(people: ReturnType<typeof contacts>, random: Random, ms: number): Doc[] {
  const stamp = makeStamp(ms, 'faults-seed');
  return people.map((p) =>
    personDocument(
      `seeded-${Math.floor(random.next() * 2 ** 48).toString(36)}-${p.last.toLowerCase().replace(/[^a-z0-9_-]/g, '')}`,
      { name: `${p.first} ${p.last}`, organisation: p.org, emails: [p.email] },
      { ms, stamp },
    ),
  );
}

/** A vCard 3.0 file as phones export it (CRLF), with `noteBytes` of text in each card's NOTE. */
export function vcardFile(people: ReturnType<typeof contacts>, random: Random, noteBytes = 0): string {
  const letters = 'abcdefghijklmnopqrstuvwxyz ';
  const note = () =>
    Array.from({ length: noteBytes }, () => letters[Math.floor(random.next() * letters.length)]).join('');
  return people
    .map((p) =>
      [
        'BEGIN:VCARD',
        'VERSION:3.0',
        `N:${p.last};${p.first};;;`,
        `FN:${p.first} ${p.last}`,
        `ORG:${p.org}`,
        `EMAIL;TYPE=INTERNET:${p.email}`,
        ...(noteBytes > 0 ? [`NOTE:${note()}`] : []),
        'END:VCARD',
      ].join('\r\n'),
    )
    .join('\r\n')
    .concat('\r\n');
}

/**
 * Google Contacts' CSV export of the same people, each with a second email and a phone: an import
 * matches them by their first email and updates each (it fills blanks and joins lists).
 */
export function googleCsvUpdating(people: ReturnType<typeof contacts>): string {
  const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
  return [
    'First Name,Last Name,E-mail 1 - Value,E-mail 2 - Value,Phone 1 - Value',
    ...people.map((p, i) =>
      [p.first, p.last, p.email, `second.${p.email}`, `+44 7700 9${String(i).padStart(5, '0')}`]
        .map(quote)
        .join(','),
    ),
  ]
    .join('\n')
    .concat('\n');
}

/** A backup file (`kith-backup` version 1) holding exactly this journal. */
export function backupFile(journal: Journal, exportedAt = new Date()): string {
  const collections = Object.fromEntries(
    Object.keys(currentSchemaVersions()).map((name) => [name, journal[name] ?? []]),
  ) as unknown as BackupCollections;
  return backupToJson({
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: exportedAt.toISOString(),
    app: 'Kith fault suite',
    schemaVersions: currentSchemaVersions(),
    collections,
  });
}
