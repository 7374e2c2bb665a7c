import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  communityInput,
  encounterInput,
  followUpInput,
  personInput,
  tieInput,
  validate,
} from '../domain/validation';
import { COLLECTION_NAMES } from '../db/collections';
import { openTestDatabase } from '../db/testing';
import { generateNetwork, type SampleNetwork } from './index';

const network = generateNetwork({ people: 120, ties: 400, encounters: 900, years: 4 }, 11);

const BOOKKEEPING = new Set(['id', 'createdAt', 'updatedAt', 'fieldTimes']);

function content(doc: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(doc).filter(([k]) => !BOOKKEEPING.has(k)));
}

/** The document's content is exactly what the form/import validation would have produced from it. */
function expectValid(schema: z.ZodType, docs: readonly object[], omit: string[] = []): void {
  for (const doc of docs) {
    const fields = content(doc);
    for (const k of omit) delete fields[k];
    const result = validate(schema, fields);
    if (!result.ok) throw new Error(`${JSON.stringify(doc)}: ${JSON.stringify(result.issues)}`);
    expect(result.value).toEqual(fields);
  }
}

describe('sample documents', () => {
  it('pass the domain validation unchanged', () => {
    expectValid(personInput, [network.owner, ...network.people], ['isOwner']);
    expectValid(encounterInput, network.encounters);
    expectValid(communityInput, network.communities);
    expectValid(tieInput, network.ties);
    expectValid(followUpInput, network.followUps);
  });

  it('stamp every content field, so sync can merge them field by field', () => {
    const all = [
      network.owner,
      ...network.people,
      ...network.communities,
      ...network.encounters,
      ...network.ties,
    ];
    for (const doc of [...all, ...network.followUps]) {
      expect(Object.keys(doc.fieldTimes).sort()).toEqual(Object.keys(content(doc)).sort());
      for (const stamp of Object.values(doc.fieldTimes)) {
        expect(stamp).toMatch(/^\d{15}@sample$/);
        expect(Number(stamp.slice(0, 15))).toBeLessThanOrEqual(doc.updatedAt);
      }
    }
  });

  it('only refer to documents that exist', () => {
    const people = new Set([network.owner, ...network.people].map((p) => p.id));
    const communities = new Set(network.communities.map((c) => c.id));
    const encounters = new Set(network.encounters.map((e) => e.id));
    for (const p of network.people) {
      expect(p.introducedById === '' || people.has(p.introducedById)).toBe(true);
      expect(p.communityIds.every((c) => communities.has(c))).toBe(true);
    }
    for (const e of network.encounters) {
      expect(e.participantIds.every((id) => people.has(id) && id !== network.owner.id)).toBe(true);
      expect(
        e.initiatorId === '' ||
          e.initiatorId === network.owner.id ||
          e.participantIds.includes(e.initiatorId),
      ).toBe(true);
      expect(e.communityId === '' || communities.has(e.communityId)).toBe(true);
    }
    for (const t of network.ties) {
      expect(people.has(t.aId) && people.has(t.bId) && t.aId < t.bId).toBe(true);
    }
    const pairs = new Set(network.ties.map((t) => `${t.aId}|${t.bId}`));
    expect(pairs.size).toBe(network.ties.length);
    for (const f of network.followUps) {
      expect(encounters.has(f.encounterId) && people.has(f.personId)).toBe(true);
    }
  });

  it('insert into a real RxDB database without schema errors', async () => {
    const db = await openTestDatabase();
    try {
      await insertAll(db, network);
      for (const name of COLLECTION_NAMES.filter((n) => n !== 'settings')) {
        const expected = name === 'people' ? network.people.length + 1 : docsOf(network)[name].length;
        expect(await db[name].count().exec()).toBe(expected);
      }
      const stored = await db.encounters.findOne(network.encounters[0]?.id).exec();
      expect(stored?.toJSON()).toEqual(network.encounters[0]);
    } finally {
      await db.remove();
    }
  });
});

function docsOf(n: SampleNetwork) {
  return {
    people: n.people,
    encounters: n.encounters,
    communities: n.communities,
    ties: n.ties,
    followups: n.followUps,
  };
}

async function insertAll(db: Awaited<ReturnType<typeof openTestDatabase>>, n: SampleNetwork): Promise<void> {
  // openDatabase created the owner already: the sample's owner is that same document.
  const owner = await db.people.findOne(n.owner.id).exec();
  expect(content(owner?.toJSON() ?? {})).toEqual(content(n.owner));
  const results = [
    await db.people.bulkInsert(n.people),
    await db.communities.bulkInsert(n.communities),
    await db.encounters.bulkInsert(n.encounters),
    await db.ties.bulkInsert(n.ties),
    await db.followups.bulkInsert(n.followUps),
  ];
  const errors: unknown[] = results.flatMap((r): unknown[] => r.error);
  if (errors.length > 0) throw new Error(`Insert failed: ${JSON.stringify(errors[0]).slice(0, 2000)}`);
}
