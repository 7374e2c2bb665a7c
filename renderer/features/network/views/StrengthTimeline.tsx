import { extent, greatest } from 'd3-array';
import { scaleLinear, scaleUtc } from 'd3-scale';
import { area, curveMonotoneX, line } from 'd3-shape';
import { useMemo } from 'react';
import type { DayString } from '../../../../shared/domain/entities';
import { strengthWord } from '../../../../shared/network/explain';
import { dayLabel, dayToDate, monthLabel } from './calendar';
import type { StrengthPoint } from './personTie';
import './views.css';
import './tie.css';

interface Props {
  name: string;
  series: readonly StrengthPoint[];
  contactDays: readonly DayString[];
  id?: string;
}

const WIDTH = 560;
const HEIGHT = 150;
const M = { top: 8, right: 10, bottom: 30, left: 36 };

const pct = (x: number) => `${Math.round(x * 100)}%`;

/** The owner's tie with one person over time: a step up at each encounter, a slow fade between. */
export function StrengthTimeline({ name, series, contactDays, id = 'strength-timeline' }: Props) {
  const x = useMemo(() => {
    const [from, to] = extent(series, (p) => dayToDate(p.day)) as [Date, Date];
    return scaleUtc()
      .domain([from, to > from ? to : new Date(from.getTime() + 86_400_000)])
      .range([M.left, WIDTH - M.right]);
  }, [series]);
  const y = useMemo(
    () =>
      scaleLinear()
        .domain([0, 1])
        .range([HEIGHT - M.bottom, M.top]),
    [],
  );
  const paths = useMemo(() => {
    const px = (p: StrengthPoint) => x(dayToDate(p.day));
    return {
      line:
        line<StrengthPoint>()
          .x(px)
          .y((p) => y(p.strength))
          .curve(curveMonotoneX)(series) ?? '',
      area:
        area<StrengthPoint>()
          .x(px)
          .y0(y(0))
          .y1((p) => y(p.strength))
          .curve(curveMonotoneX)(series) ?? '',
    };
  }, [series, x, y]);

  const now = series.at(-1);
  const peak = greatest(series, (p) => p.strength);
  if (!now || !peak) return null;
  const label =
    `${name}: ${strengthWord(now.strength).toLowerCase()} tie, ${pct(now.strength)} on ${dayLabel(now.day)}; ` +
    `strongest ${pct(peak.strength)} in ${monthLabel(peak.day)}; ${contactDays.length} ${contactDays.length === 1 ? 'day' : 'days'} with an encounter since ${dayLabel(series[0]!.day)}.`;

  return (
    <section className="net-view" aria-labelledby={id}>
      <h2 id={id} className="person-section__title">
        Strength over time
      </h2>
      <svg className="timeline" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={label}>
        <g className="chart-axis">
          {[0, 0.5, 1].map((t) => (
            <g key={t} transform={`translate(0, ${y(t)})`}>
              <line x1={M.left} x2={WIDTH - M.right} className="chart-grid" />
              <text x={M.left - 6} dy="0.32em" textAnchor="end">
                {pct(t)}
              </text>
            </g>
          ))}
          {x.ticks(5).map((t) => (
            <text key={t.getTime()} x={x(t)} y={HEIGHT - 4} textAnchor="middle">
              {x.tickFormat(5)(t)}
            </text>
          ))}
        </g>
        <path className="timeline__area" d={paths.area} />
        <path className="timeline__line" d={paths.line} />
        <g className="timeline__contacts">
          {contactDays.map((d) => (
            <line
              key={d}
              x1={x(dayToDate(d))}
              x2={x(dayToDate(d))}
              y1={HEIGHT - M.bottom}
              y2={HEIGHT - M.bottom + 6}
            />
          ))}
        </g>
        <circle className="timeline__now" cx={x(dayToDate(now.day))} cy={y(now.strength)} r={4} />
      </svg>
      <p className="muted net-view__note">Ticks under the line mark days with an encounter.</p>
    </section>
  );
}
