import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { DayString } from '../../../../shared/domain/entities';
import { changeSummary, spanLabel, type NetworkChanges } from '../../../../shared/network';
import { Button, DateField, Select } from '../../../ui';
import { usePlayback } from '../map/usePlayback';
import { useNetworkModel, type NetworkModel } from '../model';
import { changeMarks, type ChangeMark } from './changeMarks';
import { ChangeTables } from './ChangeTables';
import { journalYears, LAST_12_MONTHS, spanDays, spanOf, type SpanChoice } from './spanChoice';
import { useWhatChanged } from './useWhatChanged';
import './changes.css';

/** Play runs through the span this fast, whatever its length: a year at about a month a second. */
const PLAY_SECONDS = 12;

interface Props {
  model: Pick<NetworkModel, 'status' | 'structure' | 'range' | 'today' | 'setDay'>;
  /** The people to mark on the map (null: the map shows its usual colours). */
  onMarks(marks: ReadonlyMap<string, ChangeMark> | null): void;
}

/**
 * "What changed": pick the last 12 months, a year or two dates and see who was met, which ties
 * faded or grew, and which communities were joined or left, in a sentence and in tables; the map
 * can mark the same people, and Play runs the map's date through the span.
 */
export function WhatChangedPanel({ model, onMarks }: Props) {
  const headingId = useId();
  const [choice, setChoice] = useState<SpanChoice>(LAST_12_MONTHS);
  const [showOnMap, setShowOnMap] = useState(false);
  const years = useMemo(() => journalYears(model.range, model.today), [model.range, model.today]);
  const picked = spanOf(choice, model.today);
  const span = 'span' in picked ? spanDays(picked.span) : null;
  const label = 'span' in picked ? spanLabel(picked.span) : '';
  const result = useWhatChanged(model, span);
  const changes = result.status === 'error' ? null : result.changes;

  useEffect(() => {
    onMarks(showOnMap && changes ? changeMarks(changes) : null);
  }, [showOnMap, changes, onMarks]);
  useEffect(() => () => onMarks(null), [onMarks]);
  // The marks describe the span's end: the map goes there when they are shown, and when the span
  // changes while they are (not when Play shows them: Play runs the date through the span itself).
  const { setDay } = model;
  const end = span?.to;
  const shownRef = useRef(showOnMap);
  useEffect(() => {
    shownRef.current = showOnMap;
  }, [showOnMap]);
  useEffect(() => {
    if (shownRef.current && end) setDay(end);
  }, [end, setDay]);
  const toggleMap = () => {
    if (!showOnMap && end) setDay(end);
    setShowOnMap(!showOnMap);
  };

  const options = [
    { value: 'last-12-months', label: 'Last 12 months' },
    ...years.map((y) => ({ value: `year-${y}`, label: String(y) })),
    { value: 'dates', label: 'Two dates…' },
  ];
  const value = choice.kind === 'year' ? `year-${choice.year}` : choice.kind;
  const choose = (next: string) => {
    if (next === 'last-12-months') setChoice(LAST_12_MONTHS);
    else if (next.startsWith('year-')) setChoice({ kind: 'year', year: Number(next.slice(5)) });
    else if (span) setChoice({ kind: 'dates', from: span.from, to: span.to });
  };

  return (
    <section className="network-section changes" aria-labelledby={headingId}>
      <h2 id={headingId} className="network-section__title">
        What changed
      </h2>
      <div className="changes__controls">
        <Select
          label="Compare"
          options={options}
          value={value}
          onChange={(e) => choose(e.currentTarget.value)}
        />
        {choice.kind === 'dates' && (
          <>
            <DateField
              label="From"
              value={choice.from}
              onValueChange={(from) => setChoice({ ...choice, from: from as DayString })}
            />
            <DateField
              label="To"
              value={choice.to}
              onValueChange={(to) => setChoice({ ...choice, to: to as DayString })}
              error={'problem' in picked ? picked.problem : undefined}
            />
          </>
        )}
        <Button size="sm" aria-pressed={showOnMap} onClick={toggleMap} disabled={!span}>
          Show on the map
        </Button>
        {span && <PlaySpan from={span.from} to={span.to} onStart={() => setShowOnMap(true)} />}
      </div>
      <ChangeStory result={result} changes={changes} label={label} />
    </section>
  );
}

function ChangeStory({
  result,
  changes,
  label,
}: {
  result: ReturnType<typeof useWhatChanged>;
  changes: NetworkChanges | null;
  label: string;
}) {
  if (result.status === 'error') {
    return (
      <p role="alert" className="network-error">
        What changed could not be worked out: {result.error}
      </p>
    );
  }
  // One live region, present from the first render, so a screen reader hears the new sentence
  // whenever the span changes (a region that appears with its text is often not announced).
  return (
    <div aria-busy={result.status === 'loading' || !changes || undefined}>
      <p className={changes ? 'changes__summary' : 'changes__summary muted'} role="status">
        {changes ? changeSummary(changes, label) : 'Working out what changed…'}
      </p>
      {changes && (
        <>
          <ChangeCounts changes={changes} />
          <ChangeTables changes={changes} />
        </>
      )}
    </div>
  );
}

/** The counts at a glance, coloured like the map's marks. */
export function ChangeCounts({ changes }: { changes: NetworkChanges }) {
  const counts: [string, number, string][] = [
    ['new people', changes.met.length, 'met'],
    ['ties faded', changes.faded.length, 'faded'],
    ['ties grew stronger', changes.grew.length, 'grew'],
    ['communities joined', changes.joined.length, 'joined'],
    ['communities left', changes.left.length, 'left'],
  ];
  return (
    <ul className="changes__counts" aria-label="Counts">
      {counts.map(([what, n, kind]) => (
        <li key={what} className={`changes__count changes__count--${kind}`}>
          <strong>{n.toLocaleString()}</strong> {what}
        </li>
      ))}
    </ul>
  );
}

/**
 * Play for the span: runs the map's date from its start to its end (the map shows people arriving
 * as they are met and ties thinning as they fade). Subscribes to the live date on its own, so only
 * this button re-renders at every step.
 */
function PlaySpan({ from, to, onStart }: { from: DayString; to: DayString; onStart(): void }) {
  const live = useNetworkModel();
  const range = useMemo(() => ({ first: from, last: to }), [from, to]);
  const playback = usePlayback(range, live.day, live.setDay, PLAY_SECONDS);
  return (
    <Button
      size="sm"
      onClick={() => {
        if (!playback.playing) onStart();
        playback.toggle();
      }}
    >
      {playback.playing ? 'Pause' : 'Play the change'}
    </Button>
  );
}
