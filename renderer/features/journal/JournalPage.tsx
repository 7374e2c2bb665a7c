import { useDeferredValue, useMemo } from 'react';
import { matchesFilter } from '../../../shared/db';
import { useCommunities, useCommunitiesById, usePeople } from '../../db';
import { Button, EmptyState, FilterIcon, PlusIcon, ViewBoundary } from '../../ui';
import { useEncounterDialogs } from '../encounters';
import { JournalWelcome } from '../welcome';
import { isFiltering, useJournalFilter } from './filterState';
import { JournalFilters } from './JournalFilters';
import { JournalList } from './JournalList';
import { groupByDay } from './journalItems';
import { useJournalEncounters } from './useJournalEncounters';
import './journal.css';

export function JournalPage() {
  const { encounters, complete } = useJournalEncounters();
  const people = usePeople();
  const communities = useCommunities();
  const communitiesById = useCommunitiesById();
  const { newEncounter } = useEncounterDialogs();
  const [filter, setFilter] = useJournalFilter();
  // Typing in a filter stays responsive while a large journal is re-filtered behind it.
  const deferredFilter = useDeferredValue(filter);

  const peopleById = useMemo(() => new Map((people ?? []).map((p) => [p.id, p])), [people]);
  const filtered = useMemo(() => {
    if (!encounters) return undefined;
    if (!isFiltering(deferredFilter)) return encounters;
    return encounters.filter((e) => matchesFilter(e, deferredFilter, peopleById));
  }, [encounters, deferredFilter, peopleById]);
  const items = useMemo(() => groupByDay(filtered ?? []), [filtered]);

  if (complete && encounters?.length === 0) {
    return (
      <div className="page">
        <JournalWelcome />
      </div>
    );
  }

  const total = encounters?.length ?? 0;
  const shown = filtered?.length ?? 0;
  const filtering = isFiltering(filter);

  return (
    <div className="page page--fill journal">
      <header className="page__header">
        <div>
          <h1 className="page__title">Journal</h1>
          <p className="page__subtitle" aria-live="polite">
            {!encounters
              ? 'Loading…'
              : !complete
                ? 'Loading the whole journal…'
                : filtering
                  ? `${shown} of ${total} encounters match`
                  : `${total} ${total === 1 ? 'encounter' : 'encounters'}`}
          </p>
        </div>
        <Button variant="primary" onClick={() => newEncounter()}>
          <PlusIcon />
          Record an encounter
        </Button>
      </header>
      <ViewBoundary what="the journal's filters">
        <JournalFilters
          filter={filter}
          onChange={setFilter}
          people={people ?? []}
          communities={communities ?? []}
        />
      </ViewBoundary>
      {filtered && filtered.length === 0 && filtering && complete ? (
        <EmptyState
          title="No encounters match these filters"
          icon={<FilterIcon />}
          actions={
            <Button variant="primary" onClick={() => setFilter({})}>
              Clear filters
            </Button>
          }
        >
          <p>Try a wider date range, or another person, community or tag.</p>
        </EmptyState>
      ) : (
        <JournalList
          items={items}
          peopleById={peopleById}
          communitiesById={communitiesById}
          busy={!complete}
        />
      )}
    </div>
  );
}
