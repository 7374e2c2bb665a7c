import { describe, expect, it } from 'vitest';
import { nextSort, sortRows, type TableRow } from './tableSort';

const row = (name: string, extra: Partial<TableRow> = {}): TableRow => ({
  id: name.toLowerCase(),
  name,
  strength: 0.5,
  community: '',
  alsoIn: [],
  cluster: '',
  lastContact: '',
  layer: -1,
  ...extra,
});

const rows = [
  row('Ana', { strength: 0.2, community: 'Chess club', lastContact: '2026-01-10', layer: 2 }),
  row('ben', { strength: 0.9, community: 'Acme', lastContact: '2026-03-01', layer: 0 }),
  row('Cy', { strength: 0.5 }),
  row('Dee', { strength: 0.5, community: 'Acme', lastContact: '2025-12-24', layer: 1 }),
];
const names = (list: TableRow[]) => list.map((r) => r.name);

describe('sorting the network table', () => {
  it('sorts by each column, ascending and descending', () => {
    expect(names(sortRows(rows, { key: 'person', direction: 'ascending' }))).toEqual([
      'Ana',
      'ben',
      'Cy',
      'Dee',
    ]);
    expect(names(sortRows(rows, { key: 'person', direction: 'descending' }))).toEqual([
      'Dee',
      'Cy',
      'ben',
      'Ana',
    ]);
    expect(names(sortRows(rows, { key: 'strength', direction: 'descending' }))).toEqual([
      'ben',
      'Cy',
      'Dee',
      'Ana',
    ]);
    expect(names(sortRows(rows, { key: 'lastContact', direction: 'descending' }))).toEqual([
      'ben',
      'Ana',
      'Dee',
      'Cy',
    ]);
    expect(names(sortRows(rows, { key: 'layer', direction: 'ascending' }))).toEqual([
      'ben',
      'Dee',
      'Ana',
      'Cy',
    ]);
  });

  it('puts people with no value last whichever the direction, and breaks ties by name', () => {
    expect(names(sortRows(rows, { key: 'community', direction: 'ascending' }))).toEqual([
      'ben',
      'Dee',
      'Ana',
      'Cy',
    ]);
    expect(names(sortRows(rows, { key: 'community', direction: 'descending' }))).toEqual([
      'Ana',
      'ben',
      'Dee',
      'Cy',
    ]);
    expect(names(sortRows(rows, { key: 'layer', direction: 'descending' })).at(-1)).toBe('Cy');
    const clustered = [
      row('Ana', { cluster: 'Zed & Yan' }),
      row('Ben'),
      row('Cy', { cluster: 'Chess club' }),
    ];
    expect(names(sortRows(clustered, { key: 'cluster', direction: 'ascending' }))).toEqual([
      'Cy',
      'Ana',
      'Ben',
    ]);
    expect(names(sortRows(clustered, { key: 'cluster', direction: 'descending' }))).toEqual([
      'Ana',
      'Cy',
      'Ben',
    ]);
  });

  it('first sorts a new column the useful way round, then toggles', () => {
    const byName = { key: 'person', direction: 'ascending' } as const;
    expect(nextSort(byName, 'strength')).toEqual({ key: 'strength', direction: 'descending' });
    expect(nextSort(byName, 'lastContact')).toEqual({ key: 'lastContact', direction: 'descending' });
    expect(nextSort(byName, 'person')).toEqual({ key: 'person', direction: 'descending' });
  });

  it('leaves the rows it was given untouched', () => {
    const copy = [...rows];
    sortRows(rows, { key: 'strength', direction: 'ascending' });
    expect(rows).toEqual(copy);
  });
});
