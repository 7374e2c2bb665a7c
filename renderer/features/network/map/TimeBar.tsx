import type { KeyboardEvent } from 'react';
import { dayNumber, dayString } from '../../../../shared/network/days';
import { Button } from '../../../ui';
import { formatDayLong, formatDayShort } from '../../encounters';

interface Props {
  range: { first: string; last: string };
  day: string;
  onDay(day: string): void;
  playing: boolean;
  onTogglePlay(): void;
  onUserMove(): void;
}

const MONTH = 30;

/** The date slider and Play: replays the network from the first encounter to today. */
export function TimeBar({ range, day, onDay, playing, onTogglePlay, onUserMove }: Props) {
  const first = dayNumber(range.first);
  const last = dayNumber(range.last);
  const value = Math.max(first, Math.min(last, dayNumber(day)));
  const move = (to: number) => {
    onUserMove();
    onDay(dayString(Math.max(first, Math.min(last, to))));
  };
  // Native range inputs step a tenth of the range on PageUp/PageDown; a month reads better for dates.
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'PageUp' && event.key !== 'PageDown') return;
    event.preventDefault();
    move(value + (event.key === 'PageUp' ? MONTH : -MONTH));
  };
  return (
    <div className="network-time">
      <Button size="sm" onClick={onTogglePlay} className="network-time__play">
        {playing ? <PauseIcon /> : <PlayIcon />}
        {playing ? 'Pause' : 'Play'}
      </Button>
      <span className="network-time__edge muted" aria-hidden="true">
        {formatDayShort(range.first)}
      </span>
      <input
        type="range"
        className="network-time__slider"
        aria-label="Date"
        aria-valuetext={formatDayLong(dayString(value))}
        min={first}
        max={last}
        step={1}
        value={value}
        onChange={(e) => move(Number(e.currentTarget.value))}
        onKeyDown={onKeyDown}
      />
      <span className="network-time__edge muted" aria-hidden="true">
        {formatDayShort(range.last)}
      </span>
      <output className="network-time__day" aria-live="off">
        {formatDayShort(dayString(value))}
      </output>
    </div>
  );
}

const PlayIcon = () => (
  <svg width="14" height="14" viewBox="0 0 24 24" fill="currentColor" aria-hidden="true">
    <path d="M7 4.5v15l13-7.5z" />
  </svg>
);
const PauseIcon = () => (
  <svg width="14" height="14" viewBox="0 0 24 24" fill="currentColor" aria-hidden="true">
    <path d="M6 4h4v16H6zM14 4h4v16h-4z" />
  </svg>
);
