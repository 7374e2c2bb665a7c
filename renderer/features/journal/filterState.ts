import { useState } from 'react';
import type { JournalFilter } from '../../../shared/db';

/** Filters survive going to a person's page and back, for as long as the window is open. */
let remembered: JournalFilter = {};

export function useJournalFilter(): [JournalFilter, (next: JournalFilter) => void] {
  const [filter, setFilter] = useState<JournalFilter>(remembered);
  const update = (next: JournalFilter) => {
    remembered = next;
    setFilter(next);
  };
  return [filter, update];
}

export function isFiltering(filter: JournalFilter): boolean {
  return Boolean(
    filter.contexts?.length ||
    filter.channels?.length ||
    filter.personId ||
    filter.communityId ||
    filter.tag?.trim() ||
    filter.from ||
    filter.to,
  );
}
