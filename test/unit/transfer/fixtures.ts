import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { decodeText } from '../../../shared/transfer/decode';

const DIR = fileURLToPath(new URL('../../fixtures/import/', import.meta.url));

export function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(DIR + name));
}

/** A fixture as the UI hands it to an importer: bytes decoded by shared/transfer/decode.ts. */
export function fixtureText(name: string): string {
  return decodeText(fixtureBytes(name)).text;
}

export const FIXTURES = {
  vcard: ['apple-contacts.vcf', 'google-contacts.vcf', 'outlook-2.1.vcf', 'v4-quirks.vcf', 'latin1.vcf'],
  linkedin: ['linkedin-Connections.csv'],
  google: ['google-contacts-old.csv', 'google-contacts-new.csv'],
  csv: ['outlook-contacts-de.csv', 'hostile.csv'],
  ics: ['google-calendar.ics', 'outlook-calendar.ics', 'apple-calendar.ics', 'broken-calendar.ics'],
} as const;
