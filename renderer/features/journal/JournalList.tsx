import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import type { Community, Person } from '../../../shared/domain/entities';
import { ViewBoundary } from '../../ui';
import { EncounterRow, formatDayLong } from '../encounters';
import type { JournalItem } from './journalItems';

interface Props {
  items: readonly JournalItem[];
  peopleById: Map<string, Person>;
  communitiesById: Map<string, Community>;
  busy: boolean;
}

const DAY_HEIGHT = 40;
const ROW_HEIGHT = 60;

/** Its own component so that formatting the day happens inside the row's boundary. */
function DayHeading({ date, count }: { date: string; count: number }) {
  return (
    <h2 className="journal-day">
      <span>{formatDayLong(date)}</span>
      <span className="journal-day__count">
        {count} {count === 1 ? 'encounter' : 'encounters'}
      </span>
    </h2>
  );
}

/**
 * Only the rows in view (plus a margin) exist in the DOM, so 40,000 encounters scroll as smoothly
 * as forty. Rows have fixed heights, which keeps the virtualiser exact without measuring.
 */
export function JournalList({ items, peopleById, communitiesById, busy }: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualiser is meant to be used this way
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (index) => (items[index]?.kind === 'day' ? DAY_HEIGHT : ROW_HEIGHT),
    getItemKey: (index) => {
      const item = items[index];
      return !item ? index : item.kind === 'day' ? `day:${item.date}` : item.encounter.id;
    },
    overscan: 8,
  });

  return (
    <div
      ref={scrollRef}
      className="journal-list"
      aria-label="Encounters"
      aria-busy={busy}
      role="region"
      tabIndex={-1}
    >
      <div className="journal-list__inner" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((row) => {
          const item = items[row.index];
          if (!item) return null;
          return (
            <div
              key={row.key}
              className="journal-list__item"
              style={{ height: row.size, transform: `translateY(${row.start}px)` }}
            >
              {/* A row that cannot be shown becomes one line saying so; the journal around it stays. */}
              <ViewBoundary
                what={item.kind === 'day' ? 'this day' : 'this encounter'}
                size="row"
                resetKeys={[item.kind === 'day' ? item.date : item.encounter]}
              >
                {item.kind === 'day' ? (
                  <DayHeading date={item.date} count={item.count} />
                ) : (
                  <EncounterRow
                    encounter={item.encounter}
                    peopleById={peopleById}
                    communitiesById={communitiesById}
                  />
                )}
              </ViewBoundary>
            </div>
          );
        })}
      </div>
    </div>
  );
}
