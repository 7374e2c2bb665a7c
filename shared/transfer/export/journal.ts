import type { Community, Encounter, FollowUp, Person, Tie } from '../../domain/entities';
import type { KithDatabase } from '../../db/collections';

/** The documents the exports read; plain data, so they are pure functions and run anywhere. */
export interface JournalData {
  people: Person[];
  encounters: Encounter[];
  communities: Community[];
  ties: Tie[];
  followups: FollowUp[];
}

type Readable = { find(): { exec(): Promise<{ toMutableJSON(): unknown }[]> } };

async function all<T>(db: KithDatabase, name: keyof JournalData): Promise<T[]> {
  return (await (db[name] as unknown as Readable).find().exec()).map((d) => d.toMutableJSON() as T);
}

export async function readJournal(db: KithDatabase): Promise<JournalData> {
  const [people, encounters, communities, ties, followups] = await Promise.all([
    all<Person>(db, 'people'),
    all<Encounter>(db, 'encounters'),
    all<Community>(db, 'communities'),
    all<Tie>(db, 'ties'),
    all<FollowUp>(db, 'followups'),
  ]);
  return { people, encounters, communities, ties, followups };
}

/** Newest first, then by time of day (later first), then by id, so every export lists alike. */
export function encountersNewestFirst(encounters: readonly Encounter[]): Encounter[] {
  return [...encounters].sort(
    (a, b) =>
      (a.date < b.date ? 1 : a.date > b.date ? -1 : 0) ||
      (a.time < b.time ? 1 : a.time > b.time ? -1 : 0) ||
      (a.id < b.id ? -1 : 1),
  );
}
