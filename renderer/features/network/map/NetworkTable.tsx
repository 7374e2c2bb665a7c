import { memo, useMemo, useState } from 'react';
import { Link } from 'wouter';
import { strengthWord } from '../../../../shared/network/explain';
import { paths } from '../../../app/paths';
import { Button } from '../../../ui';
import { formatDayShort } from '../../encounters';
import { nextSort, sortRows, type SortKey, type SortState, type TableRow } from './tableSort';

const COLUMNS: { key: SortKey; label: string }[] = [
  { key: 'person', label: 'Person' },
  { key: 'strength', label: 'Strength' },
  { key: 'community', label: 'Community' },
  { key: 'cluster', label: 'Cluster' },
  { key: 'lastContact', label: 'Last contact' },
  { key: 'layer', label: 'Layer' },
];

/** Rows rendered at first: a long table is paged, not virtualised, so every row stays in the reading order. */
const PAGE = 100;

interface Props {
  rows: readonly TableRow[];
  /** Cumulative Dunbar layer sizes (5, 15, 50…), to name the layer column. */
  layerSizes: readonly number[];
  caption: string;
}

/** The map as a table: sortable by each column, each row a link to the person. */
export const NetworkTable = memo(function NetworkTable({ rows, layerSizes, caption }: Props) {
  const [sort, setSort] = useState<SortState>({ key: 'strength', direction: 'descending' });
  const [limit, setLimit] = useState(PAGE);
  const sorted = useMemo(() => sortRows(rows, sort), [rows, sort]);
  const shown = sorted.slice(0, limit);
  const layerName = (layer: number) =>
    layer < 0 ? '—' : layer === 0 ? `Closest ${layerSizes[0]}` : `Top ${layerSizes[layer]}`;
  return (
    <div className="network-table-wrap">
      <table className="network-table" aria-label="People on the map">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {COLUMNS.map((c) => (
              <th
                key={c.key}
                scope="col"
                aria-sort={sort.key === c.key ? sort.direction : undefined}
                className={c.key === 'strength' ? 'network-table__num' : undefined}
              >
                <button
                  type="button"
                  className="network-table__sort"
                  onClick={() => setSort((s) => nextSort(s, c.key))}
                >
                  {c.label}
                  <span className="network-table__arrow" aria-hidden="true">
                    {sort.key === c.key ? (sort.direction === 'ascending' ? '▲' : '▼') : ''}
                  </span>
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {shown.map((r) => (
            <tr key={r.id}>
              <th scope="row">
                <Link href={paths.person(r.id)}>{r.name}</Link>
              </th>
              <td className="network-table__num">
                <span className="network-table__bar" aria-hidden="true">
                  <span style={{ width: `${Math.round(r.strength * 100)}%` }} />
                </span>
                {Math.round(r.strength * 100)}%{' '}
                <span className="muted">{strengthWord(r.strength).toLowerCase()}</span>
              </td>
              <td>
                {r.community || <span className="muted">—</span>}
                {r.alsoIn.length > 0 && <span className="muted"> (also {r.alsoIn.join(', ')})</span>}
              </td>
              <td>{r.cluster || <span className="muted">—</span>}</td>
              <td>{r.lastContact ? formatDayShort(r.lastContact) : <span className="muted">—</span>}</td>
              <td>{layerName(r.layer)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length === 0 && (
        <p className="muted network-table__none">Nobody on the map matches the filters.</p>
      )}
      {sorted.length > shown.length && (
        <Button size="sm" onClick={() => setLimit(Infinity)}>
          Show all {sorted.length} people
        </Button>
      )}
    </div>
  );
});
