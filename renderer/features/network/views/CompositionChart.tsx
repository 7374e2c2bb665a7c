import { bisector } from 'd3-array';
import { scaleLinear, scaleUtc } from 'd3-scale';
import { area, curveMonotoneX, type SeriesPoint } from 'd3-shape';
import { memo, useMemo, useState, type KeyboardEvent, type PointerEvent } from 'react';
import type { DayString, Encounter } from '../../../../shared/domain/entities';
import { CONTEXT_LABELS } from '../../../../shared/domain/kinds';
import { dayToDate, monthLabel, peopleWord, quarterLabel } from './calendar';
import {
  networkComposition,
  stackComposition,
  type CompositionPeriod,
  type NetworkComposition,
} from './composition';
import { useCompositionIndex } from './useCompositionIndex';
import './views.css';
import './charts.css';

interface Props {
  encounters: readonly Encounter[];
  ownerId: string;
  /** The last day shown (the chosen date, or today). */
  last: DayString;
  id?: string;
  /** Heading level: 3 when the view sits under a section heading. */
  level?: 2 | 3;
}

const WIDTH = 640;
const HEIGHT = 220;
const M = { top: 10, right: 12, bottom: 24, left: 34 };
const NOT_YET: NetworkComposition = { monthsPerPeriod: 1, periods: [], kinds: [] };

/**
 * "Who is my network made of over time": people in touch in the past year, stacked by the context
 * where they are mostly met. The legend reads out the period under the pointer (or the arrow keys),
 * the latest one by default; the same numbers are in a table for screen readers and keyboards.
 */
export const CompositionChart = memo(function CompositionChart({
  encounters,
  ownerId,
  last,
  id = 'network-composition',
  level = 2,
}: Props) {
  const Heading = level === 3 ? 'h3' : 'h2';
  const index = useCompositionIndex(encounters, ownerId);
  const composition = useMemo(() => (index ? networkComposition(index, last) : NOT_YET), [index, last]);

  const series = useMemo(() => stackComposition(composition), [composition]);
  const periods = composition.periods;
  const [picked, setPicked] = useState<number | null>(null);
  const current = picked !== null && picked < periods.length ? picked : periods.length - 1;

  const x = useMemo(
    () =>
      scaleUtc()
        .domain([dayToDate(periods[0]?.end ?? last), dayToDate(periods.at(-1)?.end ?? last)])
        .range([M.left, WIDTH - M.right]),
    [periods, last],
  );
  const y = useMemo(
    () =>
      scaleLinear()
        .domain([0, Math.max(1, ...periods.map((p) => p.total))])
        .nice()
        .range([HEIGHT - M.bottom, M.top]),
    [periods],
  );
  const shape = useMemo(
    () =>
      area<SeriesPoint<CompositionPeriod>>()
        .x((d) => x(dayToDate(d.data.end)))
        .y0((d) => y(d[0]))
        .y1((d) => y(d[1]))
        .curve(curveMonotoneX),
    [x, y],
  );

  const title = (
    <Heading id={id} className="net-view__title">
      Who your network is made of
    </Heading>
  );
  if (index === null) {
    return (
      <section className="net-view" aria-labelledby={id}>
        {title}
        <p className="muted" aria-busy="true">
          Working out who your network is made of…
        </p>
      </section>
    );
  }
  if (periods.length === 0) {
    return (
      <section className="net-view" aria-labelledby={id}>
        {title}
        <p className="muted">Record encounters to see which settings your people come from over time.</p>
      </section>
    );
  }

  const period = periods[current]!;
  const unit = composition.monthsPerPeriod === 3 ? 'quarter' : 'month';
  const pick = (event: PointerEvent<SVGSVGElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    const px = ((event.clientX - box.left) / Math.max(1, box.width)) * WIDTH;
    const at = x.invert(px);
    const i = bisector((p: CompositionPeriod) => dayToDate(p.end)).center(periods, at);
    setPicked(i);
  };
  const step = (event: KeyboardEvent<SVGSVGElement>) => {
    const moves: Record<string, number> = { ArrowLeft: -1, ArrowRight: 1 };
    if (event.key === 'Home') setPicked(0);
    else if (event.key === 'End') setPicked(periods.length - 1);
    else if (moves[event.key]) {
      setPicked(Math.min(periods.length - 1, Math.max(0, current + moves[event.key]!)));
    } else return;
    event.preventDefault();
  };
  const hoverX = x(dayToDate(period.end));

  return (
    <section className="net-view" aria-labelledby={id}>
      {title}
      <p className="net-view__summary">
        People you were in touch with in the year before each {unit}, by the setting where you mostly meet
        them.
      </p>
      <div className="composition">
        <svg
          className="composition__chart"
          viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
          role="img"
          aria-label={`Stacked area chart, ${monthLabel(periods[0]!.start)} to ${monthLabel(period.start)}; use the arrow keys to read a ${unit}.`}
          aria-describedby={`${id}-legend`}
          tabIndex={0}
          onPointerMove={pick}
          onPointerLeave={() => setPicked(null)}
          onKeyDown={step}
        >
          <g className="chart-axis" aria-hidden="true">
            {y.ticks(4).map((t) => (
              <g key={t} transform={`translate(0, ${y(t)})`}>
                <line x1={M.left} x2={WIDTH - M.right} className="chart-grid" />
                <text x={M.left - 6} dy="0.32em" textAnchor="end">
                  {t}
                </text>
              </g>
            ))}
            {x.ticks(6).map((t) => (
              <text key={t.getTime()} x={x(t)} y={HEIGHT - 6} textAnchor="middle">
                {x.tickFormat(6)(t)}
              </text>
            ))}
          </g>
          {series.map((s) => (
            <path key={s.key} className={`composition__layer ctx-${s.key}`} d={shape(s) ?? ''} />
          ))}
          <line className="chart-rule" x1={hoverX} x2={hoverX} y1={M.top} y2={HEIGHT - M.bottom} />
        </svg>
        <div id={`${id}-legend`} className="composition__legend" aria-live="polite">
          <p className="composition__period">
            <strong>{periodLabel(period, composition.monthsPerPeriod)}</strong>: {peopleWord(period.total)}
          </p>
          <ul className="legend">
            {[...composition.kinds].reverse().map((kind) => (
              <li key={kind} className="legend__item">
                <span className={`legend__swatch ctx-${kind}`} aria-hidden="true" />
                <span className="legend__label">{CONTEXT_LABELS[kind]}</span>
                <span className="legend__value">{period.counts[kind]}</span>
              </li>
            ))}
          </ul>
        </div>
      </div>
      <details className="net-view__table">
        <summary>Show as a table</summary>
        <table>
          <caption className="visually-hidden">People in touch by setting, per {unit}</caption>
          <thead>
            <tr>
              <th scope="col">{unit === 'quarter' ? 'Quarter' : 'Month'}</th>
              {composition.kinds.map((k) => (
                <th key={k} scope="col">
                  {CONTEXT_LABELS[k]}
                </th>
              ))}
              <th scope="col">Total</th>
            </tr>
          </thead>
          <tbody>
            {periods.map((p) => (
              <tr key={p.start}>
                <th scope="row">{periodLabel(p, composition.monthsPerPeriod)}</th>
                {composition.kinds.map((k) => (
                  <td key={k}>{p.counts[k]}</td>
                ))}
                <td>{p.total}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
});

function periodLabel(p: CompositionPeriod, months: number): string {
  return months === 1 ? monthLabel(p.start) : quarterLabel(p.start);
}
