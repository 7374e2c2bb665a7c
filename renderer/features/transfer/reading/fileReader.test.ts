import { describe, expect, it, vi } from 'vitest';
import { createPerson } from '../../../../shared/db';
import { databasesClosedAfterEach } from '../../../../shared/db/testing';
import { BackupError, backupToJson, createBackup, IMPORT_LIMITS } from '../../../../shared/transfer';
import { FileReaderClient, ReadCancelledError, type ReadProgress } from './fileReader';
import type { ReaderTransport } from './transport';

const journal = databasesClosedAfterEach();
const MB = 1024 * 1024;

const VCF = 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada Lovelace\r\nEMAIL:ada@example.org\r\nEND:VCARD\r\n';

function blob(text: string): Blob {
  return new Blob([text]);
}

describe('the file reader (its worker core, run on this thread as where there are no workers)', () => {
  it('reads an import off the page: detects the format, then parses it, reporting each phase', async () => {
    const reader = new FileReaderClient();
    const phases: ReadProgress['phase'][] = [];
    const opened = await reader.openImport({ name: 'contacts.vcf', size: VCF.length, data: blob(VCF) }, (p) =>
      phases.push(p.phase),
    );
    expect(opened).toEqual({ name: 'contacts.vcf', format: 'vcard', empty: false });
    const parsed = await reader.readImport('vcard', {}, (p) => phases.push(p.phase));
    expect(parsed.people.map((p) => p.name)).toEqual(['Ada Lovelace']);
    expect(phases).toEqual(['loading', 'decoding', 'counting', 'parsing']);
    reader.close();
  });

  it('hands the desktop’s bytes over and reads them the same way', async () => {
    const reader = new FileReaderClient();
    const bytes = new TextEncoder().encode(VCF);
    await expect(
      reader.openImport({ name: 'a.vcf', size: bytes.byteLength, data: bytes }),
    ).resolves.toMatchObject({
      format: 'vcard',
    });
    reader.close();
  });

  it('refuses a file over the limit by its size, without reading it', async () => {
    const reader = new FileReaderClient();
    const huge = { size: 201 * MB, arrayBuffer: vi.fn() } as unknown as Blob;
    await expect(reader.openImport({ name: 'contacts.vcf', size: 201 * MB, data: huge })).rejects.toThrow(
      'contacts.vcf is 201 MB; Kith imports files up to 50 MB. Split it into smaller files and import them one after another.',
    );
    expect(huge.arrayBuffer).not.toHaveBeenCalled();
    reader.close();
  });

  it('refuses a CSV with more rows than one import takes before parsing it', async () => {
    const reader = new FileReaderClient();
    const csv = `First Name,Last Name\n${'Ada,L\n'.repeat(IMPORT_LIMITS.records + 20)}`;
    const phases: string[] = [];
    await reader.openImport({ name: 'big.csv', size: csv.length, data: blob(csv) });
    await expect(reader.readImport('csv', {}, (p) => phases.push(p.phase))).rejects.toThrow(
      /^big\.csv has 100,021 rows; Kith imports up to 100,000 rows at a time\./,
    );
    expect(phases).toEqual(['counting']);
    reader.close();
  });

  it('reads a backup with its bad documents apart, and passes a refusal on with its problems', async () => {
    const db = await journal();
    await createPerson(db, { name: 'Ada' });
    const backup = JSON.parse(backupToJson(await createBackup(db)));
    backup.collections.people.find((p: { name: string }) => p.name === 'Ada').birthday = '1815-02-30';
    const text = JSON.stringify(backup);
    const reader = new FileReaderClient();
    const parsed = await reader.readBackup({ name: 'kith-backup.json', size: text.length, data: blob(text) });
    expect(parsed.collections.people).toHaveLength(1);
    expect(parsed.rejected.map((r) => r.issues[0]?.message)).toEqual([
      'Birthday “1815-02-30” is not a real day.',
    ]);

    const refused = await reader
      .readBackup({ name: 'other.json', size: 20, data: blob('{"format":"other"}') })
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(BackupError);
    expect((refused as BackupError).issues[0]?.message).toMatch(/not a Kith backup/);
    reader.close();
  });

  it('stops at once on Cancel: the worker is ended and the read rejects', async () => {
    const terminate = vi.fn();
    // A worker busy with a huge file: it answers nothing until it is ended.
    const silent: ReaderTransport = { post: () => undefined, listen: () => undefined, terminate };
    const reader = new FileReaderClient(() => silent);
    const reading = reader.openImport({ name: 'big.vcf', size: 10, data: blob('BEGIN:VCARD') });
    reader.cancel();
    await expect(reading).rejects.toBeInstanceOf(ReadCancelledError);
    expect(terminate).toHaveBeenCalled();
  });

  it('says so when the worker itself fails (out of memory, or it could not load)', async () => {
    let fail: (reason: string) => void = () => undefined;
    const dying: ReaderTransport = {
      post: () => fail('Out of memory'),
      listen: (_listener, onFailure) => {
        fail = onFailure;
      },
      terminate: () => undefined,
    };
    const reader = new FileReaderClient(() => dying);
    await expect(reader.openImport({ name: 'big.vcf', size: 10, data: blob('BEGIN:VCARD') })).rejects.toThrow(
      'The file could not be read: Out of memory.',
    );
  });
});
