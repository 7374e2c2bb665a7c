import type { DayString, Person } from '../../../shared/domain/entities';

export type PeopleSort = 'name' | 'last-encounter';

export interface PeopleQuery {
  text: string;
  sort: PeopleSort;
  showArchived: boolean;
}

/** Lower-case without accents, so "jose" finds "José". */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

function haystack(p: Person): string {
  return fold([p.name, ...p.aliases, p.organisation, p.role, ...p.emails, ...p.tags].join('\n'));
}

const haystacks = new WeakMap<Person, string>();

/**
 * The people list as shown: every word typed must appear in the name, an alias, the organisation,
 * role, an e-mail or a tag. Sorting by last encounter puts the most recently met first and people
 * never met last (by name).
 */
export function listPeople(
  people: readonly Person[],
  query: PeopleQuery,
  lastMet: ReadonlyMap<string, DayString>,
): Person[] {
  const words = fold(query.text).split(/\s+/).filter(Boolean);
  const shown = people.filter((p) => {
    if (p.archived && !query.showArchived) return false;
    if (words.length === 0) return true;
    let text = haystacks.get(p);
    if (text === undefined) {
      text = haystack(p);
      haystacks.set(p, text);
    }
    return words.every((w) => text.includes(w));
  });
  const byName = (a: Person, b: Person) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' });
  if (query.sort === 'name') return shown.sort(byName);
  return shown.sort((a, b) => {
    const da = lastMet.get(a.id) ?? '';
    const db = lastMet.get(b.id) ?? '';
    return da === db ? byName(a, b) : da < db ? 1 : -1;
  });
}
