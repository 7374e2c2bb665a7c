import { describe, expect, it } from 'vitest';
import type { Person } from '../../../shared/domain/entities';
import { makeStamp, personDocument } from '../../../shared/db';
import { listPeople } from './peopleList';

const written = { ms: 1, stamp: makeStamp(1, 'test-device') };
const person = (id: string, name: string, extra: Partial<Person> = {}): Person =>
  personDocument(id, { name, ...extra }, written);

const people = [
  person('jose', 'José Álvarez', { organisation: 'Acme', tags: ['chess'] }),
  person('bo', 'Bo Chen', { aliases: ['Bobby'] }),
  person('cy', 'Cy Old', { archived: true }),
  person('ada', 'Ada Byrne'),
];
const lastMet = new Map([
  ['bo', '2026-01-02'],
  ['jose', '2026-03-01'],
  ['cy', '2026-05-01'],
]);
const names = (q: Partial<Parameters<typeof listPeople>[1]>) =>
  listPeople(people, { text: '', sort: 'name', showArchived: false, ...q }, lastMet).map((p) => p.id);

describe('listPeople', () => {
  it('hides archived people unless asked', () => {
    expect(names({})).toEqual(['ada', 'bo', 'jose']);
    expect(names({ showArchived: true })).toEqual(['ada', 'bo', 'cy', 'jose']);
  });

  it('sorts by last encounter, most recent first, people never met last', () => {
    expect(names({ sort: 'last-encounter', showArchived: true })).toEqual(['cy', 'jose', 'bo', 'ada']);
  });

  it('matches every word typed against name, alias, organisation and tags, ignoring accents', () => {
    expect(names({ text: 'jose acme' })).toEqual(['jose']);
    expect(names({ text: 'alvarez' })).toEqual(['jose']);
    expect(names({ text: 'bobby' })).toEqual(['bo']);
    expect(names({ text: 'chess' })).toEqual(['jose']);
    expect(names({ text: 'bo acme' })).toEqual([]);
  });
});
