import { useCallback, useEffect, useRef, useState } from 'react';
import { dayNumber, dayString } from '../../../../shared/network/days';

/** A replay of the whole range takes about this long, whatever its length. */
const REPLAY_SECONDS = 24;

/**
 * Play / pause for the time slider: advances the date every animation frame (a whole number of
 * days, at least one) and stops at the end. Playing from the end starts again at the beginning.
 * `range` may be any stretch of the journal ("what changed" plays its span), in `seconds`.
 */
export function usePlayback(
  range: { first: string; last: string } | null,
  day: string,
  setDay: (day: string) => void,
  seconds = REPLAY_SECONDS,
): { playing: boolean; toggle(): void; stop(): void } {
  const [playing, setPlaying] = useState(false);
  const dayRef = useRef(day);
  useEffect(() => {
    dayRef.current = day;
  }, [day]);

  useEffect(() => {
    if (!playing || !range) return;
    const first = dayNumber(range.first);
    const last = dayNumber(range.last);
    const perMs = Math.max(1, last - first) / (seconds * 1000);
    let position = Math.max(first, Math.min(last, dayNumber(dayRef.current)));
    if (position >= last) position = first;
    let previous = performance.now();
    let request = requestAnimationFrame(function step(now) {
      position = Math.min(last, position + Math.max(1, (now - previous) * perMs));
      previous = now;
      setDay(dayString(Math.round(position)));
      if (position >= last) setPlaying(false);
      else request = requestAnimationFrame(step);
    });
    return () => cancelAnimationFrame(request);
  }, [playing, range, setDay, seconds]);

  const toggle = useCallback(() => setPlaying((p) => !p), []);
  const stop = useCallback(() => setPlaying(false), []);
  return { playing, toggle, stop };
}
