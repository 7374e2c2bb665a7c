import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useLocation } from 'wouter';
import { CONTEXT_LABELS } from '../../../shared/domain/kinds';
import { paths } from '../../app/paths';
import { Dialog } from '../../ui';
import { formatDayShort, useEncounterDialogs } from '../encounters';
import type { SwitcherEntry, SwitcherIndex, SwitcherKind } from './searchIndex';
import { useSwitcherIndex } from './useSwitcherIndex';
import './switcher.css';

export interface QuickSwitcherProps {
  open: boolean;
  onClose(): void;
}

const KIND_LABELS: Record<SwitcherKind, string> = {
  person: 'Person',
  community: 'Community',
  encounter: 'Encounter',
};

/** What an option is called, for eyes and for screen readers ("Person: Ana Lopez"). */
export function entryTitle(entry: SwitcherEntry): string {
  if (entry.kind !== 'encounter') return entry.name;
  const what = entry.name || (entry.context ? CONTEXT_LABELS[entry.context] : 'Encounter');
  return `${what}, ${formatDayShort(entry.date)}`;
}

/**
 * Ctrl/Cmd+K: jump to a person, community or encounter by typing. Always mounted, so the search
 * index survives between uses; the dialog itself mounts fresh (empty query) each time it opens.
 */
export function QuickSwitcher({ open, onClose }: QuickSwitcherProps) {
  const state = useSwitcherIndex(open);
  if (!open) return null;
  return (
    <SwitcherDialog index={state.index} version={state.version} building={state.building} onClose={onClose} />
  );
}

function SwitcherDialog({
  index,
  version,
  building,
  onClose,
}: {
  index: SwitcherIndex;
  version: number;
  building: boolean;
  onClose(): void;
}) {
  const id = useId();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const inputRef = useRef<HTMLInputElement>(null);
  // showModal() focuses the dialog's first control (its close button) during layout; typing
  // belongs in the search box, so take focus after that.
  useEffect(() => inputRef.current?.focus(), []);
  const [, navigate] = useLocation();
  const { openEncounter } = useEncounterDialogs();
  // `version` is the index's state: results are recomputed when it catches up with an edit.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const hits = useMemo(() => index.search(query), [index, query, version]);
  const activeIndex = Math.min(active, Math.max(hits.length - 1, 0));

  const go = (entry: SwitcherEntry) => {
    onClose();
    if (entry.kind === 'person') navigate(paths.person(entry.id));
    else if (entry.kind === 'community') navigate(paths.community(entry.id));
    else openEncounter(entry.id);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (hits.length === 0) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const delta = event.key === 'ArrowDown' ? 1 : -1;
      setActive((activeIndex + delta + hits.length) % hits.length);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const hit = hits[activeIndex];
      if (hit) go(hit.entry);
    }
  };

  const status = !query.trim()
    ? 'Type a name, an organisation, an e-mail, a place or a day (2026-11).'
    : hits.length === 0
      ? building
        ? 'Still indexing your journal…'
        : `Nothing matches “${query.trim()}”.`
      : `${hits.length} ${hits.length === 1 ? 'result' : 'results'}`;

  return (
    <Dialog open onClose={onClose} title="Go to…" className="switcher" size="md">
      <input
        className="input switcher__input"
        role="combobox"
        aria-label="Search people, communities and encounters"
        aria-expanded={hits.length > 0}
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={hits.length > 0 ? `${id}-opt-${activeIndex}` : undefined}
        autoComplete="off"
        spellCheck={false}
        ref={inputRef}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      <p className="switcher__status muted" role="status">
        {status}
      </p>
      <ul id={`${id}-list`} role="listbox" aria-label="Results" className="switcher__list">
        {hits.map(({ entry }, i) => (
          <li
            key={entry.key}
            id={`${id}-opt-${i}`}
            role="option"
            aria-selected={i === activeIndex}
            aria-label={`${KIND_LABELS[entry.kind]}: ${entryTitle(entry)}`}
            className="switcher__option"
            onMouseDown={(e) => e.preventDefault()}
            onMouseEnter={() => setActive(i)}
            onClick={() => go(entry)}
          >
            <span className={`switcher__kind switcher__kind--${entry.kind}`}>{KIND_LABELS[entry.kind]}</span>
            <span className="switcher__name">{entryTitle(entry)}</span>
            {entry.detail && <span className="switcher__detail muted">{entry.detail}</span>}
          </li>
        ))}
      </ul>
    </Dialog>
  );
}
