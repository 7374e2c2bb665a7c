import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../../shared/transfer/import';
import { fixtureText } from './fixtures';

describe('detectFormat', () => {
  it.each([
    ['apple-contacts.vcf', 'vcard'],
    ['outlook-2.1.vcf', 'vcard'],
    ['google-calendar.ics', 'ics'],
    ['apple-calendar.ics', 'ics'],
    ['linkedin-Connections.csv', 'linkedin-csv'],
    ['linkedin-Connections-utf16.csv', 'linkedin-csv'],
    ['google-contacts-old.csv', 'google-csv'],
    ['google-contacts-new.csv', 'google-csv'],
    ['outlook-contacts-de.csv', 'csv'],
    ['hostile.csv', 'csv'],
  ])('recognises %s as %s by its content', (file, format) => {
    expect(detectFormat('upload.bin', fixtureText(file))).toBe(format);
  });

  it('falls back to the extension, and to null when nothing fits', () => {
    expect(detectFormat('Contacts.VCF', 'garbage')).toBe('vcard');
    expect(detectFormat('cal.ics', '')).toBe('ics');
    expect(detectFormat('list.csv', 'just one column')).toBe('csv');
    expect(detectFormat('notes.md', '# hello')).toBeNull();
    expect(detectFormat('picture', '')).toBeNull();
  });

  it('lets content win over a misleading extension and ignores a BOM', () => {
    expect(detectFormat('contacts.csv', '\uFEFFBEGIN:VCARD\r\nVERSION:3.0\r\nEND:VCARD')).toBe('vcard');
  });
});
