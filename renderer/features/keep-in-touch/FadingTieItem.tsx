import { Link } from 'wouter';
import type { FadingTie } from '../../../shared/network';
import { paths } from '../../app/paths';
import { Button } from '../../ui';
import { formatDayShort } from '../encounters';

interface Props {
  tie: FadingTie;
  onRecord(personId: string): void;
}

const points = (x: number) => Math.round(x * 100);
const pointsWord = (n: number) => `${n} ${n === 1 ? 'point' : 'points'}`;

/** One fading tie: who, why it is listed, and the one thing to do about it. */
export function FadingTieItem({ tie, onRecord }: Props) {
  const headingId = `fading-${tie.personId}`;
  return (
    <li className="fading" aria-labelledby={headingId}>
      <div className="fading__main">
        <h2 id={headingId} className="fading__name">
          <Link href={paths.person(tie.personId)}>{tie.name}</Link>
          {tie.bridge && <span className="badge fading__bridge">Bridge</span>}
          {tie.reasons.includes('cadence') && <span className="badge">Cadence</span>}
        </h2>
        <p className="fading__why">{tie.why}</p>
        <p className="fading__facts muted">
          Last contact {formatDayShort(tie.lastContact)} · strength {points(tie.strengthNow)}%
          {tie.strengthLost >= 0.005 && `, down ${pointsWord(points(tie.strengthLost))} since then`}
        </p>
      </div>
      <Button
        variant="primary"
        size="sm"
        aria-label={`Record encounter with ${tie.name}`}
        onClick={() => onRecord(tie.personId)}
      >
        Record encounter
      </Button>
    </li>
  );
}
