/**
 * Import, export and backup figures (issue 5), measured in node on the same code paths the app runs
 * (importer → previewImport → commitImport; createBackup → backupToJson; parseBackup →
 * restoreBackup), with schema validation on as in the app. Not wired into the driver: call
 * measureTransferFigures() from it.
 *
 * Storage: RxDB's memory storage by default, so the figures measure our code and RxDB, not the
 * test double: fake-indexeddb walks a cursor in time quadratic in the collection (a find() of 5,000
 * encounters takes about 13 s there), which Chromium's IndexedDB does not. `storage:
 * 'fake-indexeddb'` is there to show it. IndexedDB's own write cost is what the data bench's
 * "bulk insert" figures measure in Chromium.
 *
 * - "import vcard 5,000 cards": 5,000 people of the heavy dataset exported as vCard 4.0, then read,
 *   previewed and committed into an empty journal;
 * - "import csv 50,000 rows": a LinkedIn Connections.csv (preamble included) of 50,000 connections;
 * - "import ics 5,000 events": an .ics of 5,000 events with 1–3 attendees each from 800 people;
 * - "backup <dataset>": every collection read and written as backup JSON;
 * - "restore <dataset>": that JSON parsed, validated and restored into an empty journal.
 * Each in seconds (whole operation) and documents per second; preview and commit also apart.
 */
import { performance } from 'node:perf_hooks';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { openDatabase, type CollectionName, type Doc, type KithDatabase } from '../../shared/db';
import { BENCH_SEED, DATASETS, generateNetwork, type DatasetName } from '../../shared/sample';
import {
  backupToJson,
  commitImport,
  createBackup,
  exportVCards,
  parseBackup,
  previewImport,
  restoreBackup,
  type ParsedImport,
} from '../../shared/transfer';
import { importLinkedInCsv } from '../../shared/transfer/import/csv';
import { importIcs } from '../../shared/transfer/import/ics';
import { importVcard } from '../../shared/transfer/import/vcard';
import { summarise, type Figure } from './stats';

export interface TransferBenchOptions {
  /** Dataset for the backup and restore figures; default 'heavy'. */
  dataset?: DatasetName;
  /** Runs per figure; default 3. */
  runs?: number;
  /** Default 'memory' (see above). */
  storage?: 'memory' | 'fake-indexeddb';
  log?: (message: string) => void;
}

let counter = 0;
let storageKind: TransferBenchOptions['storage'] = 'memory';
async function emptyJournal(): Promise<KithDatabase> {
  counter += 1;
  return openDatabase({
    storage:
      storageKind === 'memory'
        ? getRxStorageMemory()
        : getRxStorageDexie({ indexedDB: new IDBFactory(), IDBKeyRange }),
    name: `bench-transfer-${Date.now()}-${counter}`,
    multiInstance: false,
    deviceId: 'bench',
  });
}

const FIRST = [
  'Ada',
  'Bob',
  'Carol',
  'Dan',
  'Eve',
  'Femi',
  'Grace',
  'Hiro',
  'Ines',
  'Jon',
  'Kemi',
  'Lars',
  'Mona',
  'Nils',
  'Olu',
  'Pia',
  'Quinn',
  'Rosa',
  'Sami',
  'Tess',
  'Uma',
  'Vik',
  'Wen',
  'Xavi',
  'Yara',
  'Zoë',
];
const LAST = [
  'Smith',
  'Okafor',
  'Nguyen',
  'García',
  'Müller',
  'Rossi',
  'Kowalski',
  'Haddad',
  'Tanaka',
  'Silva',
  'Larsen',
  'Dubois',
  'Cohen',
  'Mensah',
  'Ivanova',
  'Byrne',
  'Patel',
  'Novak',
  'Sato',
  'Ali',
];

function personName(i: number): [string, string] {
  return [
    FIRST[i % FIRST.length] as string,
    `${LAST[Math.floor(i / FIRST.length) % LAST.length] as string}${i >= 520 ? `-${i % 97}` : ''}`,
  ];
}

/** LinkedIn's export: a preamble, then one connection per row; most connections hide their email. */
export function linkedInCsv(rows: number): string {
  const lines = [
    'Notes:',
    '"When exporting your connection data, you may notice that some of the email addresses are missing. You will only see email addresses for connections who have allowed their connections to see or download their email address using this setting https://www.linkedin.com/psettings/privacy/email. You can learn more here https://www.linkedin.com/help/linkedin/answer/261"',
    '',
    'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
  ];
  for (let i = 0; i < rows; i++) {
    const [first, last] = personName(i);
    const email = i % 5 < 2 ? `c${i}@example.org` : '';
    lines.push(
      `${first},${last},https://www.linkedin.com/in/c${i},${email},"Company ${i % 700}, Inc.",Engineer ${i % 13},${String((i % 28) + 1).padStart(2, '0')} Mar 2024`,
    );
  }
  return lines.join('\r\n') + '\r\n';
}

/** An .ics of `events` one-hour events in 2025, each with one to three attendees from 800 people. */
export function calendarIcs(events: number): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Kith bench//EN'];
  const stamp = (ms: number) =>
    new Date(ms)
      .toISOString()
      .replace(/[-:]/g, '')
      .replace(/\.\d{3}/, '');
  const start = Date.UTC(2025, 0, 1, 9);
  for (let i = 0; i < events; i++) {
    const at = start + Math.floor(i / 14) * 86_400_000 + (i % 14) * 3_600_000 * 0.5;
    lines.push(
      'BEGIN:VEVENT',
      `UID:bench-${i}@kith`,
      `DTSTAMP:${stamp(start)}`,
      `DTSTART:${stamp(at)}`,
      `DTEND:${stamp(at + 3_600_000)}`,
    );
    lines.push(`SUMMARY:Meeting ${i}`, `LOCATION:Room ${i % 40}`);
    for (let k = 0; k <= i % 3; k++) {
      const p = (i * 7 + k * 131) % 800;
      const [first, last] = personName(p);
      lines.push(`ATTENDEE;CN=${first} ${last}:mailto:a${p}@example.org`);
    }
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.join('\r\n') + '\r\n';
}

interface ImportRun {
  seconds: number;
  preview: number;
  commit: number;
  docs: number;
}

async function timedImport(read: () => ParsedImport): Promise<ImportRun> {
  const db = await emptyJournal();
  try {
    const t0 = performance.now();
    const parsed = read();
    const t1 = performance.now();
    const preview = await previewImport(db, parsed);
    const t2 = performance.now();
    const result = await commitImport(db, preview);
    const t3 = performance.now();
    return {
      seconds: (t3 - t0) / 1000,
      preview: (t2 - t1) / 1000,
      commit: (t3 - t2) / 1000,
      docs: result.change.entries.length,
    };
  } finally {
    await db.close();
  }
}

function importFigures(name: string, dataset: string, runs: ImportRun[]): Figure[] {
  return [
    summarise(
      `import ${name} (read + preview + commit)`,
      dataset,
      's',
      runs.map((r) => r.seconds),
    ),
    summarise(
      `import ${name} documents per second`,
      dataset,
      'docs/s',
      runs.map((r) => r.docs / r.seconds),
    ),
    summarise(
      `import ${name}: preview`,
      dataset,
      's',
      runs.map((r) => r.preview),
    ),
    summarise(
      `import ${name}: commit`,
      dataset,
      's',
      runs.map((r) => r.commit),
    ),
  ];
}

async function fill(db: KithDatabase, collections: Partial<Record<CollectionName, Doc[]>>): Promise<void> {
  for (const [name, docs] of Object.entries(collections) as [CollectionName, Doc[]][]) {
    if (docs.length === 0) continue;
    const c = db[name] as unknown as { bulkInsert(d: Doc[]): Promise<{ error: unknown[] }> };
    const result = await c.bulkInsert(docs.map((d) => ({ ...d })));
    if (result.error.length > 0)
      throw new Error(`Could not insert ${result.error.length} ${name} documents.`);
  }
}

export async function measureTransferFigures(options: TransferBenchOptions = {}): Promise<Figure[]> {
  const dataset = options.dataset ?? 'heavy';
  const runs = options.runs ?? 3;
  const log = options.log ?? (() => undefined);
  storageKind = options.storage ?? 'memory';
  const where = storageKind;
  const network = generateNetwork(DATASETS[dataset], BENCH_SEED);
  const figures: Figure[] = [];

  // The heavy dataset has exactly 5,000 people (about a quarter share an email with a namesake, so
  // the preview merges them: that is part of the work measured).
  const cardPeople =
    dataset === 'heavy' ? network.people : generateNetwork(DATASETS.heavy, BENCH_SEED).people;
  const vcards = exportVCards(cardPeople.slice(0, 5_000));
  const csv = linkedInCsv(50_000);
  const ics = calendarIcs(5_000);
  const inputs: [string, () => ParsedImport][] = [
    ['vcard 5,000 cards', () => importVcard('contacts.vcf', vcards)],
    ['csv 50,000 rows', () => importLinkedInCsv('Connections.csv', csv)],
    [
      'ics 5,000 events',
      () => importIcs('calendar.ics', ics, { from: '2025-01-01', to: '2025-12-31', timeZone: 'UTC' }),
    ],
  ];
  for (const [name, read] of inputs) {
    const times: ImportRun[] = [];
    for (let run = 1; run <= runs; run++) {
      const r = await timedImport(read);
      log(
        `import ${name} run ${run}/${runs}: ${r.seconds.toFixed(2)} s (preview ${r.preview.toFixed(2)} s, commit ${r.commit.toFixed(2)} s), ${r.docs} documents`,
      );
      times.push(r);
    }
    figures.push(...importFigures(name, `synthetic, ${where}`, times));
  }

  const source = await emptyJournal();
  try {
    await fill(source, {
      people: network.people,
      communities: network.communities,
      encounters: network.encounters,
      ties: network.ties,
      followups: network.followUps,
    });
    const backupSeconds: number[] = [];
    const restoreSeconds: number[] = [];
    let text = '';
    let docs = 0;
    for (let run = 1; run <= runs; run++) {
      const t0 = performance.now();
      text = backupToJson(await createBackup(source));
      backupSeconds.push((performance.now() - t0) / 1000);

      const target = await emptyJournal();
      try {
        const t1 = performance.now();
        const backup = parseBackup(text);
        await restoreBackup(target, backup, { mode: 'replace' });
        restoreSeconds.push((performance.now() - t1) / 1000);
        docs = Object.values(backup.collections).reduce((n, list) => n + list.length, 0);
      } finally {
        await target.close();
      }
      log(
        `backup/restore ${dataset} run ${run}/${runs}: ${backupSeconds.at(-1)?.toFixed(2)} s / ${restoreSeconds.at(-1)?.toFixed(2)} s, ${docs} documents, ${(text.length / 1e6).toFixed(1)} MB`,
      );
    }
    const label = `${dataset}, ${where}`;
    figures.push(
      summarise(`backup ${dataset} (read + JSON)`, label, 's', backupSeconds),
      summarise(
        `backup ${dataset} documents per second`,
        label,
        'docs/s',
        backupSeconds.map((s) => docs / s),
      ),
      summarise(`restore ${dataset} (parse + validate + write)`, label, 's', restoreSeconds),
      summarise(
        `restore ${dataset} documents per second`,
        label,
        'docs/s',
        restoreSeconds.map((s) => docs / s),
      ),
    );
  } finally {
    await source.close();
  }
  return figures;
}
