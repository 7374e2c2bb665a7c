import Graph from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { createPerson, loadSampleJournal, recordEncounter, type KithDatabase } from '../../db';
import { databasesClosedAfterEach } from '../../db/testing';
import { commitImport } from '../commit';
import { importVcard } from '../import/vcard';
import { previewImport } from '../preview';
import { exportEncountersCsv, ENCOUNTER_CSV_COLUMNS } from './csv';
import { readJournal, type JournalData } from './journal';
import { exportMarkdownJournal } from './markdown';
import { exportNetworkGexf, exportNetworkGraphml, networkGraphAt } from './network';
import { exportVCards } from './vcard';

const journal = databasesClosedAfterEach();

const PHOTO =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
const DAY = '2026-11-26';

async function sampleJournal(): Promise<{ db: KithDatabase; data: JournalData; zoe: string }> {
  const db = await journal();
  await loadSampleJournal(db, { today: DAY, seed: 11 });
  const { person } = await createPerson(db, {
    name: 'Zoë “Z” O’Brien; Jr.',
    aliases: ['Zo, the elder', 'ZB'],
    organisation: 'Acme; Widgets, Ltd',
    role: 'Head of *things*',
    emails: ['zoe@example.org', 'z.obrien@work.example'],
    phones: ['+44 20 7946 0000', '020 7946 0001 ext. 2'],
    links: ['https://example.org/zoe?a=1,b=2'],
    addresses: ['1 High St, Flat 2, Leeds LS1 1AA'],
    birthday: '--02-29',
    photo: PHOTO,
    notes: 'First line\nSecond line; with, punctuation\n<script>alert(1)</script>',
    tags: ['running', 'book club'],
  });
  await recordEncounter(db, {
    date: '2026-11-20',
    time: '18:30',
    title: '=HYPERLINK("http://evil.example")',
    notes: 'Talked about *everything*\n<img src=x onerror=alert(1)>',
    participantIds: [person.id],
  });
  return { db, data: await readJournal(db), zoe: person.id };
}

describe('vCard 4.0 export', () => {
  it('round-trips through the vCard importer into a fresh journal with every field', async () => {
    const { data } = await sampleJournal();
    const text = exportVCards(data.people);
    expect(text.startsWith('BEGIN:VCARD\r\nVERSION:4.0\r\n')).toBe(true);
    expect(text).not.toMatch(/FN:Me\r\n/);

    const parsed = importVcard('people.vcf', text);
    expect(parsed.problems).toEqual([]);
    const fresh = await journal();
    await commitImport(fresh, await previewImport(fresh, parsed));

    const imported = (await readJournal(fresh)).people.filter((p) => !p.isOwner);
    // Everything a vCard carries; cadence, communities and the like stay the journal's own.
    type Stored = JournalData['people'][number];
    const carried: (keyof Stored)[] = ['name', 'aliases', 'organisation', 'role', 'emails', 'phones'];
    carried.push('links', 'addresses', 'birthday', 'photo', 'notes', 'tags');
    const fields = (p: Stored) => ({ name: p.name, ...Object.fromEntries(carried.map((f) => [f, p[f]])) });
    const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
    expect(imported.map(fields).sort(byName)).toEqual(
      data.people
        .filter((p) => !p.isOwner)
        .map(fields)
        .sort(byName),
    );
  });
});

describe('encounters CSV export', () => {
  it('parses back to the same encounters, with formulae neutralised', async () => {
    const { data, zoe } = await sampleJournal();
    const rows = Papa.parse(exportEncountersCsv(data), { skipEmptyLines: true }).data;
    expect(rows[0]).toEqual([...ENCOUNTER_CSV_COLUMNS]);
    expect(rows).toHaveLength(data.encounters.length + 1);
    const names = new Map(data.people.map((p) => [p.id, p.name]));
    const mine = rows.find((r) => r[0] === '2026-11-20' && r[7] === names.get(zoe));
    expect(mine).toEqual([
      '2026-11-20',
      '18:30',
      '0',
      `'=HYPERLINK("http://evil.example")`,
      'Meeting',
      'In person',
      '',
      'Zoë “Z” O’Brien; Jr.',
      '',
      '0',
      '',
      '',
      'Talked about *everything*\n<img src=x onerror=alert(1)>',
    ]);
    const sampleRow = rows[1] as string[];
    const newest = [...data.encounters].sort((a, b) => (a.date < b.date ? 1 : -1))[0];
    expect(sampleRow[0]).toBe(newest?.date);
  });
});

describe('Markdown journal export', () => {
  it('has a section per day, people by name as text, and no live HTML', async () => {
    const { data } = await sampleJournal();
    const md = exportMarkdownJournal(data, { exportedOn: DAY });
    expect(md).toMatch(/^# Kith journal\n\nExported 2026-11-26: \d+ encounters with \d+ people\./);
    expect(md).toContain('## 2026-11-20 (Friday)');
    expect(md).toContain('- With: Zoë “Z” O’Brien; Jr\\.');
    expect(md).toContain('&lt;img src=x onerror=alert(1)>');
    expect(md).not.toMatch(/<img|<script/);
    const days = new Set(data.encounters.map((e) => e.date));
    expect(md.match(/^## /gm)).toHaveLength(days.size);
  });
});

describe('network export', () => {
  it('GEXF and GraphML parse back to the network at the date, strengths as weights', async () => {
    const { data } = await sampleJournal();
    const expected = networkGraphAt(data, DAY);
    expect(expected.order).toBeGreaterThan(10);
    expect(expected.size).toBeGreaterThan(10);

    const gexf = parseGexf(Graph, exportNetworkGexf(data, DAY));
    const graphml = parseGraphml(Graph, exportNetworkGraphml(data, DAY));
    for (const back of [gexf, graphml]) {
      expect(back.order).toBe(expected.order);
      expect(back.size).toBe(expected.size);
      expected.forEachNode((id, a) => {
        expect(back.getNodeAttribute(id, 'label')).toBe(a.label);
        expect(Number(back.getNodeAttribute(id, 'strength'))).toBeCloseTo(a.strength, 6);
      });
      expected.forEachEdge((_key, a, source, target) => {
        const key = back.edge(source, target) ?? back.edge(target, source);
        expect(key).toBeDefined();
        expect(Number(back.getEdgeAttribute(key, 'weight'))).toBeCloseTo(a.weight, 6);
      });
    }
  });

  it('is the network at the chosen date: earlier dates have fewer people', async () => {
    const { data } = await sampleJournal();
    const early = networkGraphAt(data, '2026-01-15');
    const late = networkGraphAt(data, DAY);
    expect(early.order).toBeLessThan(late.order);
    expect(() => networkGraphAt(data, '2026-13-01')).toThrow(/real day/);
  });
});
