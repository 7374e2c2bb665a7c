import { describe, expect, it } from 'vitest';
import {
  checkFileSize,
  checkParsedCount,
  checkRecordCount,
  countCsvRows,
  fileSizeProblem,
  FileTooLargeError,
  IMPORT_LIMITS,
} from './limits';
import { event } from './testing';

const MB = 1024 * 1024;

describe('import limits', () => {
  it('name the file, its own size and the limit, and suggest splitting it', () => {
    expect(fileSizeProblem('contacts.vcf', 201 * MB, 'import')).toBe(
      'contacts.vcf is 201 MB; Kith imports files up to 50 MB. Split it into smaller files and import them one after another.',
    );
    expect(fileSizeProblem('contacts.vcf', 50 * MB, 'import')).toBe('');
    // Just over: the sizes must not read the same.
    expect(fileSizeProblem('a.csv', 50 * MB + 1, 'import')).toMatch(
      /^a\.csv is 52,428,801 bytes; Kith imports files up to 50 MB/,
    );
    expect(fileSizeProblem('kith-backup.json', 600 * MB, 'backup')).toBe(
      'kith-backup.json is 600 MB; Kith restores backups up to 512 MB.',
    );
    expect(() => checkFileSize('big.ics', 51 * MB, 'import')).toThrow(FileTooLargeError);
  });

  it('count rows without parsing, a quoted line break staying inside its row', () => {
    expect(countCsvRows('name,notes\r\nAda,"two\r\nlines"\r\nBob,x\r\n\r\n')).toBe(3);
    expect(countCsvRows('a\nb')).toBe(2);
    expect(countCsvRows('')).toBe(0);
  });

  it('refuse a file with more records than one import takes, before it is parsed', () => {
    const rows = IMPORT_LIMITS.records + 11;
    const csv = `First Name,Last Name\n${'Ada,L\n'.repeat(rows - 1)}`;
    expect(() => checkRecordCount('Connections.csv', 'linkedin-csv', csv)).toThrow(
      'Connections.csv has 100,011 rows; Kith imports up to 100,000 rows at a time. Split it into smaller files and import them one after another.',
    );
    expect(() => checkRecordCount('ok.csv', 'csv', 'a\n'.repeat(IMPORT_LIMITS.records))).not.toThrow();
    const cards = 'BEGIN:VCARD\r\nFN:A\r\nEND:VCARD\r\n'.repeat(IMPORT_LIMITS.records + 1);
    expect(() => checkRecordCount('contacts.vcf', 'vcard', cards)).toThrow(
      /^contacts\.vcf has 100,001 contacts; Kith imports up to 100,000 contacts at a time\./,
    );
  });

  it('refuse a calendar whose repeating events expand beyond the limit, suggesting fewer days', () => {
    const encounters = Array.from({ length: IMPORT_LIMITS.records + 1 }, (_, i) => event(i + 1));
    expect(() =>
      checkParsedCount('calendar.ics', { format: 'ics', people: [], encounters, problems: [] }),
    ).toThrow(
      'calendar.ics gives 100,001 encounters; Kith imports up to 100,000 at a time. Choose fewer days, or split the file, and import them one after another.',
    );
  });
});
