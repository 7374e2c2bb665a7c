import { describe, expect, it } from 'vitest';
import type { Community, Encounter, Person } from '../../../shared/domain/entities';
import { encounterDocument, makeStamp, personDocument, trackedDocument } from '../../../shared/db';
import { SwitcherIndex } from './searchIndex';

const written = { ms: 1, stamp: makeStamp(1, 'test-device') };

const person = (id: string, name: string, extra: Partial<Person> = {}): Person =>
  personDocument(id, { name, ...extra }, written);

const encounter = (id: string, participantIds: string[], extra: Partial<Encounter> = {}): Encounter =>
  encounterDocument(id, { date: '2026-03-14', participantIds, ...extra }, written);

const community = (id: string, name: string): Community =>
  trackedDocument(id, { name, kind: 'club' as const, notes: '', tags: [] }, written);

const keys = (index: SwitcherIndex, q: string) => index.search(q).map((h) => h.entry.key);

describe('SwitcherIndex', () => {
  const ana = person('ana', 'Ana Lopez', {
    aliases: ['Annie'],
    emails: ['ana@lopez.example'],
    organisation: 'Acme',
  });
  const bo = person('bo', 'Bo Chen');
  const chess = community('chess', 'Riverside Chess Club');
  const fair = encounter('fair', ['ana', 'bo'], {
    title: 'Trade fair',
    place: 'Messe Basel',
    date: '2026-11-26',
  });

  it('finds people by name, alias, organisation and e-mail, by prefix and with a typo', () => {
    const index = new SwitcherIndex();
    index.sync([ana, bo], [chess], [fair]);
    expect(keys(index, 'Annie')[0]).toBe('person:ana');
    expect(keys(index, 'lop')[0]).toBe('person:ana');
    expect(keys(index, 'acme')).toEqual(['person:ana']);
    expect(keys(index, 'ana@lopez')[0]).toBe('person:ana');
    expect(keys(index, 'Lopes')[0]).toBe('person:ana');
    expect(keys(index, 'chess')).toEqual(['community:chess']);
  });

  it('finds encounters by place, by day or month, and by participant name', () => {
    const index = new SwitcherIndex();
    index.sync([ana, bo], [chess], [fair]);
    expect(keys(index, 'basel')).toEqual(['encounter:fair']);
    expect(keys(index, '2026-11')).toEqual(['encounter:fair']);
    expect(keys(index, '2026-11-25')).toEqual([]);
    expect(keys(index, '2026-1')).toEqual(['encounter:fair']);
    expect(keys(index, 'bo chen')).toEqual(['person:bo', 'encounter:fair']);
  });

  it('follows edits, renames and removals without a rebuild', () => {
    const index = new SwitcherIndex();
    index.sync([ana, bo], [chess], [fair]);
    const renamedBo = { ...bo, name: 'Bo Ivanova', updatedAt: 2 };
    const movedFair = { ...fair, place: 'Zurich', updatedAt: 2 };
    index.sync([ana, renamedBo], [], [movedFair]);
    expect(keys(index, 'ivanova')).toEqual(['person:bo', 'encounter:fair']);
    expect(keys(index, 'chen')).toEqual([]);
    expect(keys(index, 'basel')).toEqual([]);
    expect(keys(index, 'zurich')).toEqual(['encounter:fair']);
    expect(keys(index, 'chess')).toEqual([]);
    expect(index.size).toBe(3);
  });

  it('builds in slices, and a slice overtaken by a newer sync leaves the newer state', async () => {
    const index = new SwitcherIndex();
    const many = Array.from({ length: 1000 }, (_, i) => encounter(`e${i}`, ['ana'], { place: `Hall ${i}` }));
    const first = index.syncInSlices([ana], [], many, { sliceMs: 0 });
    index.sync([{ ...ana, name: 'Ana Weber', updatedAt: 2 }], [], [fair]);
    expect(await first).toBe(false);
    expect(index.size).toBe(2);
    expect(keys(index, 'weber')).toEqual(['person:ana', 'encounter:fair']);
    let namesReady = 0;
    const second = index.syncInSlices([ana, bo], [], many, {
      sliceMs: 0,
      onNamesReady: () => (namesReady += 1),
    });
    // People are searchable before the encounters are all in.
    await Promise.resolve();
    expect(namesReady).toBe(1);
    expect(keys(index, 'bo chen')).toEqual(['person:bo']);
    expect(index.size).toBeLessThan(1002);
    expect(await second).toBe(true);
    expect(index.size).toBe(1002);
    expect(keys(index, 'hall 999')).toEqual(['encounter:e999']);
  });
});
