import { format, parseISO } from 'date-fns';
import { capitalised, formatStoredDay } from '../../../shared/domain/dayText';
import type { Encounter, Person } from '../../../shared/domain/entities';
import { CHANNEL_LABELS, CONTEXT_LABELS } from '../../../shared/domain/kinds';

// Stored days may name no real day (sync or a backup brought "2026-02-30"): date-fns throws on
// those, so they show as "unknown date (2026-02-30)" instead of taking the page down.

/** "Thursday 26 November 2026"; "Unknown date (2026-02-30)" for a day that does not exist. */
export function formatDayLong(day: string): string {
  return capitalised(formatStoredDay(day, (d) => format(parseISO(d), 'EEEE d MMMM yyyy')));
}

/** "26 Nov 2026"; "unknown date (2026-02-30)" for a day that does not exist. */
export function formatDayShort(day: string): string {
  return formatStoredDay(day, (d) => format(parseISO(d), 'd MMM yyyy'));
}

/** "1 h 30 min", "45 min"; '' when unknown. */
export function formatDuration(minutes: number): string {
  if (!minutes) return '';
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (!h) return `${m} min`;
  return m ? `${h} h ${m} min` : `${h} h`;
}

/** "1h 30m", for narrow columns. */
export function formatDurationShort(minutes: number): string {
  if (!minutes) return '';
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return [h ? `${h}h` : '', m ? `${m}m` : ''].filter(Boolean).join(' ');
}

/** Names of the people met, in the order recorded; unknown ids (a stale reference) are skipped. */
export function participantNames(encounter: Encounter, peopleById: Map<string, Person>): string[] {
  return encounter.participantIds.flatMap((id) => {
    const person = peopleById.get(id);
    return person ? [person.name] : [];
  });
}

/** "Ana Lopez", "Ana Lopez and Ben Ode", "Ana Lopez and 3 others". */
export function namesSummary(names: readonly string[]): string {
  if (names.length === 0) return 'nobody';
  if (names.length === 1) return names[0] ?? '';
  if (names.length === 2) return `${names[0]} and ${names[1]}`;
  return `${names[0]} and ${names.length - 1} others`;
}

/** What to call an encounter in a heading: its title, else its context and who was there. */
export function encounterHeading(encounter: Encounter, peopleById: Map<string, Person>): string {
  if (encounter.title) return encounter.title;
  return `${contextLabel(encounter)} with ${namesSummary(participantNames(encounter, peopleById))}`;
}

// A kind this version does not know (a newer Kith's, or a damaged one) shows as stored.
export const contextLabel = (e: Encounter) => CONTEXT_LABELS[e.context] ?? String(e.context);
export const channelLabel = (e: Encounter) => CHANNEL_LABELS[e.channel] ?? String(e.channel);

export const RATING_LABELS = [
  'Not rated',
  'Distant',
  'Acquainted',
  'Friendly',
  'Close',
  'Very close',
] as const;
