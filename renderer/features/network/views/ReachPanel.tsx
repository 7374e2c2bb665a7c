import { memo, useCallback, useDeferredValue, useEffect, useMemo, useState } from 'react';
import type { Person } from '../../../../shared/domain/entities';
import type { IntroductionPath } from '../../../../shared/network';
import type { MapHighlight, NetworkModel, NodeView } from '../model';
import { usePeople } from '../../../db';
import { Button, Combobox, type ComboboxOption } from '../../../ui';
import { useNetworkAnalysis } from '../model';
import { dayLabel } from './calendar';
import { chainSummary, IntroductionChain } from './IntroductionChain';
import { useWantToReach } from './useWantToReach';
import './views.css';
import './reach.css';

type PathState =
  | { status: 'loading' }
  | { status: 'done'; chain: IntroductionPath | null }
  | { status: 'error'; message: string };

/** Targets shown (and asked about) at first: each one is a request to the worker and an update. */
const PAGE = 20;

const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();

/**
 * Six degrees: the people the owner wants to reach, each with the strongest chain of introductions
 * to them on the chosen date, and "How can I reach…?" for anyone else. "Show on map" draws the chain
 * over the map through the model's highlight.
 */
export function ReachPanel({ id = 'reach' }: { id?: string }) {
  // Deferred: a new analysis re-renders this in interruptible slices, not in the slider's task.
  const model = useDeferredValue(useNetworkAnalysis());
  const people = usePeople();
  const setWantToReach = useWantToReach();
  const [query, setQuery] = useState('');
  const [asked, setAsked] = useState<string | null>(null);
  const [limit, setLimit] = useState(PAGE);
  const byId = useMemo(() => new Map((people ?? []).map((p) => [p.id, p])), [people]);
  const nameOf = useCallback(
    (personId: string) => byId.get(personId)?.name ?? 'someone no longer in your journal',
    [byId],
  );
  const onWant = useCallback(
    (person: Person, want: boolean) => {
      setWantToReach(person, want);
      if (!want) setAsked((a) => (a === person.id ? null : a));
    },
    [setWantToReach],
  );
  const onDismiss = useCallback(() => setAsked(null), []);

  const targets = useMemo(() => {
    const flagged = (people ?? []).filter((p) => p.wantToReach && !p.isOwner);
    const extra = asked && !flagged.some((p) => p.id === asked) ? byId.get(asked) : undefined;
    return extra ? [extra, ...flagged] : flagged;
  }, [people, asked, byId]);

  const options: ComboboxOption[] = useMemo(() => {
    const q = fold(query.trim());
    if (!q) return [];
    return (people ?? [])
      .filter((p) => !p.isOwner && !p.archived && fold(p.name).includes(q))
      .slice(0, 8)
      .map((p) => ({ id: p.id, label: p.name, detail: p.organisation || undefined }));
  }, [people, query]);

  const day = model.analysedDay ?? model.day;
  const { requestPath, setHighlight, highlight, nodes, ownerId } = model;
  const highlighted = highlight.path?.at(-1) ?? null;
  const shownTargets = targets.slice(0, limit);
  return (
    <section className="net-view card" aria-labelledby={id}>
      <h2 id={id} className="net-view__title">
        How can I reach someone?
      </h2>
      <p className="net-view__summary">
        The strongest chain of introductions on {dayLabel(day)}: the ties along it multiply, so one strong
        chain beats a short weak one.
      </p>
      <Combobox
        label="How can I reach…"
        query={query}
        onQueryChange={setQuery}
        options={options}
        onPick={(o) => setAsked(o.id)}
        placeholder="Type a name"
      />
      {targets.length === 0 ? (
        <p className="muted">
          Nobody marked yet. Tick “I want to reach …” on a person’s page, or type a name above.
        </p>
      ) : (
        <ul className="reach__targets list" aria-label="People to reach">
          {shownTargets.map((p) => (
            <ReachTarget
              key={p.id}
              person={p}
              day={day}
              nodes={nodes}
              ownerId={ownerId}
              onMap={highlighted === p.id}
              requestPath={requestPath}
              setHighlight={setHighlight}
              nameOf={nameOf}
              onWant={onWant}
              onDismiss={p.wantToReach ? undefined : onDismiss}
            />
          ))}
        </ul>
      )}
      {targets.length > shownTargets.length && (
        <Button size="sm" onClick={() => setLimit(Infinity)}>
          Show all {targets.length} people to reach
        </Button>
      )}
    </section>
  );
}

interface TargetProps {
  person: Person;
  day: string;
  /** Changes with every analysis of the journal, which is when a chain can change. */
  nodes: readonly NodeView[];
  ownerId: string | null;
  /** Whether the map's highlighted chain ends at this person. */
  onMap: boolean;
  requestPath: NetworkModel['requestPath'];
  setHighlight(highlight: Partial<MapHighlight>): void;
  nameOf(id: string): string;
  onWant(person: Person, want: boolean): void;
  onDismiss: (() => void) | undefined;
}

/**
 * Props only, no model hook: memoised, so a change elsewhere in the model (or another target's
 * answer) does not re-render every target.
 */
const ReachTarget = memo(function ReachTarget({
  person,
  day,
  nodes,
  ownerId,
  onMap,
  requestPath,
  setHighlight,
  nameOf,
  onWant,
  onDismiss,
}: TargetProps) {
  const [state, setState] = useState<PathState>({ status: 'loading' });

  useEffect(() => {
    // The previous chain stays on screen while a newer date or journal is asked about: no flicker.
    let live = true;
    requestPath(person.id, day).then(
      (chain) => live && setState({ status: 'done', chain }),
      (error: unknown) =>
        live &&
        setState({ status: 'error', message: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      live = false;
    };
  }, [requestPath, person.id, day, nodes]);

  const chain = state.status === 'done' ? state.chain : null;
  const shown = chain !== null && onMap;
  return (
    <li className="reach__target">
      <div className="reach__target-head">
        <strong>{person.name}</strong>
        <span className="row">
          {chain && (
            <Button
              size="sm"
              aria-pressed={shown}
              onClick={() => {
                if (shown) return setHighlight({ path: null, focus: null });
                setHighlight({ path: chain.people, focus: person.id });
                revealMap();
              }}
            >
              {shown ? 'Hide on map' : 'Show on map'}
            </Button>
          )}
          {person.wantToReach ? (
            <Button
              size="sm"
              variant="ghost"
              aria-label={`Remove ${person.name} from people to reach`}
              onClick={() => onWant(person, false)}
            >
              Remove
            </Button>
          ) : (
            <>
              <Button
                size="sm"
                aria-label={`Want to reach ${person.name}`}
                onClick={() => onWant(person, true)}
              >
                Want to reach
              </Button>
              {onDismiss && (
                <Button size="sm" variant="ghost" onClick={onDismiss}>
                  Close
                </Button>
              )}
            </>
          )}
        </span>
      </div>
      {state.status === 'loading' && <p className="muted">Looking for a chain…</p>}
      {state.status === 'error' && <p role="alert">{state.message}</p>}
      {state.status === 'done' &&
        (chain && ownerId ? (
          <>
            <p className="net-view__summary">{chainSummary(chain, nameOf)}</p>
            <IntroductionChain chain={chain} ownerId={ownerId} nameOf={nameOf} targetName={person.name} />
          </>
        ) : (
          <p className="muted">
            No chain of ties reaches {person.name} on {dayLabel(day)}. Record an encounter where they were
            with someone you know, or add a tie on their page.
          </p>
        ))}
    </li>
  );
});

/** The panel sits below the map: bring the map into view so the highlighted chain is seen. */
function revealMap(): void {
  // The map's canvas is named "Network map, N people" (see network-api.md).
  const map = document.querySelector<HTMLElement>('[role="img"][aria-label^="Network map"]');
  map?.scrollIntoView?.({ block: 'nearest' });
}
