import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import { Link } from 'wouter';
import type { DayString, Person } from '../../../shared/domain/entities';
import { paths } from '../../app/paths';
import { formatDayShort } from '../encounters';
import { ViewBoundary } from '../../ui';

interface Props {
  people: readonly Person[];
  /** Undefined while the encounters are still loading. */
  lastMet: ReadonlyMap<string, DayString> | undefined;
  label: string;
}

/** Up to this many rows are rendered plainly; beyond it only the visible rows are in the DOM. */
const VIRTUAL_FROM = 150;
const ROW_HEIGHT = 56;

export function PeopleList({ people, lastMet, label }: Props) {
  return people.length < VIRTUAL_FROM ? (
    <div className="people-list__scroll">
      <ul className="list people-list" aria-label={label}>
        {people.map((p) => (
          <li key={p.id} className="list__item people-list__item">
            <SafePersonRow person={p} lastMet={lastMet && (lastMet.get(p.id) ?? '')} />
          </li>
        ))}
      </ul>
    </div>
  ) : (
    <VirtualPeopleList people={people} lastMet={lastMet} label={label} />
  );
}

function VirtualPeopleList({ people, lastMet, label }: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // The component is not memoised by the compiler; reading the virtualiser during render is intended.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: people.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  return (
    <div ref={scrollRef} className="people-list__scroll">
      <ul
        className="list people-list people-list--virtual"
        aria-label={label}
        style={{ height: virtualizer.getTotalSize() }}
      >
        {virtualizer.getVirtualItems().map((row) => {
          const p = people[row.index];
          if (!p) return null;
          return (
            <li
              key={p.id}
              className="list__item people-list__item"
              aria-setsize={people.length}
              aria-posinset={row.index + 1}
              style={{ transform: `translateY(${row.start}px)`, height: ROW_HEIGHT }}
            >
              <SafePersonRow person={p} lastMet={lastMet && (lastMet.get(p.id) ?? '')} />
            </li>
          );
        })}
      </ul>
    </div>
  );
}

type RowProps = { person: Person; lastMet: DayString | undefined };

/** A person who cannot be shown becomes one line saying so; the list around them stays. */
function SafePersonRow(props: RowProps) {
  return (
    <ViewBoundary
      what={props.person.name || 'this person'}
      size="row"
      resetKeys={[props.person, props.lastMet]}
    >
      <PersonRow {...props} />
    </ViewBoundary>
  );
}

/** `lastMet` is '' for someone never met, undefined while that is not known yet. */
function PersonRow({ person, lastMet }: { person: Person; lastMet: DayString | undefined }) {
  const detail = [person.organisation, person.role].filter(Boolean).join(' · ');
  return (
    <Link href={paths.person(person.id)} className="people-list__link">
      <span className="people-list__name">
        {person.name}
        {person.isOwner && <span className="badge">You</span>}
        {person.archived && <span className="badge">Archived</span>}
        {person.wantToReach && <span className="badge badge--accent">Want to reach</span>}
      </span>
      {detail && <span className="people-list__detail muted">{detail}</span>}
      <span className="people-list__met muted">
        {lastMet === undefined ? '' : lastMet ? `Last met ${formatDayShort(lastMet)}` : 'Not met yet'}
      </span>
    </Link>
  );
}
