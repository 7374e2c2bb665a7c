import type { Encounter } from '../../../shared/domain/entities';

export type JournalItem =
  { kind: 'day'; date: string; count: number } | { kind: 'encounter'; encounter: Encounter };

/** Flattens encounters (already newest first) into day headings followed by that day's encounters. */
export function groupByDay(encounters: readonly Encounter[]): JournalItem[] {
  const items: JournalItem[] = [];
  let heading: { kind: 'day'; date: string; count: number } | null = null;
  for (const encounter of encounters) {
    if (!heading || heading.date !== encounter.date) {
      heading = { kind: 'day', date: encounter.date, count: 0 };
      items.push(heading);
    }
    heading.count += 1;
    items.push({ kind: 'encounter', encounter });
  }
  return items;
}
