import { useMemo } from 'react';
import type { Community, Person } from '../../shared/domain/entities';
import { useCommunities, usePeople } from './collections';

/** People by id (empty while loading): for resolving participant ids to names. */
export function usePeopleById(): Map<string, Person> {
  const people = usePeople();
  return useMemo(() => new Map((people ?? []).map((p) => [p.id, p])), [people]);
}

export function useCommunitiesById(): Map<string, Community> {
  const communities = useCommunities();
  return useMemo(() => new Map((communities ?? []).map((c) => [c.id, c])), [communities]);
}
