import { memo, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { Link } from 'wouter';
import { paths } from '../../../app/paths';
import type { DayString } from '../../../../shared/domain/entities';
import { CONTEXT_KINDS, CONTEXT_LABELS, type ContextKind } from '../../../../shared/domain/kinds';
import type { DunbarLayer } from '../../../../shared/network';
import { strengthWord } from '../../../../shared/network/explain';
import { dayLabel, peopleWord } from './calendar';
import { layerContact, ringLayout, type RingDot } from './rings';
import './views.css';
import './rings.css';

interface Props {
  layers: readonly DunbarLayer[];
  nameOf(personId: string): string;
  /** Where the owner mostly meets them: colours the dots (and a legend) when given. */
  contextOf?: (personId: string) => ContextKind | undefined;
  /** The date the layers describe. */
  day: DayString;
  onOpen(personId: string): void;
  id?: string;
  /** Heading level: 3 when the view sits under a section heading. */
  level?: 2 | 3;
}

const SIZE = 440;
const RADIUS = SIZE / 2 - 8;

const pct = (x: number) => `${Math.round(x * 100)}%`;

/**
 * Dunbar's layers around the owner: each ring holds the people whose tie ranks in that layer,
 * strongest at twelve o'clock. One tab stop enters the rings; the arrow keys walk the people in
 * order of strength (Page Up/Down jump a ring), Enter opens a person. The same people are listed by
 * ring below the picture.
 */
export const DunbarRings = memo(function DunbarRings({
  layers,
  nameOf,
  contextOf,
  day,
  onOpen,
  id = 'dunbar-rings',
  level = 2,
}: Props) {
  const Heading = level === 3 ? 'h3' : 'h2';
  const SubHeading = level === 3 ? 'h4' : 'h3';
  const layout = useMemo(() => ringLayout(layers, { radius: RADIUS, centre: 22, spacing: 9 }), [layers]);
  const [active, setActive] = useState(0);
  const [shown, setShown] = useState<number | null>(null);
  const dotRefs = useRef<(SVGCircleElement | null)[]>([]);
  const dots = layout.dots;
  const total = dots.length;
  const tabStop = Math.min(active, Math.max(0, total - 1));

  const describe = (dot: RingDot) =>
    `${nameOf(dot.personId)}, ${layout.bands[dot.ring]?.name.toLowerCase()}, ${strengthWord(dot.strength).toLowerCase()} tie (${pct(dot.strength)})`;

  const focusDot = (i: number) => {
    const k = Math.min(total - 1, Math.max(0, i));
    setActive(k);
    setShown(k);
    dotRefs.current[k]?.focus();
  };
  const ringStart = (ring: number) => dots.findIndex((d) => d.ring === ring);
  const onKeyDown = (event: KeyboardEvent<SVGCircleElement>, i: number) => {
    const dot = dots[i]!;
    switch (event.key) {
      case 'ArrowRight':
      case 'ArrowDown':
        focusDot(i + 1);
        break;
      case 'ArrowLeft':
      case 'ArrowUp':
        focusDot(i - 1);
        break;
      case 'PageDown': {
        const next = dots.findIndex((d) => d.ring > dot.ring);
        if (next >= 0) focusDot(next);
        break;
      }
      case 'PageUp':
        if (dot.ring > 0) focusDot(ringStart(dots.findLast((d) => d.ring < dot.ring)?.ring ?? 0));
        break;
      case 'Home':
        focusDot(0);
        break;
      case 'End':
        focusDot(total - 1);
        break;
      case 'Enter':
      case ' ':
        onOpen(dot.personId);
        break;
      default:
        return;
    }
    event.preventDefault();
  };

  const summary = layout.bands
    .filter((b) => b.count > 0)
    .map((b) => `${b.count} in the ${b.name.toLowerCase()}`)
    .join(', ');
  const tip = shown !== null ? dots[shown] : undefined;

  return (
    <section className="net-view" aria-labelledby={id}>
      <Heading id={id} className="net-view__title">
        Dunbar rings
      </Heading>
      <p className="net-view__summary">
        {total === 0
          ? `Nobody met yet on ${dayLabel(day)}.`
          : `Your ${peopleWord(total)} on ${dayLabel(day)}, ranked by tie strength: ${summary}.`}
      </p>
      <div className="rings">
        <svg
          className="rings__chart"
          viewBox={`${-SIZE / 2} ${-SIZE / 2} ${SIZE} ${SIZE}`}
          role="group"
          aria-label={`Dunbar rings on ${dayLabel(day)}`}
          onPointerLeave={() => setShown(null)}
        >
          <g aria-hidden="true">
            {[...layout.bands].reverse().map((b) => (
              <circle
                key={b.size}
                className={`rings__band rings__band--${layout.bands.indexOf(b) % 2}`}
                r={b.outer}
              />
            ))}
            {layout.bands.map((b) => (
              <text key={b.size} className="rings__label" y={-b.outer + 11} textAnchor="middle">
                {b.size}
              </text>
            ))}
            <circle className="rings__owner" r={9} />
            <text className="rings__owner-label" dy="0.32em" textAnchor="middle">
              Me
            </text>
          </g>
          {dots.map((dot, i) => (
            <circle
              key={dot.personId}
              ref={(el) => {
                dotRefs.current[i] = el;
              }}
              role="link"
              aria-label={describe(dot)}
              tabIndex={i === tabStop ? 0 : -1}
              className={`rings__dot rings__dot--${dot.ring} ctx-${contextOf?.(dot.personId) ?? 'none'}${shown === i ? ' is-shown' : ''}`}
              cx={dot.x}
              cy={dot.y}
              r={dot.ring < 2 ? 5 : dot.ring < 3 ? 4 : 3}
              onPointerEnter={() => setShown(i)}
              onFocus={() => {
                setActive(i);
                setShown(i);
              }}
              onBlur={() => setShown(null)}
              onClick={() => onOpen(dot.personId)}
              onKeyDown={(e) => onKeyDown(e, i)}
            />
          ))}
          {tip && <RingTip x={tip.x} y={tip.y} name={nameOf(tip.personId)} strength={tip.strength} />}
        </svg>
        <div className="rings__side">
          {contextOf && <ContextLegend kinds={dots.map((d) => contextOf(d.personId))} />}
          <details className="rings__list" open={total <= 60}>
            <summary>People by ring</summary>
            {layout.bands.map((b, ring) => (
              <section key={b.size} aria-labelledby={`${id}-ring-${ring}`}>
                <SubHeading id={`${id}-ring-${ring}`} className="rings__list-title">
                  {b.name} ({b.count} of up to {b.size - (layers[ring - 1]?.size ?? 0)})
                  <span className="muted"> · {layerContact(b.size)}</span>
                </SubHeading>
                {b.count > 0 ? (
                  <ol className="rings__names">
                    {layers[ring]!.people.map((p) => (
                      <li key={p.personId}>
                        <Link href={paths.person(p.personId)}>{nameOf(p.personId)}</Link>{' '}
                        <span className="muted">{pct(p.strength)}</span>
                      </li>
                    ))}
                  </ol>
                ) : (
                  <p className="muted">Nobody in this ring.</p>
                )}
              </section>
            ))}
          </details>
        </div>
      </div>
    </section>
  );
});

function RingTip({ x, y, name, strength }: { x: number; y: number; name: string; strength: number }) {
  const text = `${name} · ${pct(strength)}`;
  const width = Math.max(40, text.length * 6.6 + 12);
  const left = Math.min(SIZE / 2 - width - 2, Math.max(-SIZE / 2 + 2, x - width / 2));
  const top = y < -SIZE / 2 + 34 ? y + 10 : y - 30;
  return (
    <g className="rings__tip" aria-hidden="true" pointerEvents="none">
      <rect x={left} y={top} width={width} height={22} rx={4} />
      <text x={left + width / 2} y={top + 15} textAnchor="middle">
        {text}
      </text>
    </g>
  );
}

/** Which colour is which setting, with how many people of the rings it holds. */
function ContextLegend({ kinds }: { kinds: (ContextKind | undefined)[] }) {
  const counts = new Map<ContextKind, number>();
  for (const k of kinds) if (k) counts.set(k, (counts.get(k) ?? 0) + 1);
  if (counts.size === 0) return null;
  return (
    <div>
      <p className="net-view__note">Colour: where you mostly meet them</p>
      <ul className="legend legend--inline" aria-label="Where you mostly meet the people in the rings">
        {CONTEXT_KINDS.filter((k) => counts.has(k)).map((k) => (
          <li key={k} className="legend__item">
            <span className={`legend__swatch ctx-${k}`} aria-hidden="true" />
            <span className="legend__label">{CONTEXT_LABELS[k]}</span>
            <span className="legend__value">{counts.get(k)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
