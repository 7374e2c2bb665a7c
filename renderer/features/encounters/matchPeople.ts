import type { Person } from '../../../shared/domain/entities';

/** Case- and accent-insensitive: "jose" finds "José". */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
}

export interface PersonMatch {
  person: Person;
  /** The alias that matched, when the name itself did not. */
  alias?: string;
}

/**
 * People whose name or an alias contains the query; names that start with it (or with a word that
 * does) come first. The owner and archived people are never offered as participants.
 */
export function matchPeople(
  people: readonly Person[],
  query: string,
  exclude: ReadonlySet<string>,
  limit = 8,
) {
  const q = fold(query.trim());
  if (!q) return [];
  const scored: { match: PersonMatch; score: number }[] = [];
  for (const person of people) {
    if (person.isOwner || person.archived || exclude.has(person.id)) continue;
    const name = fold(person.name);
    if (name.includes(q)) {
      scored.push({ match: { person }, score: name.startsWith(q) ? 0 : name.includes(` ${q}`) ? 1 : 2 });
      continue;
    }
    const alias = person.aliases.find((a) => fold(a).includes(q));
    if (alias) scored.push({ match: { person, alias }, score: 3 });
  }
  scored.sort((a, b) => a.score - b.score || a.match.person.name.localeCompare(b.match.person.name));
  return scored.slice(0, limit).map((s) => s.match);
}
