import { useState, type ReactNode } from 'react';
import { Link } from 'wouter';
import { TIE_GREW_BY, type NetworkChanges } from '../../../../shared/network';
import { paths } from '../../../app/paths';
import { Button } from '../../../ui';
import { formatDayShort } from '../../encounters';

/** Rows shown at first in each list; the rest one click away. */
const FIRST_ROWS = 20;

const percent = (x: number) => `${Math.round(x * 100)}%`;
const day = (d: string) => (d ? formatDayShort(d) : '—');

interface TableProps<T> {
  title: string;
  rows: readonly T[];
  head: string[];
  row(item: T): ReactNode[];
  rowKey(item: T): string;
  none: string;
}

/** One list of the difference as a table: the first column names the row. */
function ChangeTable<T>({ title, rows, head, row, rowKey, none }: TableProps<T>) {
  const [all, setAll] = useState(false);
  const shown = all ? rows : rows.slice(0, FIRST_ROWS);
  return (
    <div className="changes-table">
      <h3 className="changes-table__title">
        {title} <span className="muted">({rows.length.toLocaleString()})</span>
      </h3>
      {rows.length === 0 ? (
        <p className="muted">{none}</p>
      ) : (
        <div className="network-table-wrap">
          <table className="network-table" aria-label={title}>
            <thead>
              <tr>
                {head.map((h) => (
                  <th key={h} scope="col">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {shown.map((item) => {
                const [first, ...rest] = row(item);
                return (
                  <tr key={rowKey(item)}>
                    <th scope="row">{first}</th>
                    {rest.map((cell, i) => (
                      <td key={i}>{cell}</td>
                    ))}
                  </tr>
                );
              })}
            </tbody>
          </table>
          {rows.length > shown.length && (
            <Button size="sm" onClick={() => setAll(true)}>
              Show all {rows.length.toLocaleString()}
            </Button>
          )}
        </div>
      )}
    </div>
  );
}

const person = (id: string, name: string) => <Link href={paths.person(id)}>{name}</Link>;

/** Everything that changed, as tables: the accessible equal of the map's marks and of the review image. */
export function ChangeTables({ changes }: { changes: NetworkChanges }) {
  const communities = [
    ...changes.joined.map((c) => ({ ...c, change: 'Joined', when: `First encounter ${day(c.day)}` })),
    ...changes.left.map((c) => ({ ...c, change: 'Left', when: `Last encounter ${day(c.day)}` })),
  ];
  return (
    <div className="changes-tables">
      <ChangeTable
        title="People met for the first time"
        rows={changes.met}
        head={['Person', 'First met', 'Where']}
        row={(p) => [person(p.personId, p.name), day(p.day), p.community || '—']}
        rowKey={(p) => p.personId}
        none="Nobody new."
      />
      <ChangeTable
        title="Ties that faded"
        rows={changes.faded}
        head={['Person', 'Last contact', 'Past its rhythm on', 'Strength']}
        row={(t) => [
          person(t.personId, t.name),
          day(t.lastContact),
          day(t.fadedOn),
          `${percent(t.before)} → ${percent(t.after)}`,
        ]}
        rowKey={(t) => t.personId}
        none="No tie went quiet past its rhythm."
      />
      <ChangeTable
        title="Ties that grew stronger"
        rows={changes.grew}
        head={['Person', 'Strength']}
        row={(t) => [person(t.personId, t.name), `${percent(t.before)} → ${percent(t.after)}`]}
        rowKey={(t) => t.personId}
        none={`No tie grew by ${Math.round(TIE_GREW_BY * 100)} points or more.`}
      />
      <ChangeTable
        title="Communities joined or left"
        rows={communities}
        head={['Community', 'Change', 'When', 'People met there']}
        row={(c) => [c.name, c.change, c.when, c.people.toLocaleString()]}
        rowKey={(c) => `${c.change}-${c.communityId}`}
        none="No community joined or left."
      />
    </div>
  );
}
