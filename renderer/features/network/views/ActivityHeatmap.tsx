import { memo, useMemo } from 'react';
import type { DayString, Encounter } from '../../../../shared/domain/entities';
import { dayLabel, encountersWord } from './calendar';
import { activityHeatmap, HEAT_LEVELS } from './heatmap';
import './views.css';
import './charts.css';

interface Props {
  encounters: readonly Encounter[];
  /** The last day shown (the chosen date, or today). */
  last: DayString;
  /** Heading id, which names the figure. */
  id?: string;
  title?: string;
  /** Heading level: 3 when the view sits under a section heading. */
  level?: 2 | 3;
}

const CELL = 12;
const GAP = 2;
const LEFT = 28;
const TOP = 16;
const WEEKDAYS = ['Mon', '', 'Wed', '', 'Fri', '', ''];

/**
 * Encounters per day over the last twelve months as a calendar grid. Each day is an image named
 * "3 encounters on 12 March 2026", so a screen reader can walk the days without a tab stop each;
 * hovering shows the same words.
 */
export const ActivityHeatmap = memo(function ActivityHeatmap({
  encounters,
  last,
  id = 'activity-heatmap',
  title = 'Activity',
  level = 2,
}: Props) {
  const Heading = level === 3 ? 'h3' : 'h2';
  const grid = useMemo(() => activityHeatmap(encounters, last), [encounters, last]);
  const width = LEFT + grid.weeks * (CELL + GAP);
  const height = TOP + 7 * (CELL + GAP);
  const busiest = grid.cells.reduce((best, c) => (c.count > best.count ? c : best), grid.cells[0]!);
  const activeDays = grid.cells.filter((c) => c.count > 0).length;
  const summary =
    grid.total === 0
      ? `No encounters between ${dayLabel(grid.first)} and ${dayLabel(grid.last)}.`
      : `${encountersWord(grid.total)} on ${activeDays} ${activeDays === 1 ? 'day' : 'days'} between ${dayLabel(grid.first)} and ${dayLabel(grid.last)}; the busiest day was ${dayLabel(busiest.day)} with ${encountersWord(busiest.count)}.`;

  return (
    <section className="net-view" aria-labelledby={id}>
      <Heading id={id} className="net-view__title">
        {title}
      </Heading>
      <p className="net-view__summary">{summary}</p>
      <div className="net-view__scroll">
        <svg
          className="heatmap"
          width={width}
          height={height}
          viewBox={`0 0 ${width} ${height}`}
          role="group"
          aria-label={`Encounters per day, ${dayLabel(grid.first)} to ${dayLabel(grid.last)}`}
        >
          <g aria-hidden="true" className="heatmap__axis">
            {grid.months.map((m) => (
              <text key={`${m.week}-${m.label}`} x={LEFT + m.week * (CELL + GAP)} y={TOP - 5}>
                {m.label}
              </text>
            ))}
            {WEEKDAYS.map((d, i) =>
              d ? (
                <text key={d} x={0} y={TOP + i * (CELL + GAP) + CELL - 2}>
                  {d}
                </text>
              ) : null,
            )}
          </g>
          {/* Keyed by place in the grid: as the date moves, the same cells take new days instead of
              hundreds being removed and created again. */}
          {grid.cells.map((c, i) => (
            <rect
              key={i}
              role="img"
              aria-label={c.label}
              className={`heatmap__cell heat-${c.level}`}
              x={LEFT + c.week * (CELL + GAP)}
              y={TOP + c.weekday * (CELL + GAP)}
              width={CELL}
              height={CELL}
              rx={2}
            >
              <title>{c.label}</title>
            </rect>
          ))}
        </svg>
      </div>
      <div className="heatmap__legend" aria-hidden="true">
        <span>Fewer</span>
        {Array.from({ length: HEAT_LEVELS + 1 }, (_, heat) => (
          <svg key={heat} width={CELL} height={CELL}>
            <rect className={`heatmap__cell heat-${heat}`} width={CELL} height={CELL} rx={2} />
          </svg>
        ))}
        <span>More</span>
      </div>
    </section>
  );
});
